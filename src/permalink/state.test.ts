import { describe, expect, it } from 'vitest';
import { defaultViewState, normalizeState } from './state';

describe('normalizeState', () => {
  it('fills in every default; unknown fields are ignored', () => {
    expect(normalizeState({ input: 'x', later: { field: 1 } })).toEqual({
      ok: true,
      state: defaultViewState('x'),
    });
  });

  it('keeps a full state as it is', () => {
    const state = {
      input: 'x',
      report: 0,
      selection: { kind: 'node', id: 'rtnl_mutex' },
      stepper: { scenario: null, index: 0, schedule: null, mode: 'play' },
      view: { merged: true, layout: 'layered', zoom: 2, labels: false },
      excerpt: { start: 3, end: 9 },
    };
    expect(normalizeState(state)).toEqual({ ok: true, state });
  });

  it('reads a stepper that gives only some of its fields', () => {
    const r = normalizeState({ input: '', stepper: { scenario: 'full' } });
    expect(r.ok && r.state.stepper).toEqual({ scenario: 'full', index: 0, schedule: null });
  });

  it.each([
    [null, 'it holds no view'],
    [{}, 'it holds no text'],
    [{ input: 1 }, 'it holds no text'],
    [{ input: '', report: -1 }, 'its report number is not a number'],
    [{ input: '', report: 1.5 }, 'its report number is not a number'],
    [
      { input: '', selection: { kind: 'node' } },
      'its selection is not a lock class or a dependency',
    ],
    [
      { input: '', selection: { kind: 'edge', prev: 'a' } },
      'its selection is not a lock class or a dependency',
    ],
    [
      { input: '', stepper: { schedule: '01X' } },
      'its stepper position is not one lockscope writes',
    ],
    [{ input: '', stepper: { mode: 'run' } }, 'its stepper position is not one lockscope writes'],
    [{ input: '', view: { merged: 'yes' } }, 'its view options are not ones lockscope writes'],
    [{ input: '', view: { nested: { a: 1 } } }, 'its view options are not ones lockscope writes'],
    [
      { input: '', view: JSON.parse('{"__proto__": true}') },
      'its view options are not ones lockscope writes',
    ],
    [{ input: '', view: { constructor: true } }, 'its view options are not ones lockscope writes'],
    [{ input: '', excerpt: { start: 5, end: 2 } }, 'its line range is not a line range'],
  ])('refuses %j: %s', (raw, reason) => {
    expect(normalizeState(raw)).toEqual({ ok: false, reason });
  });
});
