import { afterEach, describe, expect, it, vi } from 'vitest';
import { SCHEMA, type ParseOutput, type Report } from '../../src/model/types';
import { createAppStore, MAX_STORED_CHARS, selectFoundNothing, selectSelectedReport } from '.';
import type { InputMeta, InputStorage } from './types';
import { emptyReport } from '../../src/model/report';

function report(title: string): Report {
  return { ...emptyReport('linux-lockdep', 'circular-dependency', { start: 1, end: 2 }), title };
}

/** A parser whose answers the test releases by hand, in any order. */
function manualParser() {
  const calls: { text: string; resolve: (o: ParseOutput) => void; reject: (e: Error) => void }[] =
    [];
  const parse = (text: string) =>
    new Promise<ParseOutput>((resolve, reject) => calls.push({ text, resolve, reject }));
  const answer = (i: number, titles: string[]) =>
    calls[i]!.resolve({ schema: SCHEMA, reports: titles.map(report), diagnostics: [] });
  return { parse, calls, answer };
}

function memoryStorage(
  initial: string | null = null,
): InputStorage & { value: string | null; meta: InputMeta | null } {
  const s = {
    value: initial,
    meta: null as InputMeta | null,
    load: () => s.value,
    save: (t: string) => {
      s.value = t;
    },
    loadMeta: () => s.meta,
    saveMeta: (m: InputMeta) => {
      s.meta = m;
    },
  };
  return s;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('report slice', () => {
  it('parses loaded text at once and selects the first report', async () => {
    const p = manualParser();
    const store = createAppStore({ parse: p.parse });
    const loaded = store.getState().loadInput('text', 'api');
    expect(store.getState().status).toBe('parsing');
    p.answer(0, ['A', 'B']);
    await loaded;
    const s = store.getState();
    expect(s.status).toBe('done');
    expect(s.selected).toBe(0);
    expect(selectSelectedReport(s)?.title).toBe('A');
  });

  it('ignores a stale answer that arrives after a newer one', async () => {
    const p = manualParser();
    const store = createAppStore({ parse: p.parse });
    const first = store.getState().loadInput('one', 'api');
    const second = store.getState().loadInput('two', 'api');
    p.answer(1, ['second']);
    await Promise.all([first, second]);
    p.answer(0, ['first']);
    await Promise.resolve();
    expect(selectSelectedReport(store.getState())?.title).toBe('second');
    expect(store.getState().input).toBe('two');
  });

  it('waits for typing to pause, then parses only the last text', async () => {
    vi.useFakeTimers();
    const p = manualParser();
    const storage = memoryStorage();
    const store = createAppStore({ parse: p.parse, storage, debounceMs: 200 });
    store.getState().editInput('a');
    store.getState().editInput('ab');
    expect(store.getState().status).toBe('parsing');
    vi.advanceTimersByTime(199);
    expect(p.calls).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(p.calls.map((c) => c.text)).toEqual(['ab']);
    expect(storage.value).toBe('ab');
  });

  it('says it found nothing when the parse finds no report', async () => {
    const p = manualParser();
    const store = createAppStore({ parse: p.parse });
    const loaded = store.getState().loadInput('noise', 'typed');
    p.answer(0, []);
    await loaded;
    expect(selectFoundNothing(store.getState())).toBe(true);
    expect(store.getState().selected).toBeNull();
    expect(store.getState().input).toBe('noise');
  });

  it('reports a parser failure and keeps the text', async () => {
    const p = manualParser();
    const store = createAppStore({ parse: p.parse });
    const loaded = store.getState().loadInput('x', 'api');
    p.calls[0]!.reject(new Error('worker crashed'));
    await loaded;
    expect(store.getState()).toMatchObject({
      status: 'failed',
      failure: 'worker crashed',
      input: 'x',
    });
  });

  it('keeps loaded text for the next visit, except text too big to keep', async () => {
    const storage = memoryStorage();
    const store = createAppStore({
      parse: async () => ({ schema: SCHEMA, reports: [], diagnostics: [] }),
      storage,
    });
    await store.getState().loadInput('kept', 'file', 'a.txt');
    expect(storage.value).toBe('kept');
    await store.getState().loadInput('x'.repeat(MAX_STORED_CHARS + 1), 'api');
    expect(storage.value).toBe('');
  });

  it('does not write back text it restored', async () => {
    const storage = memoryStorage('old');
    const save = vi.spyOn(storage, 'save');
    const store = createAppStore({
      parse: async () => ({ schema: SCHEMA, reports: [], diagnostics: [] }),
      storage,
    });
    await store.getState().loadInput('old', 'restored');
    expect(save).not.toHaveBeenCalled();
  });

  it('survives a storage that throws', async () => {
    const store = createAppStore({
      parse: async () => ({ schema: SCHEMA, reports: [report('A')], diagnostics: [] }),
      storage: {
        load: () => null,
        save: () => {
          throw new Error('QuotaExceededError');
        },
      },
    });
    await store.getState().loadInput('text', 'api');
    expect(store.getState().status).toBe('done');
  });

  it('loads a file by its text and names it', async () => {
    const store = createAppStore({
      parse: async (t) => ({ schema: SCHEMA, reports: [report(t)], diagnostics: [] }),
    });
    const file = Object.assign(new Blob(['from a file']), { name: 'splat.txt' });
    await store.getState().loadFile(file);
    expect(store.getState()).toMatchObject({
      input: 'from a file',
      inputSource: 'file',
      inputName: 'splat.txt',
    });
  });

  it('loads an example through the injected fetcher', async () => {
    const store = createAppStore({
      parse: async () => ({ schema: SCHEMA, reports: [], diagnostics: [] }),
      fetchExample: async (id) => `text of ${id}`,
    });
    await store.getState().loadExample('witness-lor');
    expect(store.getState()).toMatchObject({
      input: 'text of witness-lor',
      inputSource: 'example',
      inputName: 'witness-lor',
    });
  });

  it('selects only reports that exist', async () => {
    const store = createAppStore({
      parse: async () => ({ schema: SCHEMA, reports: [report('A'), report('B')], diagnostics: [] }),
    });
    await store.getState().loadInput('t', 'api');
    store.getState().selectReport(1);
    expect(store.getState().selected).toBe(1);
    store.getState().selectReport(2);
    expect(store.getState().selected).toBe(1);
    store.getState().selectReport(null);
    expect(store.getState().selected).toBeNull();
  });

  it('gives every store its own state', async () => {
    const parse = async () => ({ schema: SCHEMA, reports: [], diagnostics: [] }) as ParseOutput;
    const a = createAppStore({ parse });
    const b = createAppStore({ parse });
    await a.getState().loadInput('only in a', 'api');
    expect(b.getState().input).toBe('');
  });
});

describe("the user's own text is never lost", () => {
  const parse = async (t: string) => ({ schema: SCHEMA, reports: [report(t)], diagnostics: [] });

  it('keeps typed text an example replaced, across a reload, until Undo brings it back', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const deps = { parse, storage, debounceMs: 10, fetchExample: async (id: string) => `ex ${id}` };
    const store = createAppStore(deps);
    store.getState().editInput('my notes');
    await store.getState().loadExample('witness-lor');
    expect(store.getState()).toMatchObject({ input: 'ex witness-lor', inputOwn: false });
    expect(store.getState().replacedInput).toEqual({
      text: 'my notes',
      source: 'typed',
      name: null,
    });
    // A second example does not push the user's text out.
    await store.getState().loadExample('lockdep-circular');
    expect(store.getState().replacedInput?.text).toBe('my notes');

    const reloaded = createAppStore(deps);
    await reloaded.getState().loadInput(storage.load()!, 'restored');
    expect(reloaded.getState()).toMatchObject({ input: 'ex lockdep-circular', inputOwn: false });
    await reloaded.getState().loadExample('witness-lor');
    expect(reloaded.getState().replacedInput?.text).toBe('my notes');
    await reloaded.getState().restoreReplacedInput();
    expect(reloaded.getState()).toMatchObject({ input: 'my notes', replacedInput: null });
    expect(storage.value).toBe('my notes');
  });

  it("opening one Simulator deadlock after another keeps the user's typed text", async () => {
    const store = createAppStore({ parse, storage: memoryStorage() });
    store.getState().editInput('my report');
    await store.getState().loadInput('deadlock 1', 'simulator', 'ABBA');
    await store.getState().loadInput('deadlock 2', 'simulator', 'AA');
    expect(store.getState()).toMatchObject({ input: 'deadlock 2', inputOwn: false });
    expect(store.getState().replacedInput?.text).toBe('my report');
  });

  it("swaps on Undo when the box holds the user's text too, and Clear can be undone", async () => {
    const store = createAppStore({ parse, storage: memoryStorage() });
    await store.getState().loadInput('first', 'file', 'a.txt');
    await store.getState().loadInput('second', 'typed');
    expect(store.getState().replacedInput).toEqual({
      text: 'first',
      source: 'file',
      name: 'a.txt',
    });
    await store.getState().restoreReplacedInput();
    expect(store.getState()).toMatchObject({ input: 'first', inputSource: 'file' });
    expect(store.getState().replacedInput?.text).toBe('second');
    await store.getState().clearInput();
    expect(store.getState()).toMatchObject({ input: '', replacedInput: { text: 'first' } });
    store.getState().discardReplacedInput();
    expect(store.getState().replacedInput).toBeNull();
  });

  it('lends the box to a lesson without saving it, and gives it back as it was', async () => {
    vi.useFakeTimers();
    const storage = memoryStorage();
    const store = createAppStore({ parse, storage, debounceMs: 10 });
    await store.getState().loadInput('mine', 'typed');
    store.getState().selectReport(0);
    const shown = store.getState().output;
    // Typing not yet saved when the lesson opens is saved as the user's, not lost.
    store.getState().editInput('mine, edited');
    await store.getState().showLessonInput('lesson text', 'A lesson');
    expect(store.getState()).toMatchObject({ input: 'lesson text', inputSource: 'lesson' });
    store.getState().saveInput();
    expect(storage.value).toBe('mine, edited');
    vi.advanceTimersByTime(50);
    expect(store.getState().input).toBe('lesson text');
    await store.getState().returnLentBox();
    expect(store.getState()).toMatchObject({ input: 'mine, edited', inputSource: 'typed' });
    expect(selectSelectedReport(store.getState())?.title).toBe('mine, edited');
    expect(shown).not.toBe(store.getState().output);
  });

  it('gives back a settled view without parsing again', async () => {
    const p = manualParser();
    const store = createAppStore({ parse: p.parse });
    const loaded = store.getState().loadInput('mine', 'typed');
    p.answer(0, ['A', 'B']);
    await loaded;
    store.getState().selectReport(1);
    const lent = store.getState().showLessonInput('lesson', 'L');
    await store.getState().returnLentBox();
    await lent;
    p.answer(1, ['lesson']);
    await Promise.resolve();
    expect(p.calls).toHaveLength(2);
    expect(store.getState()).toMatchObject({ input: 'mine', selected: 1, status: 'done' });
    expect(selectSelectedReport(store.getState())?.title).toBe('B');
  });

  it('lends what a reload would show when a lesson opens first', async () => {
    const storage = memoryStorage('saved before');
    const store = createAppStore({
      parse,
      storage,
      fetchExample: async () => 'ex',
      defaultExample: 'x',
    });
    await store.getState().showLessonInput('lesson', 'L');
    await store.getState().returnLentBox();
    expect(store.getState()).toMatchObject({ input: 'saved before', inputSource: 'restored' });
    const first = createAppStore({
      parse,
      storage: memoryStorage(),
      fetchExample: async () => 'ex',
      defaultExample: 'x',
    });
    await first.getState().showLessonInput('lesson', 'L');
    await first.getState().returnLentBox();
    expect(first.getState()).toMatchObject({ input: 'ex', inputSource: 'example' });
  });
});

describe('view slice', () => {
  it('asks the text box for lines, again even for the same lines', () => {
    const store = createAppStore({
      parse: async () => ({ schema: SCHEMA, reports: [], diagnostics: [] }),
    });
    store.getState().showLines(3);
    const first = store.getState().lineSelection;
    store.getState().showLines(3);
    expect(first).toMatchObject({ start: 3, end: 3 });
    expect(store.getState().lineSelection!.nonce).toBeGreaterThan(first!.nonce);
    store.getState().showLines(9, 4);
    expect(store.getState().lineSelection).toMatchObject({ start: 9, end: 9 });
  });
});

describe('the box for a large input', () => {
  it('shows the first lines of a large input, cut at a line break, and all of a small one', async () => {
    const { selectBoxText, selectInputIsLarge, BOX_PREVIEW_CHARS } = await import('./selectors');
    const store = createAppStore({
      parse: async () => ({ schema: SCHEMA, reports: [], diagnostics: [] }),
    });
    await store.getState().loadInput('small\ntext', 'api');
    expect(selectBoxText(store.getState())).toBe('small\ntext');
    expect(selectInputIsLarge(store.getState())).toBe(false);

    const line = 'x'.repeat(99) + '\n';
    const big = line.repeat(Math.ceil((BOX_PREVIEW_CHARS * 1.5) / line.length));
    await store.getState().loadInput(big, 'api');
    const shown = selectBoxText(store.getState());
    expect(selectInputIsLarge(store.getState())).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(BOX_PREVIEW_CHARS);
    expect(shown.length % line.length).toBe(line.length - 1);
    expect(big.startsWith(shown)).toBe(true);
    expect(selectBoxText(store.getState())).toBe(shown);
  });
});
