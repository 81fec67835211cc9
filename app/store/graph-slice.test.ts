import { describe, expect, it } from 'vitest';
import { SCHEMA, type Report } from '../../src/model/types';
import {
  createAppStore,
  firstInterestingReport,
  selectGraphKey,
  selectHighlight,
  selectLockGraph,
} from '.';

function report(cycle: string[] | null, deps: [string, string][] = []): Report {
  return {
    format: 'linux-lockdep',
    kind: cycle ? 'circular-dependency' : 'bad-unlock-balance',
    title: `report ${cycle?.join(' ') ?? 'none'}`,
    lines: { start: 1, end: 2 },
    truncated: false,
    kernel: null,
    task: null,
    classes: [],
    dependencies: deps.map(([prev, next]) => ({
      prev,
      next,
      trace: [],
      chainEntry: null,
      isNew: false,
    })),
    cycle,
    scenario: null,
    heldLocks: null,
    trace: [],
  };
}

async function storeWith(reports: Report[]) {
  const store = createAppStore({
    parse: async () => ({ schema: SCHEMA, reports, diagnostics: [] }),
  });
  await store.getState().loadInput('text', 'api');
  return store;
}

describe('graph slice and selectors', () => {
  it('selects the first report with a cycle, else one with a dependency, else the first', () => {
    expect(firstInterestingReport([])).toBeNull();
    expect(firstInterestingReport([report(null), report(['a', 'b'])])).toBe(1);
    expect(firstInterestingReport([report(null), report(null, [['a', 'b']])])).toBe(1);
    expect(firstInterestingReport([report(null), report(null)])).toBe(0);
  });

  it('derives the graph of the selected report, memoised, and merges on request', async () => {
    const store = await storeWith([report(['a', 'b']), report(['b', 'c'])]);
    const first = selectLockGraph(store.getState());
    expect(first?.nodes.map((n) => n.id)).toEqual(['a', 'b']);
    store.getState().showLines(3); // unrelated state change
    expect(selectLockGraph(store.getState())).toBe(first);
    const key = selectGraphKey(store.getState());

    store.getState().setMerged(true);
    const merged = selectLockGraph(store.getState());
    expect(merged?.nodes.map((n) => n.id)).toEqual(['a', 'b', 'c']);
    expect(merged?.sccs).toEqual([['a', 'b', 'c']]); // a⇄b and b⇄c make one component
    expect(selectGraphKey(store.getState())).not.toBe(key);
  });

  it('forgets the graph selection when another report or a new parse is shown', async () => {
    const store = await storeWith([report(['a', 'b']), report(['b', 'c'])]);
    store.getState().selectGraphElement({ kind: 'node', id: 'a' });
    expect(selectHighlight(store.getState()).nodes).toEqual(['a']);
    store.getState().selectReport(1);
    expect(store.getState().graphSelection).toBeNull();
    store.getState().selectGraphElement({ kind: 'node', id: 'c' });
    await store.getState().loadInput('again', 'api');
    expect(store.getState().graphSelection).toBeNull();
  });

  it('a selected dependency lights up the shortest cycle through it', async () => {
    const store = await storeWith([
      report(
        ['a', 'b', 'c'],
        [
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
          ['b', 'a'],
        ],
      ),
    ]);
    store.getState().selectGraphElement({ kind: 'edge', id: JSON.stringify(['b', 'a']) });
    const h = selectHighlight(store.getState());
    expect([...h.nodes].sort()).toEqual(['a', 'b']);
    expect([...h.edges].sort()).toEqual([JSON.stringify(['a', 'b']), JSON.stringify(['b', 'a'])]);
    expect(selectHighlight(store.getState())).toBe(h);
  });

  it('a class no longer in the graph lights up nothing', async () => {
    const store = await storeWith([report(['a', 'b'])]);
    store.getState().selectGraphElement({ kind: 'node', id: 'gone' });
    expect(selectHighlight(store.getState()).nodes).toEqual([]);
  });
});
