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
