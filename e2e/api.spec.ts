// window.lockscope: the scripting API that tests and embedding pages use.
import { expect, test } from './fixtures';
import { LOCKDEP_EXAMPLE, NOT_A_REPORT, WITNESS_EXAMPLE } from './support/examples';

test('load() resolves after parsing and state() reports no report, with diagnostics', async ({
  app,
}) => {
  await app.open();
  await app.load(NOT_A_REPORT);
  const state = await app.state();
  expect(state).toMatchObject({
    reports: [],
    selected: null,
    status: 'done',
    inputLength: NOT_A_REPORT.length,
  });
  expect(state.diagnostics[0]).toMatchObject({ severity: 'error', line: 3 });
  await expect(app.input.box).toHaveValue(NOT_A_REPORT);
  // state() is plain JSON: it survives a round trip unchanged.
  expect(JSON.parse(JSON.stringify(state))).toEqual(state);
});

test('the last of several quick load() calls wins', async ({ app }) => {
  await app.open();
  await app.page.evaluate(
    ([a, b]) => Promise.all([window.lockscope!.load(a), window.lockscope!.load(b)]),
    [LOCKDEP_EXAMPLE, NOT_A_REPORT] as const,
  );
  const state = await app.state();
  expect(state.inputLength).toBe(NOT_A_REPORT.length);
  expect(state.reports).toEqual([]);
});

test('load() and state() describe the reports found', async ({ app }) => {
  await app.open();
  await app.load(`${WITNESS_EXAMPLE}\n${LOCKDEP_EXAMPLE}`);
  const state = await app.state();
  expect(state.reports.map((r) => [r.format, r.kind])).toEqual([
    ['freebsd-witness', 'lock-order-reversal'],
    ['linux-lockdep', 'circular-dependency'],
  ]);
  expect(state.selected).toBe(0);
  for (const r of state.reports) expect(r.title.length).toBeGreaterThan(0);
  await expect(app.results.items).toHaveCount(2);

  await app.page.evaluate(() => window.lockscope!.select(1));
  expect((await app.state()).selected).toBe(1);
  await expect(app.results.details.kind).toHaveText('circular-dependency');
  await expect(app.results.items.nth(1)).toHaveAttribute('aria-current', 'true');
});
