// The simulator slice: the lock program in the editor (checked as it is typed, kept across
// reloads), the exploration of its interleavings (run in a worker), the deadlock selected, and
// the hand-off of a deadlock to the report page as lockdep text.
import type { StateCreator } from 'zustand';
import { parseProgram, SIM_EXAMPLES, type ProgramError } from '../../src/sim';
import type { ViewState } from '../../src/permalink/state';
import { printLockdepReport } from '../../src/trace';
import type { SimAnswer } from '../worker/sim-messages';
import type { AppState } from './create-app-store';
import type { StoreDeps } from './types';

export type ProgramSource = 'typed' | 'example' | 'link' | 'restored' | 'api';

export interface SimRun {
  status: 'running' | 'done' | 'failed';
  /** the program text this run explores */
  text: string;
  answer: SimAnswer | null;
  /** why the worker failed */
  error: string | null;
}

/** A request to show a place in the program (a click on a schedule step or an error). */
export interface ProgramMark {
  line: number;
  column: number;
  endColumn?: number;
  /** bumps on every request, so asking twice for one place still moves the caret */
  nonce: number;
}

export interface SimulatorSlice {
  program: string;
  programSource: ProgramSource;
  /** the example the text came from (id), while it is unchanged */
  programExample: string | null;
  /** the errors of `program` as last checked (checking waits for typing to pause) */
  programErrors: ProgramError[];
  /** programErrors are those of the text shown (false while typing) */
  programChecked: boolean;
  simRun: SimRun | null;
  /** the id of the deadlock shown in detail */
  simSelected: string | null;
  programMark: ProgramMark | null;
  /** the edited program an example or a link replaced, kept so that one click brings it back */
  programReplaced: { text: string; by: string } | null;
  editProgram(text: string): void;
  /** replace the program (an example, a link): edited text is kept for restoreProgram() */
  loadProgram(text: string, source: ProgramSource, example?: string | null): void;
  loadProgramExample(id: string): boolean;
  restoreProgram(): void;
  dismissRestore(): void;
  /** explore the program in the worker; resolves when this run (or a newer one) is done */
  runProgram(): Promise<void>;
  selectDeadlock(id: string | null): void;
  markProgram(line: number, column?: number, endColumn?: number): void;
  /** show a deadlock on the report page (graph, stepper, link) as lockdep text; false if it cannot */
  openDeadlock(id: string): Promise<boolean>;
  /** show one of the reports lockdep prints about one ordinary run on the report page */
  openRunReport(index: number): Promise<boolean>;
  saveProgram(): void;
  /** show a program link's view: its program on the Simulator page, run, its deadlock selected */
  openProgramView(view: ViewState): Promise<string | null>;
}

const isExampleText = (text: string) => SIM_EXAMPLES.some((e) => e.source === text);

export function createSimulatorSlice(
  deps: StoreDeps,
): StateCreator<AppState, [], [], SimulatorSlice> {
  const debounceMs = deps.debounceMs ?? 250;
  return (set, get) => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let seq = 0;

    const persist = (text: string) => {
      try {
        deps.programStorage?.save(text);
      } catch {
        // A full or disabled localStorage must not stop the page from working.
      }
    };
    const check = (text: string) => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      set({ programErrors: parseProgram(text).errors, programChecked: true });
    };

    let saved: string | null = null;
    try {
      saved = deps.programStorage?.load() ?? null;
    } catch {
      // localStorage can be disabled: start from the first example.
    }
    const first = saved ?? SIM_EXAMPLES[0]!.source;
    const firstExample = SIM_EXAMPLES.find((e) => e.source === first)?.id ?? null;

    return {
      program: first,
      programSource: saved !== null ? 'restored' : 'example',
      programExample: firstExample,
      programErrors: parseProgram(first).errors,
      programChecked: true,
      simRun: null,
      simSelected: null,
      programMark: null,
      programReplaced: null,

      editProgram(text) {
        set({ program: text, programSource: 'typed', programExample: null, programChecked: false });
        if (timer !== null) clearTimeout(timer);
        timer = setTimeout(() => {
          persist(text);
          check(text);
        }, debounceMs);
      },

      loadProgram(text, source, example = null) {
        const now = get();
        const keep =
          now.program !== text && now.program.trim() !== '' && !isExampleText(now.program);
        const by =
          source === 'example'
            ? `the example “${SIM_EXAMPLES.find((e) => e.id === example)?.title ?? example}”`
            : source === 'link'
              ? 'the program in the link'
              : 'another program';
        set({
          program: text,
          programSource: source,
          programExample: example,
          simRun: null,
          simSelected: null,
          programMark: null,
          programReplaced: keep ? { text: now.program, by } : now.programReplaced,
        });
        persist(text);
        check(text);
      },

      loadProgramExample(id) {
        const ex = SIM_EXAMPLES.find((e) => e.id === id);
        if (!ex) return false;
        get().loadProgram(ex.source, 'example', ex.id);
        return true;
      },

      restoreProgram() {
        const r = get().programReplaced;
        if (!r) return;
        set({
          program: r.text,
          programSource: 'typed',
          programExample: null,
          programReplaced: null,
          simRun: null,
          simSelected: null,
        });
        persist(r.text);
        check(r.text);
      },

      dismissRestore() {
        set({ programReplaced: null });
      },

      async runProgram() {
        const text = get().program;
        if (!get().programChecked) check(text);
        const mine = ++seq;
        set({ simRun: { status: 'running', text, answer: null, error: null } });
        if (!deps.simulate) {
          set({ simRun: { status: 'failed', text, answer: null, error: 'no simulator here' } });
          return;
        }
        try {
          const answer = await deps.simulate(text);
          if (mine !== seq) return;
          const ids = answer.exploration?.deadlocks.map((d) => d.id) ?? [];
          const keep = get().simSelected;
          set({
            simRun: { status: 'done', text, answer, error: null },
            simSelected: keep !== null && ids.includes(keep) ? keep : (ids[0] ?? null),
          });
        } catch (err) {
          if (mine !== seq) return;
          const error = err instanceof Error ? err.message : String(err);
          set({ simRun: { status: 'failed', text, answer: null, error } });
        }
      },

      selectDeadlock(id) {
        set({ simSelected: id });
      },

      markProgram(line, column = 1, endColumn) {
        const nonce = (get().programMark?.nonce ?? 0) + 1;
        set({ programMark: { line, column, endColumn, nonce } });
      },

      async openDeadlock(id) {
        const d = get().simRun?.answer?.exploration?.deadlocks.find((x) => x.id === id);
        if (!d) return false;
        // lockdep's words for it (a wait that never ends: the hung-task detector's)
        const text = printLockdepReport(d.report);
        set({ simSelected: id });
        get().setPage('report');
        await get().loadInput(text, 'simulator', d.title);
        return true;
      },

      async openRunReport(index) {
        const found = get().simRun?.answer?.run?.reports[index];
        if (!found) return false;
        get().setPage('report');
        await get().loadInput(found.text, 'simulator', `one run: ${found.report.title}`);
        return true;
      },

      saveProgram() {
        if (get().programSource === 'typed') persist(get().program);
      },

      async openProgramView(view) {
        const now = get();
        if (now.program !== view.input) {
          const example = SIM_EXAMPLES.find((e) => e.source === view.input)?.id ?? null;
          now.loadProgram(view.input, 'link', example);
        }
        get().setPage('simulator');
        const wanted = view.simulator?.deadlock ?? null;
        const run = get().simRun;
        if (!run || run.text !== view.input || run.status === 'failed') await get().runProgram();
        if (get().program !== view.input) return null; // typed over while it ran: the typing wins
        const found = get().simRun?.answer?.exploration?.deadlocks ?? [];
        if (wanted === null) return null;
        if (found.some((d) => d.id === wanted)) {
          get().selectDeadlock(wanted);
          return null;
        }
        return `The program opened, but its ${wanted} is not among the ${found.length} deadlock(s) this version finds`;
      },
    };
  };
}
