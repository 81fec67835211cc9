// The ways text gets into the page (paste, drop, open, examples) and what happens to it.
import { expect, test } from './fixtures';
import {
  LOCKDEP_CYCLE,
  LOCKDEP_EXAMPLE,
  NOT_A_REPORT,
  WITNESS_CYCLE,
  WITNESS_EXAMPLE,
} from './support/examples';

test('a pasted report shows its title, kind and cycle', async ({ app }) => {
  await app.open();
  await app.input.paste(WITNESS_EXAMPLE);
  const state = await app.waitForParseOf(WITNESS_EXAMPLE);
  expect(state.reports.map((r) => [r.format, r.kind])).toEqual([
    ['freebsd-witness', 'lock-order-reversal'],
  ]);

  const { details } = app.results;
  await expect(details.title).toHaveText(state.reports[0]!.title);
  await expect(details.kind).toHaveText('lock-order-reversal');
  await expect(details.cycle).toHaveText([...WITNESS_CYCLE, WITNESS_CYCLE[0]].join(' → '));
  await expect(app.results.items.first()).toContainText(`L${state.reports[0]!.lines.start}–`);
});

test('a file dropped on the page is read into the box', async ({ app }) => {
  await app.open();
  await app.input.dropFile('splat.txt', NOT_A_REPORT);
  await expect(app.input.box).toHaveValue(NOT_A_REPORT);
  await expect(app.input.source).toHaveText('File: splat.txt');
  await app.waitForParseOf(NOT_A_REPORT);
  await expect(app.results.noReport).toBeVisible();
});

test('a dropped report is parsed', async ({ app }) => {
  await app.open();
  await app.input.dropFile('witness.log', WITNESS_EXAMPLE);
  await expect(app.input.box).toHaveValue(WITNESS_EXAMPLE);
  await app.waitForParseOf(WITNESS_EXAMPLE);
  await expect(app.results.details.kind).toHaveText('lock-order-reversal');
});

test('"Open file…" reads the chosen file', async ({ app }) => {
  await app.open();
  await expect(app.input.openFile).toBeVisible();
  await app.input.openFileNamed('console.txt', NOT_A_REPORT);
  await expect(app.input.box).toHaveValue(NOT_A_REPORT);
  await expect(app.input.source).toHaveText('File: console.txt');
});

test('the Example menu replaces the text with the chosen example', async ({ app }) => {
  await app.open();
  await app.input.paste('something else');
  await app.input.chooseExample('witness-lor');
  await expect(app.input.box).toHaveValue(WITNESS_EXAMPLE);
  await expect(app.input.source).toContainText('FreeBSD WITNESS');
  await app.input.chooseExample('lockdep-circular');
  await expect(app.input.box).toHaveValue(LOCKDEP_EXAMPLE);
});

test('text with no report says why and where, and stays in the box', async ({ app }) => {
  await app.open();
  await app.input.paste(NOT_A_REPORT);
  const state = await app.waitForParseOf(NOT_A_REPORT);
  expect(state.reports).toEqual([]);
  expect(state.diagnostics.length).toBeGreaterThan(0);

  await expect(app.results.noReport).toBeVisible();
  await expect(app.results.noReport).toContainText('No lock report found');
  await expect(app.results.noReport).toContainText(state.diagnostics[0]!.message);
  await expect(app.results.details.root).toHaveCount(0);
  await expect(app.input.box).toHaveValue(NOT_A_REPORT);
});

test('a line number in a diagnostic selects that line in the box', async ({ app }) => {
  await app.open();
  await app.input.paste(NOT_A_REPORT);
  const state = await app.waitForParseOf(NOT_A_REPORT);
  const line = state.diagnostics.find((d) => d.line !== null)?.line;
  expect(line).toBe(3);
  await app.results.noReportLines.first().click();
  expect(await app.input.selectedText()).toBe(NOT_A_REPORT.split('\n')[2]);
  await expect(app.input.box).toBeFocused();
});

test('the report list and the report lines select text in the box', async ({ app }) => {
  await app.open();
  await app.load(`first line\n${LOCKDEP_EXAMPLE}`);
  const [report] = (await app.state()).reports;
  expect(report).toBeDefined();
  await app.results.details.lines.getByTestId('line.link').click();
  const selected = await app.input.selectedText();
  const lines = `first line\n${LOCKDEP_EXAMPLE}`.split('\n');
  expect(selected).toBe(lines.slice(report!.lines.start - 1, report!.lines.end).join('\n'));
  expect(selected).toContain('WARNING: possible circular locking dependency detected');
});

test('a reload keeps the last input', async ({ app }) => {
  await app.open();
  const text = `${NOT_A_REPORT}\nand one more line typed by hand`;
  await app.input.paste(text);
  await app.waitForParseOf(text);
  await app.page.reload();
  await app.open();
  await expect(app.input.box).toHaveValue(text);
  await expect(app.input.source).toHaveText('Restored from your last visit');
});

test('an emptied box stays empty after a reload and says what to do', async ({ app }) => {
  await app.open();
  await app.page.getByTestId('paste.clear').click();
  await app.waitForParseOf('');
  await expect(app.results.emptyHint).toBeVisible();
  await app.page.reload();
  await app.open();
  await expect(app.input.box).toHaveValue('');
  await expect(app.results.emptyHint).toBeVisible();
});

test('LOCKDEP_CYCLE names the example classes (guards the fixtures themselves)', () => {
  for (const name of LOCKDEP_CYCLE) expect(LOCKDEP_EXAMPLE).toContain(`(${name})`);
  for (const name of WITNESS_CYCLE) expect(WITNESS_EXAMPLE).toContain(` ${name} (${name}, `);
});

// House rule: nothing the user typed or pasted is ever lost, whatever they click next.
const TYPED = `my own notes\n${NOT_A_REPORT}\ntyped by hand, not saved anywhere else`;

test('opening a lesson never replaces typed text: back on Report, and after a reload, it is there', async ({
  app,
  page,
}) => {
  await app.open();
  await app.input.paste(TYPED);
  await app.waitForParseOf(TYPED);
  await page.getByTestId('app.page.lessons').click();
  await page.getByTestId('lessons.open.abba').click();
  await expect(page.getByTestId('lesson.title')).toBeVisible();
  await expect.poll(() => app.state().then((s) => s.reports[0]?.kind)).toBe('circular-dependency');

  // A reload on the lesson (its link is in the address bar) keeps the lesson, and the text.
  await page.reload();
  await expect(page.getByTestId('lesson.title')).toBeVisible();
  await page.getByTestId('app.page.report').click();
  await expect(app.input.box).toHaveValue(TYPED);
  await expect(app.input.source).toHaveText('Restored from your last visit');
  await expect(page.getByTestId('paste.replaced')).toHaveCount(0);

  // Back and forth between the tabs: the lesson's report comes back, and so does the text.
  await page.getByTestId('app.page.lessons').click();
  await expect.poll(() => app.state().then((s) => s.reports.length)).toBe(1);
  await page.getByTestId('app.page.report').click();
  await expect(app.input.box).toHaveValue(TYPED);
  await page.goto('/');
  await app.open();
  await expect(app.input.box).toHaveValue(TYPED);
});

test('typing then opening a lesson at once (before the text is saved) keeps the typing', async ({
  app,
  page,
}) => {
  await app.open();
  await app.input.paste(TYPED);
  await page.evaluate(() => window.lockscope!.state()); // no wait for the parse or the save
  await page.getByTestId('app.page.lessons').click();
  await page.getByTestId('lessons.open.three').click();
  await expect(page.getByTestId('lesson.title')).toBeVisible();
  await page.goto('/');
  await app.open();
  await expect(app.input.box).toHaveValue(TYPED);
});

test('choosing an example keeps typed text restorable, across a reload', async ({ app, page }) => {
  await app.open();
  await app.input.paste(TYPED);
  await app.waitForParseOf(TYPED);
  await app.input.chooseExample('witness-lor');
  await expect(app.input.box).toHaveValue(WITNESS_EXAMPLE);
  const note = page.getByTestId('paste.replaced');
  const lines = TYPED.split('\n').length;
  await expect(note).toContainText(`Your text (${lines} lines) was replaced.`);
  // Another example does not push the typed text out.
  await app.input.chooseExample('lockdep-circular');
  await expect(app.input.box).toHaveValue(LOCKDEP_EXAMPLE);

  await page.reload();
  await app.open();
  await expect(app.input.box).toHaveValue(LOCKDEP_EXAMPLE);
  await page.getByTestId('paste.restore').click();
  await expect(app.input.box).toHaveValue(TYPED);
  await expect(note).toHaveCount(0);
  await page.reload();
  await app.open();
  await expect(app.input.box).toHaveValue(TYPED);
});

test('Clear can be undone, and a file opened over typed text too', async ({ app, page }) => {
  await app.open();
  await app.input.paste(TYPED);
  await app.waitForParseOf(TYPED);
  await page.getByTestId('paste.clear').click();
  await expect(app.input.box).toHaveValue('');
  await page.getByTestId('paste.restore').click();
  await expect(app.input.box).toHaveValue(TYPED);

  await app.input.openFileNamed('console.txt', WITNESS_EXAMPLE);
  await expect(app.input.box).toHaveValue(WITNESS_EXAMPLE);
  await page.getByTestId('paste.restore').click();
  await expect(app.input.box).toHaveValue(TYPED);
  // Undo swapped: the file's text is the one kept aside now, and can come back in turn.
  await expect(page.getByTestId('paste.replaced')).toContainText('Your text from console.txt');
  await page.getByTestId('paste.discard').click();
  await expect(page.getByTestId('paste.replaced')).toHaveCount(0);
  await expect(app.input.box).toHaveValue(TYPED);
});
