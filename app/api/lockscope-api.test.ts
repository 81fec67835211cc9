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
    });
    // a snapshot, not a view into the store
    state.reports.length = 0;
    expect(api.state().reports).toHaveLength(1);
    api.select(null);
    expect(api.state().selected).toBeNull();
  });
});
