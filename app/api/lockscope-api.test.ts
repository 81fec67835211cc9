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
      page: 'report',
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
