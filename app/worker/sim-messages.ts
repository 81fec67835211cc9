// The messages between the page and the simulator worker: the program's text goes in; the
// exploration (every deadlock with its schedule, Report and trace) and one ordinary run checked
// by the trace validator come back, as plain objects.
import type { Report } from '../../src/model/types';
import type { Exploration, ProgramError } from '../../src/sim';

export interface SimRequest {
  id: number;
  text: string;
  /** states the explorer may visit before it stops (src/sim DEFAULT_STATE_BUDGET when absent) */
  stateBudget?: number;
}

/** One ordinary run (runProgram) and what lockdep would print about it (validateTrace). */
export interface OneRun {
  /** lock events in the run's trace */
  events: number;
  /** the reports lockdep prints on that run: deadlocks that did not happen, yet */
  reports: { report: Report; text: string }[];
}

export interface SimAnswer {
  /** the program's errors; when there are any, nothing was explored */
  errors: ProgramError[];
  exploration: Exploration | null;
  run: OneRun | null;
  /** why the run could not be traced, when it could not (the exploration still stands) */
  runError?: string;
}

export type SimResponse =
  ({ id: number; ok: true } & SimAnswer) | { id: number; ok: false; error: string };
