// The wait-for chain of a Java deadlock: each listed thread waits for a lock held by the next.
// HotSpot prints the chain from where its walk began, so threads waiting INTO the cycle come
// first ("tails"); they are waiters, not members of the cycle.
import type { Frame, Waiter } from '../../model/types';

export interface JavaThread {
  name: string;
  /** the lock it waits for (javaLockName) */
  waitsFor: string | null;
  /** "which is held by" */
  heldBy: string | null;
  /** "- locked <…>" lines of its stack */
  locked: string[];
  trace: Frame[];
  /** named in the first section (the deadlock itself), not only in the stacks */
  listed: boolean;
}

export interface JavaCycle {
  /** lock names: W0, W1, … where thread k+1 holds Wk and waits for W(k+1) */
  cycle: string[] | null;
  /** the threads of the cycle, in the order their waits are listed */
  cycleThreads: string[];
  dependencies: { prev: string; next: string; trace: Frame[]; thread: string }[];
  waiters: Waiter[];
  notes: string[];
}

export function buildJavaCycle(
  listed: readonly JavaThread[],
  byName: ReadonlyMap<string, JavaThread>,
): JavaCycle {
  const out: JavaCycle = {
    cycle: null,
    cycleThreads: [],
    dependencies: [],
    waiters: [],
    notes: [],
  };
  const next = (t: JavaThread): JavaThread | null => {
    const owner = t.heldBy === null ? undefined : byName.get(t.heldBy);
    return owner && owner.waitsFor !== null ? owner : null;
  };
  // walk from each listed thread until a thread repeats: that loop is the cycle
  let members: JavaThread[] = [];
  for (const first of listed) {
    const seen = new Map<JavaThread, number>();
    const path: JavaThread[] = [];
    let t: JavaThread | null = first;
    while (t && !seen.has(t)) {
      seen.set(t, path.length);
      path.push(t);
      t = next(t);
    }
    if (t) {
      members = path.slice(seen.get(t)!);
      break;
    }
  }
  if (members.length === 0) {
    out.notes.push('the listed threads do not close a cycle of waits (the list may be cut off)');
    return out;
  }
  // start at the member listed first
  const rank = new Map(listed.map((t, k) => [t, k]));
  let k0 = 0;
  members.forEach((t, k) => {
    if (rank.get(t)! < rank.get(members[k0]!)!) k0 = k;
  });
  members = [...members.slice(k0), ...members.slice(0, k0)];
  const n = members.length;
  out.cycle = members.map((t) => t.waitsFor!);
  out.cycleThreads = members.map((t) => t.name);
  for (let k = 0; k < n; k++) {
    // thread k+1 holds W(k) (it owns what thread k waits for) and waits for W(k+1)
    const holder = members[(k + 1) % n]!;
    out.dependencies.push({
      prev: members[k]!.waitsFor!,
      next: holder.waitsFor!,
      trace: holder.trace,
      thread: holder.name,
    });
  }
  const inCycle = new Set(members);
  for (const t of listed) {
    if (inCycle.has(t) || t.waitsFor === null) continue;
    const holds = listed
      .filter((o) => o.heldBy === t.name && o.waitsFor !== null)
      .map((o) => o.waitsFor!);
    for (const l of t.locked) if (!holds.includes(l)) holds.push(l);
    out.waiters.push({
      thread: t.name,
      waitsFor: t.waitsFor,
      heldBy: t.heldBy,
      holds,
      trace: t.trace,
    });
  }
  return out;
}
