// A log full of reports: duplicates grouped by their locks in the report list, and the merged
// graph with every cycle of every report listed and lit up on demand. The log is built from
// corpus reports read in place (src/logs/test-log.ts).
import { expect, test } from './fixtures';
import { buildLockGraph } from '../src/graph';
import { groupReports, logCycles } from '../src/logs';
import { buildCorpusLog, corpusLogAvailable } from '../src/logs/test-log';
import { parseText } from '../src/parse';

const DIR = 'screenshots';

test.describe('a log of several reports', () => {
  test.skip(!corpusLogAvailable(), 'the shared corpus is not here (set LOCKSCOPE_CORPUS)');
  test.use({ viewport: { width: 1280, height: 1400 } });

  const log = corpusLogAvailable() ? buildCorpusLog() : '';
  const reports = corpusLogAvailable() ? parseText(log).reports : [];
  const expected = groupReports(reports);

  test('lists duplicates once, with a count, the dedup key and their occurrences', async ({
    app,
  }) => {
    await app.open();
    await app.load(log);
    const state = await app.waitForParseOf(log);
    expect(state.reports).toHaveLength(9);
    expect(state.groups.map((g) => [g.key, g.count, g.reports])).toEqual(
      expected.map((g) => [g.key, g.count, g.reports]),
    );

    const list = app.page.getByTestId('reports.list');
    await expect(app.page.getByTestId('reports.summary')).toHaveText(
      '9 reports, 6 distinct (duplicates grouped by their locks)',
    );
    const groups = list.getByTestId('reports.group');
    await expect(groups).toHaveCount(2);
    const wg = groups.filter({ hasText: 'wg->static_identity.lock' });
    await expect(wg.getByTestId('reports.group-count')).toHaveText('×3');
    await expect(wg.getByTestId('reports.group-key')).toHaveText(
      'cycle: &wg->static_identity.lock | (work_completion)(&peer->transmit_handshake_work) | (wq_completion)wg-kex-wireguard1',
    );
    await expect(wg).toContainText('possible deadlock in wg_set_device (+1 other title)');
    // the first report is selected, so its group is open: its three occurrences are listed
    const toggle = wg.getByTestId('reports.group-toggle');
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(wg.getByTestId('reports.item')).toHaveCount(3);
    await expect(wg.getByTestId('reports.item').nth(1)).toContainText('peer_remove_after_dead');

    // the other group is closed until opened; an occurrence selects its report
    const ip = groups.filter({ hasText: 'sk_lock-AF_INET' });
    await expect(ip.getByTestId('reports.item')).toHaveCount(0);
    await ip.getByTestId('reports.group-toggle').click();
    await expect(ip.getByTestId('reports.item')).toHaveCount(2);
    await ip.getByTestId('reports.item').nth(1).click();
    expect((await app.state()).selected).toBe(5);
    await expect(app.results.details.title).toHaveText('possible deadlock in do_ip_getsockopt');
    // the wg group no longer holds the selection: it closed, and opens on request
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(wg.getByTestId('reports.item')).toHaveCount(0);
    await toggle.click();
    await expect(wg.getByTestId('reports.item')).toHaveCount(3);
    // singletons are plain items throughout
    await expect(list.locator(':scope > li > [data-testid="reports.item"]')).toHaveCount(4);
    await app.graph.drawn();
    await app.page.getByTestId('reports.list').screenshot({ path: `${DIR}/logs-groups.png` });
  });

  test('the merged graph holds every cycle; each is listed and lights up', async ({ app }) => {
    await app.open();
    await app.load(log);
    await app.waitForParseOf(log);
    await app.graph.merged.check();
    await app.graph.drawn();
    const state = await app.state();
    const graph = buildLockGraph(reports);
    const cycles = logCycles(reports, graph).cycles.map((c) => c.classes);
    expect(state.graph.merged).toBe(true);
    expect(state.graph.cycles).toEqual(cycles);
    // every report's cycle is in the list
    for (const r of reports.filter((x) => x.cycle?.length)) {
      const rotations = r.cycle!.map((_, k) => [...r.cycle!.slice(k), ...r.cycle!.slice(0, k)]);
      expect(
        rotations.some((rot) =>
          state.graph.cycles.some((c) => JSON.stringify(c) === JSON.stringify(rot)),
        ),
      ).toBe(true);
    }

    const items = app.page.getByTestId('cycles.item');
    await expect(items).toHaveCount(cycles.length);
    await expect(
      app.page.getByTestId('graph.area').getByRole('heading', { name: 'Every cycle' }),
    ).toBeVisible();
    // the seven-lock chain of seeds/002: choose it, the graph lights it up
    const seven = cycles.findIndex((c) => c.length === 7);
    expect(seven).toBeGreaterThanOrEqual(0);
    const button = items.nth(seven).getByTestId('cycles.focus');
    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    const lit = await app.state();
    expect(lit.graph.focusedCycle).toEqual(cycles[seven]);
    expect(lit.graph.highlighted).toEqual(cycles[seven]);
    await app.page.waitForTimeout(300);
    await app.page.screenshot({ path: `${DIR}/logs-merged.png`, fullPage: true });
    await app.graph.canvas.scrollIntoViewIfNeeded();
    await app.graph.canvas.screenshot({ path: `${DIR}/logs-merged-graph.png` });

    // again: off; clicking a lock class selects it instead
    await button.click();
    expect((await app.state()).graph.focusedCycle).toBeNull();
    expect((await app.state()).graph.highlighted).toEqual([]);
  });
});

test.describe('dark theme', () => {
  test.skip(!corpusLogAvailable(), 'the shared corpus is not here (set LOCKSCOPE_CORPUS)');
  test.use({ colorScheme: 'dark', viewport: { width: 1280, height: 1000 } });

  test('groups and the export menu read in the dark', async ({ app }) => {
    const log = buildCorpusLog();
    await app.open();
    await app.load(log);
    await app.waitForParseOf(log);
    await app.graph.drawn();
    await expect(app.page.getByTestId('reports.group')).toHaveCount(2);
    await app.page.getByTestId('export.button').click();
    await expect(app.page.getByTestId('export.menu')).toBeVisible();
    await app.page.screenshot({ path: `${DIR}/logs-dark.png` });
  });
});
