// For unit tests: a lock-graph Report like the /proc/lockdep parser's, built from a list of
// dependencies, so the explorer's logic is tested without a parser.
import { emptyReport } from '../../src/model/report';
import type { Report } from '../../src/model/types';

/** A /proc/lockdep-like report: every class and dependency of a made-up kernel. */
export function dumpReport(
  deps: [string, string][],
  extra: string[] = [],
  cycles?: string[][],
): Report {
  const r = emptyReport('proc-lockdep', 'lock-graph', { start: 1, end: deps.length + 1 });
  const names = new Set(extra);
  for (const [a, b] of deps) names.add(a).add(b);
  r.title = 'lock dependency graph';
  r.classes = [...names].map((name) => ({ name, usage: null, waitType: null }));
  r.dependencies = deps.map(([prev, next]) => ({
    prev,
    next,
    trace: [],
    chainEntry: null,
    isNew: false,
  }));
  if (cycles) (r as Report & { cycles?: string[][] }).cycles = cycles;
  return r;
}
