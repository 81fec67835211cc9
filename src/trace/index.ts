// Lock traces: reading them (ftrace text, lockscope JSON), validating them the way lockdep would
// (finding the deadlocks that did not happen on this run), and printing the findings in lockdep's
// words. The simulator (src/sim) writes TraceEvent[] for validateTrace() too.
export type { LockMode, Trace, TraceEvent, TraceOp } from './types';
export { lockClassOf } from './types';
export { readTrace, type ReadTraceResult, type TraceError, type TraceFormat } from './read';
export {
  validateTrace,
  type ValidateOptions,
  type ValidateResult,
  type ValidateStats,
} from './validate';
export { printLockdepReport } from './print/lockdep-text';
export { lockTraceParser } from './parse-trace';
