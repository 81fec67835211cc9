// Reports written by hand for the graph tests: only the fields the graph reads are filled in.
import type { Dependency, Report } from '../../model/types';

export function makeReport(fields: Partial<Report> = {}): Report {
  return {
    format: 'linux-lockdep',
    kind: 'circular-dependency',
    title: 'possible deadlock in test',
    lines: { start: 1, end: 1 },
    truncated: false,
    kernel: null,
    task: null,
    classes: [],
    dependencies: [],
    cycle: null,
    scenario: null,
    heldLocks: null,
    trace: [],
    ...fields,
  };
}

export function dep(prev: string, next: string, chainEntry: number | null = null): Dependency {
  return { prev, next, trace: [], chainEntry, isNew: chainEntry === 0 };
}

/** Seed 002's cycle: seven classes, chain entries #1..#6 then the new #0 closing it. */
export const SEVEN = [
  'cpu_hotplug_lock.rw_sem',
  'cpuhp_state_mutex',
  'cpuhp_state',
  '(complete)&req.done',
  '&sb->s_type->i_mutex_key#5',
  '&mm->mmap_sem',
  '&dev_priv->mm_lock',
];

/** A lockdep circular-dependency report whose `-> #k` list is `cycle` (c0 = #0). */
export function circularReport(cycle: readonly string[], extra: Partial<Report> = {}): Report {
  const n = cycle.length;
  const dependencies = [];
  // "the existing dependency chain (in reverse order) is:" -> #N first, down to -> #0 (the new one)
  for (let k = n - 1; k >= 1; k--) dependencies.push(dep(cycle[k - 1]!, cycle[k]!, k));
  dependencies.push(dep(cycle[n - 1]!, cycle[0]!, 0));
  return makeReport({
    classes: cycle.map((name, i) => ({ name, usage: `+.+.${i}`, waitType: null })),
    dependencies,
    cycle: [...cycle],
    heldLocks: [{ index: 0, class: cycle[n - 1]!, address: null, at: null }],
    ...extra,
  });
}
