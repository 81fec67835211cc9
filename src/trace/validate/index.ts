// validateTrace(): lockdep, offline. Replays a trace and reports what lockdep would report.
import type { Report } from '../../model/types';
import { printLockdepReport } from '../print/lockdep-text';
import type { TraceEvent } from '../types';
import { replayTrace, type ReplayNote, type ReplayOptions } from './replay';
import { findingToReport } from './to-report';

export interface ValidateStats {
  events: number;
  threads: number;
  classes: number;
  dependencies: number;
}

export interface ValidateResult {
  reports: Report[];
  /** each report as lockdep would print it */
  texts: string[];
  stats: ValidateStats;
  /** what was odd in the trace (unmatched releases, irq exits without an entry), with lines */
  notes: ReplayNote[];
}

export type ValidateOptions = ReplayOptions;

export function validateTrace(
  events: readonly TraceEvent[],
  opts: ValidateOptions = {},
): ValidateResult {
  const { state, notes } = replayTrace(events, opts);
  const reports = state.findings.map((f) => findingToReport(f, state));
  return {
    reports,
    texts: reports.map(printLockdepReport),
    stats: {
      events: events.length,
      threads: state.threads.size,
      classes: state.classes.size,
      dependencies: state.graph.size,
    },
    notes,
  };
}
