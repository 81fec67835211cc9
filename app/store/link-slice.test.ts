import { describe, expect, it } from 'vitest';
import { SCHEMA, type Report } from '../../src/model/types';
import { defaultViewState } from '../../src/permalink/state';
import { encodeLockscopeFile } from '../../src/permalink/lockscope-file';
import { createAppStore } from '.';

function report(cycle: string[]): Report {
  return {
    format: 'linux-lockdep',
    kind: 'circular-dependency',
    title: cycle.join(' '),
    lines: { start: 1, end: 2 },
    truncated: false,
    kernel: null,
    task: null,
    classes: [],
    dependencies: cycle.map((prev, i) => ({
      prev,
      next: cycle[(i + 1) % cycle.length]!,
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

function store() {
  let parses = 0;
  const s = createAppStore({
    parse: async () => {
      parses++;
      return { schema: SCHEMA, reports: [report(['a', 'b']), report(['c', 'd'])], diagnostics: [] };
    },
  });
  return { s, parses: () => parses };
}

describe('link slice', () => {
  it('opens a view: its text, report, merged flag and selection', async () => {
    const { s } = store();
    const problem = await s.getState().openView({
      ...defaultViewState('two reports'),
      report: 1,
      selection: { kind: 'edge', prev: 'c', next: 'd' },
      view: { merged: true },
    });
    expect(problem).toBeNull();
    expect(s.getState()).toMatchObject({
      input: 'two reports',
      inputSource: 'link',
      selected: 1,
      merged: true,
      graphSelection: { kind: 'edge', id: JSON.stringify(['c', 'd']) },
    });
  });

  it('says which part of a view it could not show, and shows the rest', async () => {
    const { s } = store();
    const problem = await s.getState().openView({
      ...defaultViewState('t'),
      report: 5,
      selection: { kind: 'node', id: 'a' },
    });
    expect(problem).toBe('The view opened, but its report #6 is not in the text (it holds 2)');
    expect(s.getState()).toMatchObject({ selected: 0, graphSelection: { kind: 'node', id: 'a' } });
  });

  it('moves between views of the same text without parsing it again', async () => {
    const { s, parses } = store();
    await s.getState().openView({ ...defaultViewState('t'), report: 1 });
    await s.getState().openView({ ...defaultViewState('t'), report: 0 });
    expect(parses()).toBe(1);
    expect(s.getState().selected).toBe(0);
  });

  it('keeps a report-only link’s line range while its text is in the box', async () => {
    const { s } = store();
    await s.getState().openView({ ...defaultViewState('t'), excerpt: { start: 3, end: 9 } });
    expect(s.getState().linkExcerpt).toEqual({ input: 't', start: 3, end: 9 });
  });

  it('opens a dropped .lockscope file by its content, and says what is wrong with a bad one', async () => {
    const { s } = store();
    const text = encodeLockscopeFile({ ...defaultViewState('from a file'), report: 1 });
    await s.getState().loadFile(Object.assign(new Blob([text]), { name: 'view.txt' }));
    expect(s.getState()).toMatchObject({
      input: 'from a file',
      selected: 1,
      inputSource: 'file',
      inputName: 'view.txt',
      linkError: null,
    });
    const cut = text.slice(0, 40);
    await s.getState().loadFile(Object.assign(new Blob([cut]), { name: 'cut.lockscope' }));
    expect(s.getState().linkError).toMatch(/^This file is damaged or cut off/);
    expect(s.getState().input).toBe('from a file');
  });
});
