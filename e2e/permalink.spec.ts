// Permalinks in the browser: a link opens the same view in a fresh browser, Back and Forward walk
// through earlier views, every kind of bad link says what is wrong and leaves a working page,
// markup in a link stays text, and a long log offers a report-only link and a .lockscope file.
import { APP_ORIGIN } from './support/offsite-guard';
import { readFileSync } from 'node:fs';
import type { Browser } from '@playwright/test';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { LOCKDEP_EXAMPLE, LOCKDEP_CYCLE, WITNESS_EXAMPLE } from './support/examples';
import { badLinks, linkTo } from './support/links';
import { guardContext } from './support/offsite-guard';

const TWO_REPORTS = `${WITNESS_EXAMPLE}\n${LOCKDEP_EXAMPLE}`;
const DIR = 'screenshots';

/** A page in a new browser context (no shared storage or history), guarded like the test's own. */
async function freshApp(browser: Browser, url: string) {
  const context = await browser.newContext();
  const guard = await guardContext(context);
  const app = new AppPage(await context.newPage());
  await app.open(url);
  return {
    app,
    close: async () => {
      expect(guard.offsite, 'requests that left the origin').toEqual([]);
      await context.close();
    },
  };
}

/** A dmesg log whose noise does not compress: its full link is far over 2,000 characters. */
function longLog(noiseLines: number): string {
  let seed = 12345;
  const hex = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31).toString(16).padStart(8, '0');
  const noise = Array.from(
    { length: noiseLines },
    (_, i) => `[ ${(i / 100).toFixed(6)}] pci 0000:${hex()}: BAR ${hex()} ${hex()} ${hex()}`,
  );
  return [...noise, LOCKDEP_EXAMPLE, ...noise.slice(0, 20)].join('\n');
}

test('a link opens the same reports, selection and step in a fresh browser', async ({
  app,
  browser,
}) => {
  await app.open();
  await app.load(TWO_REPORTS);
  await app.page.evaluate(() => window.lockscope!.select(1));
  const [prev, next] = (await app.state()).graph.edges[0]!;
  await app.page.evaluate(
    (id) => window.lockscope!.selectGraph({ kind: 'edge', id }),
    JSON.stringify([prev, next]),
  );
  await app.page.evaluate(() => window.lockscope!.step(2));
  const before = await app.state();
  expect(before.stepper?.index).toBe(2);
  const link = await app.permalink();
  expect(link.startsWith(`${APP_ORIGIN}/#v1.`)).toBe(true);
  expect(link).toMatch(/#v1\.[A-Za-z0-9_-]+$/);

  // The Share dialog offers the address bar's link, and its length.
  await app.share.open.click();
  await expect(app.share.dialog).toBeVisible();
  await expect(app.share.link).toHaveValue(link);
  await expect(app.share.linkLength).toHaveText(`(${link.length.toLocaleString('en')} characters)`);
  await expect(app.share.long).toHaveCount(link.length > 2000 ? 1 : 0);
  await app.page.keyboard.press('Escape');
  await expect(app.share.dialog).toHaveCount(0);

  const other = await freshApp(browser, link);
  const after = await other.app.state();
  expect(after.reports).toEqual(before.reports);
  expect(after.selected).toBe(1);
  expect(after.graph.selection).toEqual({ kind: 'edge', id: JSON.stringify([prev, next]) });
  expect(after.graph.highlighted).toEqual(before.graph.highlighted);
  expect(after.stepper).toMatchObject({
    scenario: before.stepper!.scenario,
    index: 2,
    schedule: before.stepper!.schedule,
  });
  await expect(other.app.input.box).toHaveValue(TWO_REPORTS);
  await expect(other.app.input.source).toHaveText(/Opened from a link/);
  expect(await other.app.permalink()).toBe(link);
  await other.close();
});

test('Back and Forward restore the earlier views', async ({ app }) => {
  await app.open();
  await app.load(TWO_REPORTS);
  const first = await app.permalink();
  expect((await app.state()).selected).toBe(0);
  await app.page.evaluate(() => window.lockscope!.select(1));
  const second = await app.permalink();
  await app.page.evaluate(
    (id) => window.lockscope!.selectGraph({ kind: 'node', id }),
    LOCKDEP_CYCLE[0]!,
  );
  const third = await app.permalink();
  // A step replaces the entry rather than adding one.
  await app.page.evaluate(() => window.lockscope!.step(1));
  const stepped = await app.permalink();
  expect(stepped).not.toBe(third);

  await app.page.goBack();
  await expect.poll(() => app.state().then((s) => s.graph.selection)).toBeNull();
  expect((await app.state()).selected).toBe(1);
  await expect(app.page).toHaveURL(second);

  await app.page.goBack();
  await expect.poll(() => app.state().then((s) => s.selected)).toBe(0);
  await expect(app.page).toHaveURL(first);

  await app.page.goForward();
  await expect.poll(() => app.state().then((s) => s.selected)).toBe(1);
  await app.page.goForward();
  await expect
    .poll(() => app.state().then((s) => s.graph.selection))
    .toEqual({ kind: 'node', id: LOCKDEP_CYCLE[0] });
  expect((await app.state()).stepper?.index).toBe(1);
  await expect(app.page).toHaveURL(stepped);
  await expect(app.input.box).toHaveValue(TWO_REPORTS);
});

test('every bad link says what is wrong, and the page still works', async ({ app }) => {
  const good = linkTo({ input: LOCKDEP_EXAMPLE, report: 0 });
  for (const bad of badLinks(good)) {
    await app.page.goto('about:blank');
    await app.open(bad.link);
    await expect(app.linkBanner.root, bad.name).toBeVisible();
    await expect(app.linkBanner.root).toHaveAttribute('role', 'alert');
    await expect(app.linkBanner.text, bad.name).toHaveText(bad.says);
    // It loaded what it would have loaded anyway, and it works.
    const state = await app.state();
    expect(state.status, bad.name).toBe('done');
    expect(state.reports.length, bad.name).toBeGreaterThan(0);
    expect(state.linkError).toMatch(bad.says);
  }
  await app.page.evaluate(() => window.lockscope!.whenDrawn());
  await app.page.screenshot({ path: `${DIR}/link-error-banner.png` });
  await app.linkBanner.dismiss.click();
  await expect(app.linkBanner.root).toHaveCount(0);
  await app.load(WITNESS_EXAMPLE);
  expect((await app.state()).reports[0]?.kind).toBe('lock-order-reversal');
});

test('markup in a lock name is shown as text and runs nothing', async ({ app, offsite }) => {
  const evil = '<img src=x onerror=window.__pwned=1>';
  const input = LOCKDEP_EXAMPLE.replaceAll('&dev->buf_lock', evil);
  await app.open(linkTo({ input, selection: { kind: 'node', id: evil } }));
  const state = await app.state();
  expect(state.graph.nodes).toContain(evil);
  expect(state.graph.selection).toEqual({ kind: 'node', id: evil });
  await expect(app.page.getByTestId('graph.details-name')).toHaveText(evil);
  await expect(app.results.details.cycle).toContainText(evil);
  await app.page.waitForTimeout(300);
  expect(await app.page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await app.page.locator('img').count()).toBe(0);
  expect(offsite.requested.filter((u) => /\/x$/.test(u))).toEqual([]);
});

test('a long log offers the report-only link and a .lockscope file that reopens the view', async ({
  app,
  browser,
}) => {
  const log = longLog(2000);
  expect(log.length).toBeGreaterThan(100_000);
  await app.open();
  await app.load(log);
  const [prev, next] = (await app.state()).graph.edges[1]!;
  await app.page.evaluate(
    (id) => window.lockscope!.selectGraph({ kind: 'edge', id }),
    JSON.stringify([prev, next]),
  );
  await app.page.evaluate(() => window.lockscope!.step(1));
  const address = await app.permalink();
  const state = await app.state();
  // The address bar holds the report-only link: never 100 kB of text in the history.
  expect(state.permalinkReduced).toBe(true);
  expect(address.length).toBeLessThan(2000);

  await app.share.open.click();
  await expect(app.share.long).toBeVisible();
  await expect(app.share.addressNote).toBeVisible();
  const full = await app.share.link.inputValue();
  expect(full.length).toBeGreaterThan(2000);
  const reportOnly = await app.share.reportLink.inputValue();
  expect(reportOnly.length).toBeLessThan(2000);
  expect(reportOnly).toBe(address);
  await app.page.screenshot({ path: `${DIR}/share-dialog-long.png` });

  const downloading = app.page.waitForEvent('download');
  await app.share.download.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.lockscope$/);
  const file = readFileSync((await download.path())!, 'utf8');
  expect(file).toMatch(/^\{\n {2}"format": "lockscope\/1"/);
  await app.share.close.click();

  // The file, dropped on a fresh page, opens the whole view; the report-only link, its report.
  const other = await freshApp(browser, '/');
  await other.app.input.dropFile('shared.lockscope', file);
  await expect.poll(() => other.app.state().then((s) => s.inputLength)).toBe(log.length);
  await expect
    .poll(() => other.app.state().then((s) => s.graph.selection))
    .toEqual({ kind: 'edge', id: JSON.stringify([prev, next]) });
  expect((await other.app.state()).stepper?.index).toBe(1);
  await other.app.page.goto(reportOnly);
  await other.app.page.evaluate(() => window.lockscope!.ready);
  await expect.poll(() => other.app.state().then((s) => s.reports.length)).toBe(1);
  const opened = await other.app.state();
  expect(opened.reports[0]!.title).toBe(state.reports[state.selected!]!.title);
  expect(opened.graph.selection).toEqual({ kind: 'edge', id: JSON.stringify([prev, next]) });
  await other.close();
});

test('the Share dialog for a short link (screenshot)', async ({ app }) => {
  await app.open();
  await app.permalink();
  await app.share.open.click();
  await expect(app.share.link).not.toHaveValue('');
  // Focus stays in the dialog: Tab from the last control does not reach the page behind.
  for (let i = 0; i < 6; i++) await app.page.keyboard.press('Tab');
  expect(
    await app.page.evaluate(
      () => !!document.activeElement?.closest('[data-testid="share.dialog"]'),
    ),
  ).toBe(true);
  await expect(app.share.dialog).toHaveAccessibleName('Share this view');
  await app.page.screenshot({ path: `${DIR}/share-dialog-short.png` });
});

test('the golden v1 links open their views in the app', async ({ app }) => {
  const lines = readFileSync('src/permalink/testdata/links-v1.txt', 'utf8').split('\n');
  const entries = lines.flatMap((line, i) =>
    line.startsWith('http') ? [{ link: line, expect: JSON.parse(lines[i + 1]!.slice(8)) }] : [],
  );
  expect(entries.length).toBeGreaterThanOrEqual(4);
  for (const { link, expect: want } of entries) {
    await app.page.goto('about:blank');
    if (want.simulator) {
      // a program link opens the Simulator page with its program, run, its deadlock selected
      await app.page.goto(link.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''));
      await app.page.waitForFunction(() => window.lockscope !== undefined);
      await app.page.evaluate(() => window.lockscope!.ready);
      await expect.poll(() => app.state().then((s) => s.simulator.status)).toBe('done');
      const s = await app.state();
      expect([s.linkError, s.page, s.simulator.programLength]).toEqual([
        null,
        'simulator',
        want.input.length,
      ]);
      expect(s.simulator.selected).toBe(want.simulator.deadlock ?? null);
      continue;
    }
    await app.open(link.replace(/^http:\/\/127\.0\.0\.1:\d+/, ''));
    const s = await app.state();
    expect(s.linkError, link).toBeNull();
    expect(s.inputLength).toBe(want.input.length);
    if (want.report !== null) expect(s.selected).toBe(want.report);
    expect(s.graph.merged).toBe(want.view.merged);
    const sel = want.selection;
    expect(s.graph.selection).toEqual(
      sel === null
        ? null
        : sel.kind === 'node'
          ? sel
          : { kind: 'edge', id: JSON.stringify([sel.prev, sel.next]) },
    );
    if (want.stepper) {
      expect(s.stepper).toMatchObject({
        scenario: want.stepper.scenario,
        index: want.stepper.index,
        mode: want.stepper.mode ?? 'play',
      });
    }
    if (want.cycle && !want.view.merged) expect(s.graph.cycle).toEqual(want.cycle);
  }
});

test('a link pasted into the address bar of an open page opens its view there', async ({ app }) => {
  await app.open();
  await app.permalink();
  await app.page.goto(linkTo({ input: WITNESS_EXAMPLE }));
  await expect.poll(() => app.state().then((s) => s.inputLength)).toBe(WITNESS_EXAMPLE.length);
  expect((await app.state()).reports[0]?.kind).toBe('lock-order-reversal');
  await expect(app.input.source).toHaveText(/Opened from a link/);
  await app.page.goto('/#v1.AAAA');
  await expect(app.linkBanner.text).toHaveText(/This link is cut off/);
  expect((await app.state()).inputLength).toBe(WITNESS_EXAMPLE.length);
});
