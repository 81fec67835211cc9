import { describe, expect, it } from 'vitest';
import { SCHEMA, type Report } from '../../src/model/types';
import { createAppStore } from '../store';
import { createLockscopeApi } from './lockscope-api';

const report: Report = {
  format: 'freebsd-witness',
  kind: 'lock-order-reversal',
  title: 'lock order reversal: a -> b',
  lines: { start: 3, end: 9 },
  truncated: false,
  kernel: null,
  task: null,
  classes: [],
  dependencies: [],
  cycle: ['a', 'b'],
  scenario: null,
  heldLocks: null,
  trace: [],
};

describe('window.lockscope', () => {
  it('loads text and describes what the page shows, as plain JSON', async () => {
    const store = createAppStore({
      parse: async (text) => ({
        schema: SCHEMA,
        reports: text.includes('reversal') ? [report] : [],
        diagnostics: [{ line: 1, severity: 'info', message: 'a note' }],
      }),
    });
    const api = createLockscopeApi(store, Promise.resolve());
    await api.load('lock order reversal:');
    const state = api.state();
    expect(state).toEqual({
      reports: [
        {
          title: report.title,
          kind: 'lock-order-reversal',
          format: 'freebsd-witness',
          lines: { start: 3, end: 9 },
        },
      ],
      selected: 0,
      diagnostics: [{ line: 1, severity: 'info', message: 'a note' }],
      status: 'done',
      inputLength: 20,
      // No address bar in this test: nothing writes a link.
      permalink: null,
      permalinkReduced: false,
      linkError: null,
      lockGraph: null,
      groups: [
        {
          key: 'cycle: a | b',
          title: report.title,
          titles: [report.title],
          count: 1,
          reports: [0],
          first: 3,
          last: 9,
          kinds: ['lock-order-reversal'],
        },
      ],
      page: 'report',
      lesson: null,
      presenting: false,
      simulator: expect.objectContaining({ status: 'idle', errors: [], deadlocks: [] }),
      graph: {
        nodes: ['a', 'b'],
        edges: [
          ['a', 'b'],
          ['b', 'a'],
        ],
        cycle: ['a', 'b'],
        highlighted: [],
        selection: null,
        merged: false,
        drawn: 0,
        cycles: [['a', 'b']],
        focusedCycle: null,
      },
      stepper: expect.objectContaining({
        scenario: 'lor',
        cpus: ['Thread A', 'Thread B'],
        index: 0,
        length: 4,
        deadlocked: false,
        holds: { 'Thread A': [], 'Thread B': [] },
        waits: { 'Thread A': null, 'Thread B': null },
        schedule: '0101',
      }),
    });
    // a snapshot, not a view into the store
    state.reports.length = 0;
    expect(api.state().reports).toHaveLength(1);
    api.select(null);
    expect(api.state().selected).toBeNull();
    expect(api.state().graph.nodes).toEqual([]);
  });

  it('steps the two threads into the reversal, and lets the caller schedule them', async () => {
    const store = createAppStore({
      parse: async () => ({ schema: SCHEMA, reports: [report], diagnostics: [] }),
    });
    const api = createLockscopeApi(store, Promise.resolve());
    await api.load('x');
    api.step(2);
    expect(api.state().stepper).toMatchObject({
      index: 2,
      holds: { 'Thread A': ['a'], 'Thread B': ['b'] },
      sentence: 'Thread B takes b',
    });
    api.step(99);
    expect(api.state().stepper).toMatchObject({
      index: 4,
      deadlocked: true,
      waits: { 'Thread A': 'b', 'Thread B': 'a' },
      cycle: [
        { cpu: 'Thread A', class: 'b', holder: 'Thread B' },
        { cpu: 'Thread B', class: 'a', holder: 'Thread A' },
      ],
    });
    api.step(-99);
    expect(api.state().stepper?.index).toBe(0);

    api.setStepperMode('schedule');
    expect(api.state().stepper).toMatchObject({ mode: 'schedule', schedule: '', length: 0 });
    for (const who of ['Thread A', 'Thread A', 'Thread A', 'Thread A'])
      expect(api.choose(who)).toBe(true);
    expect(api.choose('Thread C')).toBe(false);
    expect(api.state().stepper).toMatchObject({ schedule: '0000', status: 'running' });
    for (let i = 0; i < 4; i++) api.choose(1);
    expect(api.state().stepper).toMatchObject({ schedule: '00001111', status: 'finished' });
    api.undo();
    expect(api.state().stepper).toMatchObject({ schedule: '0000111', index: 7 });
    expect(api.setSchedule('0111')).toBe('step 4: Thread B is waiting for a, held by Thread A');
    expect(api.state().stepper).toMatchObject({ schedule: '011', index: 3 });
    expect(api.setSchedule('0110')).toBeNull();
    expect(api.state().stepper).toMatchObject({ status: 'deadlocked', enabled: [] });
  });

  it('lights up the shortest cycle through a selected dependency', async () => {
    const store = createAppStore({
      parse: async () => ({ schema: SCHEMA, reports: [report], diagnostics: [] }),
    });
    const api = createLockscopeApi(store, Promise.resolve());
    await api.load('x');
    api.selectGraph({ kind: 'edge', id: JSON.stringify(['b', 'a']) });
    expect(api.state().graph.highlighted.sort()).toEqual(['a', 'b']);
    api.selectGraph({ kind: 'node', id: 'b' });
    expect(api.state().graph.highlighted).toEqual(['b']);
  });

  it('whenDrawn() waits for the view to draw the graph shown now', async () => {
    const store = createAppStore({
      parse: async () => ({ schema: SCHEMA, reports: [report], diagnostics: [] }),
    });
    const api = createLockscopeApi(store, Promise.resolve());
    await api.whenDrawn(); // nothing to draw yet
    await api.load('x');
    let drawn = false;
    const waiting = api.whenDrawn().then(() => (drawn = true));
    await Promise.resolve();
    expect(drawn).toBe(false);
    store.getState().markDrawn('stale key');
    await Promise.resolve();
    expect(drawn).toBe(false);
    const { selectGraphKey } = await import('../store');
    store.getState().markDrawn(selectGraphKey(store.getState()));
    await waiting;
    expect(api.state().graph.drawn).toBe(2);
  });
});

describe('window.lockscope on a log of several reports', () => {
  const mk = (cycle: string[], title: string, start: number): Report => ({
    ...report,
    format: 'linux-lockdep',
    kind: 'circular-dependency',
    title,
    cycle,
    lines: { start, end: start + 5 },
  });
  const reports = [
    mk(['a', 'b'], 'possible deadlock in f', 1),
    mk(['c', 'd'], 'possible deadlock in h', 10),
    mk(['b', 'a'], 'possible deadlock in g', 20),
    mk(['d', 'b', 'c'], 'possible deadlock in k', 30),
  ];

  it('groups duplicates and lists every cycle of the merged graph; a cycle can be lit up', async () => {
    const store = createAppStore({
      parse: async () => ({ schema: SCHEMA, reports, diagnostics: [] }),
    });
    const api = createLockscopeApi(store, Promise.resolve());
    await api.load('x');
    const s = api.state();
    expect(s.groups.map((g) => [g.key, g.reports, g.titles])).toEqual([
      ['cycle: a | b', [0, 2], ['possible deadlock in f', 'possible deadlock in g']],
      ['cycle: c | d', [1], ['possible deadlock in h']],
      ['cycle: b | c | d', [3], ['possible deadlock in k']],
    ]);
    expect(s.graph.cycles).toEqual([['a', 'b']]);

    api.setMerged(true);
    const cycles = api.state().graph.cycles;
    expect(cycles).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['d', 'b', 'c'],
    ]);

    store.getState().focusCycle(['c', 'd']);
    expect(api.state().graph.focusedCycle).toEqual(['c', 'd']);
    expect(api.state().graph.highlighted).toEqual(['c', 'd']);
    api.selectGraph({ kind: 'node', id: 'a' });
    expect(api.state().graph.focusedCycle).toBeNull();
    expect(api.state().graph.highlighted).toEqual(['a']);
    store.getState().focusCycle(['a', 'zz']); // not in the graph: nothing lights up
    expect(api.state().graph.highlighted).toEqual([]);
    api.setMerged(false);
    expect(api.state().graph.focusedCycle).toBeNull();
  });
});
