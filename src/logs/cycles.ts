// Every cycle in the merged lock graph of a log: each report's own cycle (once, however many
// reports print it, in whatever rotation), then the cycles no single report prints but the merged
// dependencies close (A -> B from one report, B -> A from another).
import { findCycles, type LockGraph } from '../graph';
import type { Report } from '../model/types';

export interface LogCycle {
  /** class names in taken-before order, as the first report that prints it gives them */
  classes: string[];
  /** indexes of the reports whose own cycle this is; [] for a cycle only the merge closes */
  reports: number[];
  /** no report prints this cycle: it appears only when the reports' dependencies are merged */
  merged: boolean;
}

export interface LogCycles {
  cycles: LogCycle[];
  /** every elementary cycle of the merged graph is listed (false when the search was cut short) */
  complete: boolean;
}

/**
 * The same cycle in any rotation gives the same string: the rotation that starts at the smallest
 * name (byte order). Direction is kept: A -> B -> C and A -> C -> B are different cycles.
 */
export function cycleIdentity(cycle: readonly string[]): string {
  if (cycle.length === 0) return '[]';
  let best = 0;
  for (let i = 1; i < cycle.length; i++) if (cycle[i]! < cycle[best]!) best = i;
  const rotated = [...cycle.slice(best), ...cycle.slice(0, best)];
  return JSON.stringify(rotated);
}

export interface LogCyclesOptions {
  /** at most this many cycles found by searching the merged graph (default 100) */
  limit?: number;
}

/** `graph` is buildLockGraph(reports) (all of them merged); `only` limits the reports considered. */
export function logCycles(
  reports: readonly Report[],
  graph: LockGraph,
  options: LogCyclesOptions = {},
): LogCycles {
  const byId = new Map<string, LogCycle>();
  const shown = graph.shown ?? reports.map((_, i) => i);
  for (const i of shown) {
    const cycle = reports[i]?.cycle;
    if (!cycle || cycle.length === 0) continue;
    const id = cycleIdentity(cycle);
    const known = byId.get(id);
    if (known) known.reports.push(i);
    else byId.set(id, { classes: [...cycle], reports: [i], merged: false });
  }
  const found = findCycles(graph, { limit: options.limit ?? 100 });
  const extra: LogCycle[] = [];
  for (const c of found.cycles) {
    const id = cycleIdentity(c);
    if (byId.has(id)) continue;
    const entry = { classes: c, reports: [], merged: true };
    byId.set(id, entry);
    extra.push(entry);
  }
  // Shortest first among the merge-only ones: the short cycles are the ones to read first.
  extra.sort((a, b) => a.classes.length - b.classes.length);
  const own = [...byId.values()].filter((c) => !c.merged);
  return { cycles: [...own, ...extra], complete: found.complete };
}
