// mark_usage() / mark_lock() / mark_lock_irq() (kernel/locking/lockdep.c, v6.x): set a class's
// usage bit and check it against the class's own usage (inconsistent lock state) and against the
// classes before or after it in the dependency graph (irq lock inversion).
import type { Site } from './dependency-graph';
import { pathTo } from './dependency-graph';
import type { HeldLock } from './findings';
import { irqFlags, readLevel, type LockdepState, type ThreadState } from './lockdep-state';
import {
  ENABLED_HARDIRQ,
  ENABLED_SOFTIRQ,
  IRQ_WRITE,
  READ,
  USED_IN_HARDIRQ,
  USED_IN_SOFTIRQ,
  USAGE_BITS,
  exclusiveBit,
  flag,
  stateName,
} from './usage-bits';

/** The usage bits an acquisition sets (mark_usage). */
export function markUsage(s: LockdepState, t: ThreadState, h: HeldLock, site: Site): void {
  const read = readLevel(h.mode) ? READ : 0;
  if (!h.try) {
    if (t.hardirqDepth > 0) markLock(s, t, h, USED_IN_HARDIRQ | read, site);
    if (t.softirqDepth > 0) markLock(s, t, h, USED_IN_SOFTIRQ | read, site);
  }
  if (!h.hardirqsOff) {
    markLock(s, t, h, ENABLED_HARDIRQ | read, site);
    if (t.softirqsOn) markLock(s, t, h, ENABLED_SOFTIRQ | read, site);
  }
}

/** mark_held_locks(): irqs are being enabled with these locks held. */
export function markHeldLocks(s: LockdepState, t: ThreadState, base: number, site: Site): void {
  for (const h of [...t.held]) {
    markLock(s, t, h, base | (readLevel(h.mode) ? READ : 0), site);
  }
}

function markLock(s: LockdepState, t: ThreadState, h: HeldLock, bit: number, site: Site): void {
  const c = s.classOf(h.cls);
  if (c.usage & flag(bit)) return;
  c.usage |= flag(bit);
  c.traces.set(bit, site);
  if (bit >= USAGE_BITS) return;

  const excl = exclusiveBit(bit);
  // valid_state(): this very class was used the other way; for a write, a read use counts too
  for (const bad of bit & READ ? [excl] : [excl, excl | READ]) {
    if (c.usage & flag(bad)) {
      s.report(`usage\u0000${h.cls}\u0000${bad}\u0000${bit}`, () => ({
        kind: 'inconsistent-lock-state',
        thread: t.name,
        site,
        held: [...t.held],
        usage: s.usageSnapshot([h.cls, ...t.held.map((x) => x.cls)]),
        lock: h,
        prevBit: bad,
        newBit: bit,
        registered: c.traces.get(bad),
        flags: irqFlags(t),
      }));
      return;
    }
  }
  // ENABLED looks backwards for a class used in that irq; USED_IN looks forwards for one enabled
  const forwards = (bit & 2) === 0;
  const mask = flag(excl) | flag(excl | READ);
  const rootOnlyXr = forwards ? readLevel(h.mode) === 2 : readLevel(h.mode) !== 0;
  const hit = s.graph.search(h.cls, rootOnlyXr, forwards ? 'forward' : 'backward', (n) => {
    const usage = s.classes.get(n.cls)?.usage ?? 0;
    return ((n.onlyXr ? usage & IRQ_WRITE : usage) & mask) !== 0;
  });
  if (!hit) return;
  const otherUsage = s.classes.get(hit.cls)?.usage ?? 0;
  const irqClass = stateName(otherUsage & flag(excl) ? excl : excl | READ);
  const path = pathTo(hit);
  const a = h.cls < hit.cls ? h.cls : hit.cls;
  const b = a === h.cls ? hit.cls : h.cls;
  s.report(`inversion\u0000${a}\u0000${b}\u0000${irqClass}`, () => ({
    kind: 'irq-lock-inversion',
    thread: t.name,
    site,
    held: [...t.held],
    usage: s.usageSnapshot([...path.map((n) => n.cls), ...t.held.map((x) => x.cls)]),
    lock: h,
    forwards,
    irqClass,
    path,
  }));
}
