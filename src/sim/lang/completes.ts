// Which completions a context may still complete from each of its steps on, the work it queues
// included: a wait_for_completion() that nobody left can complete is a deadlock.
import type { Context, SimLock } from '../program';

/** Completions each context may still complete from each step on, through the work it queues too. */
export function computeCompletes(locks: SimLock[], contexts: Context[]): void {
  const workCtx = new Map(contexts.filter((c) => c.kind === 'work').map((c) => [c.work, c]));
  const all = new Map<number, Set<number>>();
  for (let changed = true; changed;) {
    changed = false;
    for (const c of contexts) {
      const set = new Set(all.get(c.id) ?? []);
      for (const s of c.steps) {
        if (s.kind === 'complete' || s.kind === 'complete-all') set.add(s.lock);
        if (s.kind === 'queue')
          for (const x of all.get(workCtx.get(s.lock)?.id ?? -1) ?? []) set.add(x);
      }
      if (set.size !== (all.get(c.id)?.size ?? 0)) changed = true;
      all.set(c.id, set);
    }
  }
  for (const c of contexts) {
    c.completes = new Array<Set<number>>(c.steps.length + 1);
    let acc = new Set<number>();
    c.completes[c.steps.length] = acc;
    for (let pc = c.steps.length - 1; pc >= 0; pc--) {
      const s = c.steps[pc]!;
      if (s.kind === 'complete' || s.kind === 'complete-all' || s.kind === 'queue') {
        acc = new Set(acc);
        if (s.kind === 'queue')
          for (const x of all.get(workCtx.get(s.lock)?.id ?? -1) ?? []) acc.add(x);
        else acc.add(s.lock);
      }
      c.completes[pc] = acc;
    }
  }
  void locks;
}
