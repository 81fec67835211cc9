// window.lockscope.sim and state().simulator: the Simulator page, driven and read by tests.
import type { ProgramError } from '../../src/sim';
import type { AppState, AppStore } from '../store';

export interface ApiSimulator {
  /** characters in the program editor */
  programLength: number;
  /** where the program came from: 'typed', 'example', 'link', 'restored', 'api' */
  source: string;
  /** the example loaded (its id) while the text is unchanged */
  example: string | null;
  /** the program's errors (line and column, 1-based), as last checked */
  errors: ProgramError[];
  /** 'idle' before any run, then 'running', 'done' or 'failed' */
  status: 'idle' | 'running' | 'done' | 'failed';
  /** the last run explored the program shown now */
  current: boolean;
  deadlocks: { id: string; kind: string; title: string; steps: number; cycle: string[] | null }[];
  selected: string | null;
  statesExplored: number | null;
  /** every interleaving was seen (false: stopped at the state budget) */
  complete: boolean | null;
  stateBudget: number | null;
  /** the titles of what lockdep prints about one ordinary run */
  oneRun: string[] | null;
  /** an edited program was replaced and can be brought back */
  canRestore: boolean;
}

export interface ApiSim {
  /** as if the text were typed into the editor (checked once typing would pause) */
  load(text: string): void;
  /** load an example by id (as the gallery does); false for an unknown id */
  example(id: string): boolean;
  /** explore the program; resolves when the run is done */
  run(): Promise<void>;
  /** show this deadlock's schedule */
  select(id: string | null): void;
  /** "Open in stepper": the deadlock on the report page; false when it cannot be opened */
  openDeadlock(id: string): Promise<boolean>;
}

export function apiSimulator(s: AppState): ApiSimulator {
  const run = s.simRun;
  const x = run?.answer?.exploration ?? null;
  return {
    programLength: s.program.length,
    source: s.programSource,
    example: s.programExample,
    errors: s.programErrors,
    status: run?.status ?? 'idle',
    current: run !== null && run.text === s.program,
    deadlocks:
      x?.deadlocks.map((d) => ({
        id: d.id,
        kind: d.kind,
        title: d.title,
        steps: d.schedule.length,
        cycle: d.cycle,
      })) ?? [],
    selected: s.simSelected,
    statesExplored: x?.statesExplored ?? null,
    complete: x?.complete ?? null,
    stateBudget: x?.stateBudget ?? null,
    oneRun: run?.answer?.run?.reports.map((r) => r.report.title) ?? null,
    canRestore: s.programReplaced !== null,
  };
}

export function apiSim(store: AppStore): ApiSim {
  return {
    load: (text) => {
      store.getState().editProgram(String(text));
      store.getState().saveProgram();
    },
    example: (id) => store.getState().loadProgramExample(String(id)),
    run: () => store.getState().runProgram(),
    select: (id) => store.getState().selectDeadlock(id === null ? null : String(id)),
    openDeadlock: (id) => store.getState().openDeadlock(String(id)),
  };
}
