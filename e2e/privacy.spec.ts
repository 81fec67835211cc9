// "Nothing you paste leaves your browser": every request the page makes while it is used goes to
// its own origin. (Every other spec checks this too, through the fixture's offsite guard.)
import { expect, test } from './fixtures';
import { NOT_A_REPORT, WITNESS_EXAMPLE } from './support/examples';
import { APP_ORIGIN } from './support/offsite-guard';

test('no request leaves the origin while the app is used', async ({ app, offsite }) => {
  await app.open();
  await app.input.chooseExample('witness-lor');
  await app.waitForParseOf(WITNESS_EXAMPLE);
  await app.input.paste(NOT_A_REPORT);
  await app.waitForParseOf(NOT_A_REPORT);
  await app.input.dropFile('a.txt', WITNESS_EXAMPLE);
  await app.waitForParseOf(WITNESS_EXAMPLE);
  await app.page.reload();
  await app.open();

  expect(offsite.requested.length).toBeGreaterThan(3);
  expect(offsite.requested.some((u) => u.includes('/examples/'))).toBe(true);
  expect(offsite.offsite).toEqual([]);
  for (const url of offsite.requested)
    expect(
      url.startsWith(`${APP_ORIGIN}/`) || url.startsWith('data:') || url.startsWith('blob:'),
    ).toBe(true);
});

test('the built page forbids connections to any other origin', async ({ app }) => {
  await app.open();
  const csp = await app.page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("connect-src 'self'");
  expect(csp).toContain("default-src 'self'");
  // The browser itself refuses a fetch to elsewhere, even one the page's own code would make.
  const outcome = await app.page.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'sent',
      () => 'refused',
    ),
  );
  expect(outcome).toBe('refused');
});

test('the page uses no web fonts and no third-party scripts', async ({ app, offsite }) => {
  await app.open();
  const fonts = await app.page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].map((f) => f.family);
  });
  expect(fonts).toEqual([]);
  const scripts = await app.page
    .locator('script[src]')
    .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).src));
  for (const src of scripts) expect(src.startsWith(`${APP_ORIGIN}/`)).toBe(true);
  expect(offsite.requested.every((u) => !u.endsWith('.woff2') && !u.endsWith('.woff'))).toBe(true);
});
