import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/parse';
import { defaultViewState } from '../../src/permalink/state';
import { explore, parseProgram, runProgram, SIM_EXAMPLES } from '../../src/sim';
import { validateTrace } from '../../src/trace';
import type { SimulateFn } from '../worker/sim-client';
import { createAppStore } from '.';
import type { InputStorage } from './types';

/** The worker's work, done in the test's thread. */
const simulate: SimulateFn = async (text) => {
  const { program, errors } = parseProgram(text);
  if (!program) return { errors, exploration: null, run: null };
  const checked = validateTrace(runProgram(program));
  return {
    errors: [],
    exploration: explore(program),
    run: {
      events: 0,
      reports: checked.reports.map((report, i) => ({ report, text: checked.texts[i]! })),
    },
  };
};

function memoryStorage(initial: string | null = null): InputStorage & { value: string | null } {
  const s = {
    value: initial,
    load: () => s.value,
    save: (t: string) => {
      s.value = t;
    },
  };
  return s;
}

function makeStore(saved: string | null = null) {
  const programStorage = memoryStorage(saved);
  const store = createAppStore({
    parse: async (text) => parseText(text),
    simulate,
    programStorage,
    debounceMs: 0,
  });
  return { store, programStorage };
}

const ABBA = SIM_EXAMPLES.find((e) => e.id === 'abba')!;
const AA = SIM_EXAMPLES.find((e) => e.id === 'aa')!;

describe('the simulator slice', () => {
  it('starts from the saved program, else from the first example', () => {
    expect(makeStore('DEFINE_MUTEX(m);\n').store.getState().program).toBe('DEFINE_MUTEX(m);\n');
    const s = makeStore().store.getState();
    expect(s.program).toBe(SIM_EXAMPLES[0]!.source);
    expect(s.programExample).toBe(SIM_EXAMPLES[0]!.id);
  });

  it('checks typing once it pauses, and saves it', async () => {
    const { store, programStorage } = makeStore();
    store.getState().editProgram('thread T {\n  mutex_lock(&nope);\n}\n');
    expect(store.getState().programChecked).toBe(false);
    await new Promise((r) => setTimeout(r, 5));
    const s = store.getState();
    expect(s.programChecked).toBe(true);
    expect(s.programErrors[0]).toMatchObject({ line: 2 });
    expect(programStorage.value).toBe('thread T {\n  mutex_lock(&nope);\n}\n');
  });

  it('keeps an edited program an example replaces, and brings it back', () => {
    const { store } = makeStore('DEFINE_MUTEX(mine);\n');
    store.getState().loadProgramExample('aa');
    expect(store.getState().program).toBe(AA.source);
    expect(store.getState().programReplaced?.text).toBe('DEFINE_MUTEX(mine);\n');
    // replacing one example by another keeps nothing: nothing was typed
    store.getState().dismissRestore();
    store.getState().loadProgramExample('abba');
    expect(store.getState().programReplaced).toBeNull();
    store.getState().loadProgram('DEFINE_MUTEX(x);\n', 'typed');
    store.getState().loadProgramExample('aa');
    store.getState().restoreProgram();
    expect(store.getState().program).toBe('DEFINE_MUTEX(x);\n');
  });

  it('runs, selects the first deadlock, and opens it on the report page as lockdep text', async () => {
    const { store } = makeStore();
    store.getState().loadProgramExample('abba');
    await store.getState().runProgram();
    const s = store.getState();
    const found = s.simRun?.answer?.exploration?.deadlocks ?? [];
    expect(found).toHaveLength(1);
    expect(s.simSelected).toBe(found[0]!.id);
    expect(await s.openDeadlock(found[0]!.id)).toBe(true);
    const after = store.getState();
    expect(after.page).toBe('report');
    expect(after.inputSource).toBe('simulator');
    expect(after.output?.reports[0]?.cycle).toEqual(found[0]!.cycle);
    expect(after.program).toBe(ABBA.source);
  });

  it('opens a program link: the program, run, and its deadlock selected', async () => {
    const { store } = makeStore('DEFINE_MUTEX(mine);\n');
    const problem = await store
      .getState()
      .openView({ ...defaultViewState(AA.source), simulator: { deadlock: 'deadlock-1' } });
    expect(problem).toBeNull();
    const s = store.getState();
    expect([s.page, s.program, s.programSource, s.simSelected]).toEqual([
      'simulator',
      AA.source,
      'link',
      'deadlock-1',
    ]);
    expect(s.programReplaced?.text).toBe('DEFINE_MUTEX(mine);\n');
    const missing = await s.openView({
      ...defaultViewState(AA.source),
      simulator: { deadlock: 'deadlock-9' },
    });
    expect(missing).toMatch(/deadlock-9 is not among the 1 deadlock/);
    // a report link shown from the Simulator goes back to the report page
    await s.openView(defaultViewState('no report here'));
    expect(store.getState().page).toBe('report');
  });
});
