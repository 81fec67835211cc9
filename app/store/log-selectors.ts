// Logs full of reports: the reports grouped by dedup key, and every cycle of the merged graph,
// derived from the parse output (src/logs) and memoised on it.
import { groupReports, logCycles, type LogCycle, type ReportGroup } from '../../src/logs';
import type { LockGraph } from '../../src/graph';
import type { ParseOutput } from '../../src/model/types';
import type { AppState } from './create-app-store';
import { selectLockGraph } from './graph-selectors';

const NO_GROUPS: readonly ReportGroup[] = Object.freeze([]);
const groupMemo = new WeakMap<ParseOutput, readonly ReportGroup[]>();

/** The reports grouped by dedup key, in order of first appearance. */
export const selectReportGroups = (s: AppState): readonly ReportGroup[] => {
  const output = s.status === 'failed' ? null : s.output;
  if (!output || output.reports.length === 0) return NO_GROUPS;
  let groups = groupMemo.get(output);
  if (!groups) groupMemo.set(output, (groups = groupReports(output.reports)));
  return groups;
};

export interface ShownCycles {
  /** each report's own cycle once, then the cycles only the merge closes */
  cycles: readonly LogCycle[];
  /** every elementary cycle of the graph is listed */
  complete: boolean;
}

const NO_CYCLES: ShownCycles = Object.freeze({ cycles: Object.freeze([]), complete: true });
const cycleMemo = new WeakMap<LockGraph, ShownCycles>();

/** Every cycle of the merged graph ("all reports in one graph"); nothing when not merged. */
export const selectMergedCycles = (s: AppState): ShownCycles => {
  const graph = selectLockGraph(s);
  if (!s.merged || !graph || !s.output) return NO_CYCLES;
  let out = cycleMemo.get(graph);
  if (!out) cycleMemo.set(graph, (out = logCycles(s.output.reports, graph)));
  return out;
};
