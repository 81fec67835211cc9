// Lock programs (a small kernel-C-like language), the explorer that walks every interleaving of
// one looking for deadlocks, and single runs that give the trace validator its input.
import { compileProgram } from './lang/compile';
import { parseAst } from './lang/parser';
import { buildDeadlock, type Deadlock } from './explore/deadlock';
import { DEFAULT_STATE_BUDGET, searchDeadlocks, type ExploreOptions } from './explore/explore';
import type { Program, ProgramError } from './program';

export type { Context, LockKind, Program, ProgramError, SimLock, Step } from './program';
export type { Deadlock, DeadlockKind } from './explore/deadlock';
export type { ScheduleStep } from './explore/replay';
export type { ExploreOptions } from './explore/explore';
export { DEFAULT_STATE_BUDGET } from './explore/explore';
export { runProgram, runSchedule } from './run';
export { SIM_EXAMPLES, type SimExample } from './examples';

export interface Exploration {
  deadlocks: Deadlock[];
  statesExplored: number;
  /** every reachable state was explored (false: stopped at the state budget) */
  complete: boolean;
  stateBudget: number;
  ms?: number;
}

/** Text -> a checked program, or every syntax and semantic error with line and column. Never throws. */
export function parseProgram(text: string): { program: Program | null; errors: ProgramError[] } {
  try {
    const { ast, errors } = parseAst(text);
    if (errors.length > 0) return { program: null, errors };
    return compileProgram(ast);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      program: null,
      errors: [{ line: 1, column: 1, message: `internal error in the program reader: ${message}` }],
    };
  }
}

/** Every reachable deadlock, each with a shortest schedule, a Report and its trace. */
export function explore(program: Program, options: ExploreOptions = {}): Exploration {
  const t0 = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const result = searchDeadlocks(program, { stateBudget: DEFAULT_STATE_BUDGET, ...options });
  const deadlocks = result.found
    .sort((a, b) => a.path.length - b.path.length)
    .map((f, i) => buildDeadlock(program, f, i));
  const ms = (typeof performance !== 'undefined' ? performance.now() : Date.now()) - t0;
  return {
    deadlocks,
    statesExplored: result.statesExplored,
    complete: result.complete,
    stateBudget: result.stateBudget,
    ms,
  };
}
