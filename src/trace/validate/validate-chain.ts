// validate_chain() (kernel/locking/lockdep.c, v6.x): on a new chain of held locks, check_deadlock()
// (the same class held already: recursive locking), then check_prevs_add(): a dependency on the
// nearest held lock (and on any trylocks above it), each checked by check_noncircular() (circular
// dependency) and check_irq_usage() (irq-safe -> irq-unsafe) before it is added.
import { calcDep, pathTo } from './dependency-graph';
import type { HeldLock } from './findings';
import {
  cycleKey,
  irqFlags,
  readLevel,
  type LockdepState,
  type ThreadState,
} from './lockdep-state';
import {
  IRQ_WRITE,
  USED_IN_IRQ_ALL,
  enabledOnly,
  exclusiveMask,
  findExclusiveMatch,
  originalMask,
  stateName,
} from './usage-bits';

/** Validate `next` against the locks below it on the stack (`held`). */
export function validateChain(
  s: LockdepState,
  t: ThreadState,
  held: readonly HeldLock[],
  next: HeldLock,
): void {
  if (next.try) return; // trylocks are held but add no dependency: they can be taken in any order
  const key = chainKey(held, next);
  if (s.chains.has(key)) return;
  s.chains.add(key);
  if (!checkDeadlock(s, t, held, next)) return;
  const top = held[held.length - 1];
  if (!top || top.ctx !== next.ctx) return; // the head of a chain depends on nothing
  for (let d = held.length - 1; d >= 0; d--) {
    const prev = held[d]!;
    if (!checkPrevAdd(s, t, held, prev, next)) return;
    // after the first non-trylock the older locks are connected through it already
    if (!prev.try) break;
    if (d === 0 || held[d - 1]!.ctx !== prev.ctx) break;
  }
}

/** The chain as lockdep hashes it: the held locks of this irq context, with their read state. */
function chainKey(held: readonly HeldLock[], next: HeldLock): string {
  let first = held.length;
  while (first > 0 && held[first - 1]!.ctx === next.ctx) first--;
  let key = `${next.ctx}`;
  for (let i = first; i < held.length; i++)
    key += `\u0000${held[i]!.cls}\u0001${readLevel(held[i]!.mode)}`;
  return `${key}\u0000${next.cls}\u0001${readLevel(next.mode)}`;
}

function checkDeadlock(
  s: LockdepState,
  t: ThreadState,
  held: readonly HeldLock[],
  next: HeldLock,
): boolean {
  for (const prev of held) {
    if (prev.cls !== next.cls) continue;
    // read-after-read recursion of one class is allowed: read_lock(l) + read_lock(l)
    if (readLevel(next.mode) === 2 && readLevel(prev.mode) !== 0) continue;
    reportRecursive(s, t, held, prev, next);
    return false;
  }
  return true;
}

function reportRecursive(
  s: LockdepState,
  t: ThreadState,
  held: readonly HeldLock[],
  prev: HeldLock,
  next: HeldLock,
): void {
  s.report(`recursive\u0000${next.cls}`, () => ({
    kind: 'recursive-locking',
    thread: t.name,
    site: next.site,
    held: [...held],
    usage: s.usageSnapshot([next.cls, ...held.map((h) => h.cls)]),
    next,
    prev,
  }));
}

function checkPrevAdd(
  s: LockdepState,
  t: ThreadState,
  held: readonly HeldLock[],
  prev: HeldLock,
  next: HeldLock,
): boolean {
  // check_noncircular(): can next already reach prev? Then prev -> next closes a cycle.
  const hit = s.graph.search(
    next.cls,
    readLevel(next.mode) === 2,
    'forward',
    (n) => n.cls === prev.cls && (readLevel(prev.mode) === 0 || !n.onlyXr),
  );
  if (hit) {
    if (hit.depth === 0) {
      reportRecursive(s, t, held, prev, next);
      return false;
    }
    const path = pathTo(hit);
    const cycle = path.map((n) => n.cls);
    s.report(`circular\u0000${cycleKey(cycle)}`, () => ({
      kind: 'circular-dependency',
      thread: t.name,
      site: next.site,
      held: [...held],
      usage: s.usageSnapshot([...cycle, ...held.map((h) => h.cls)]),
      next,
      prev,
      path,
    }));
    return false;
  }
  if (!checkIrqUsage(s, t, held, prev, next)) return false;
  s.graph.add(prev.cls, next.cls, calcDep(prev.mode, next.mode), next.site);
  return true;
}

/**
 * check_irq_usage(): does prev -> next connect a class used in an irq (somewhere before prev)
 * with a class taken with that irq enabled (somewhere after next)?
 */
function checkIrqUsage(
  s: LockdepState,
  t: ThreadState,
  held: readonly HeldLock[],
  prev: HeldLock,
  next: HeldLock,
): boolean {
  const usageOf = (cls: string) => s.classes.get(cls)?.usage ?? 0;
  let accumulated = 0;
  const prevOnlyXr = readLevel(prev.mode) !== 0;
  s.graph.search(prev.cls, prevOnlyXr, 'backward', (n) => {
    accumulated |= n.onlyXr ? usageOf(n.cls) & IRQ_WRITE : usageOf(n.cls);
    return false;
  });
  accumulated &= USED_IN_IRQ_ALL;
  if (!accumulated) return true;

  const forwardMask = exclusiveMask(accumulated);
  const usageMatch = (mask: number) => (n: { cls: string; onlyXr: boolean }) =>
    ((n.onlyXr ? usageOf(n.cls) & IRQ_WRITE : usageOf(n.cls)) & mask) !== 0;
  const unsafe = s.graph.search(
    next.cls,
    readLevel(next.mode) === 2,
    'forward',
    usageMatch(forwardMask),
  );
  if (!unsafe) return true;
  const backwardMask = originalMask(enabledOnly(usageOf(unsafe.cls)));
  const safe = s.graph.search(prev.cls, prevOnlyXr, 'backward', usageMatch(backwardMask));
  if (!safe) return true;
  const pair = findExclusiveMatch(usageOf(safe.cls), usageOf(unsafe.cls));
  if (!pair) return true;
  const [safeBit, unsafeBit] = pair;
  const irqClass = stateName(safeBit);
  const backPath = pathTo(safe);
  const forwardPath = pathTo(unsafe);
  s.report(`safe-unsafe\u0000${safe.cls}\u0000${unsafe.cls}\u0000${irqClass}`, () => ({
    kind: 'safe-to-unsafe',
    thread: t.name,
    site: next.site,
    held: [...held],
    usage: s.usageSnapshot([
      ...backPath.map((n) => n.cls),
      ...forwardPath.map((n) => n.cls),
      ...held.map((h) => h.cls),
    ]),
    prev,
    next,
    irqClass,
    safe: safe.cls,
    unsafe: unsafe.cls,
    safeBit,
    unsafeBit,
    safeSite: s.classes.get(safe.cls)?.traces.get(safeBit),
    unsafeSite: s.classes.get(unsafe.cls)?.traces.get(unsafeBit),
    backPath,
    forwardPath,
    flags: irqFlags(t),
  }));
  return false;
}
