// Building blocks for lock programs: ops with their defaults, which dependency shows an
// acquisition, whether a stack takes its lock for reading, and releasing what is held at the end.
import { baseFunctionName, firstInterestingFrame, isLockMachinery } from '../model/frame';
import type { Frame, Report } from '../model/types';
import type { Cpu, Op } from './types';

export function makeOp(fields: Partial<Op> & Pick<Op, 'op'>): Op {
  return {
    class: null,
    inInterrupt: false,
    where: null,
    whereIsOwn: false,
    dependency: null,
    modeGuessed: false,
    printed: null,
    ...fields,
  };
}

// Anchored, no nested quantifiers. "down_read_killable", "percpu_down_read", "cpus_read_lock",
// "_raw_read_lock_bh", "__might_fault" (lockdep's might_lock_read of mmap_lock), OpenBSD
// "rw_enter_read", FreeBSD "_sx_slock_int" / "__rw_rlock_int".
const READ_SIDE = [
  /^_*(down_read\w*|percpu_down_read\w*|cpus_read_lock|rwsem_down_read\w*)$/,
  /^_*(raw_)?read_lock\w*$/,
  /^_*queued_read_lock\w*$/,
  /^_*might_fault$/,
  /^_*(rw_enter_read|sx_slock\w*|rw_rlock\w*)$/,
];
const WRITE_SIDE = [
  /^_*(down_write\w*|percpu_down_write\w*|cpus_write_lock|rwsem_down_write\w*)$/,
  /^_*(raw_)?(write|spin)_lock\w*$/,
  /^_*(do_raw_spin_lock|queued_spin_lock\w*|queued_write_lock\w*)$/,
  /^_*(ww_)?mutex_lock\w*$/,
  /^_*(rw_enter_write|sx_xlock\w*|rw_wlock\w*|mtx_lock\w*)$/,
];

/**
 * How the stack takes its lock, judged from the lock primitive just below the caller:
 * 'read' for the read side of an rwsem/rwlock, 'write' for exclusive primitives, null when the
 * trace does not say (no trace, or a primitive we do not know).
 */
export function acquireMode(trace: readonly Frame[]): 'read' | 'write' | null {
  const caller = callerFrame(trace);
  for (const f of trace) {
    if (f === caller) break;
    if (f.unreliable || !isLockMachinery(f)) continue;
    const name = baseFunctionName(f.function);
    if (READ_SIDE.some((re) => re.test(name))) return 'read';
    if (WRITE_SIDE.some((re) => re.test(name))) return 'write';
  }
  return null;
}

/**
 * The dependency that shows `next` being taken, preferring the one taken while `prev` is held.
 * With `prev` null (or no exact match) any dependency into `next`, old ones before the new one.
 */
export function findDependency(report: Report, prev: string | null, next: string): number | null {
  const deps = report.dependencies;
  const exact = deps.findIndex((d) => d.prev === prev && d.next === next && d.prev !== d.next);
  if (exact >= 0) return exact;
  if (prev !== null && prev === next) {
    const self = deps.findIndex((d) => d.prev === next && d.next === next);
    if (self >= 0) return self;
  }
  const old = deps.findIndex((d) => d.next === next && !d.isNew);
  return old >= 0 ? old : nullIfNegative(deps.findIndex((d) => d.next === next));
}

function nullIfNegative(i: number): number | null {
  return i < 0 ? null : i;
}

// lockdep's own printing and checking, which a report's backtrace starts with (arm64 "dump_backtrace",
// "check_irq_usage.cold", "print_shortest_lock_dependencies", "mark_held_locks") — frame.ts does not
// know them all; anchored, no nested quantifiers
/** The caller that takes the lock in a stack (one rule for the CLI, the page and the stepper). */
export const callerFrame = firstInterestingFrame;

/** The caller in a dependency's trace; null when it has none. */
export function dependencyFrame(report: Report, dep: number | null): Frame | null {
  if (dep === null) return null;
  return callerFrame(report.dependencies[dep]?.trace ?? []);
}

/**
 * A frame from a site string as lockdep prints it in held-lock lines and "registered at":
 * "i915_gem_userptr_init__mmu_notifier+0x138/0x270 [i915]", "l2cap_connect_cfm".
 */
export function frameFromSite(site: string | null | undefined): Frame | null {
  if (!site) return null;
  let text = site.trim();
  let module: string | null = null;
  const open = text.indexOf(' [');
  if (open > 0 && text.endsWith(']')) {
    module = text.slice(open + 2, -1);
    text = text.slice(0, open);
  }
  const plus = text.indexOf('+');
  const fn = (plus > 0 ? text.slice(0, plus) : text).trim();
  if (!fn || /\s/.test(fn)) return null;
  const offset = plus > 0 ? text.slice(plus + 1) : null;
  return { function: fn, offset, module, unreliable: false, file: null, line: null, address: null };
}

/** Where the report's own task took `cls`, from its held-locks list. */
export function heldLockFrame(report: Report, cls: string): Frame | null {
  const held = report.heldLocks?.find((h) => h.class === cls);
  return frameFromSite(held?.at);
}

/**
 * Appends what a CPU does after the steps a report shows: the interrupt handler releases its
 * locks and returns, then the CPU releases its own locks, last taken first, and re-enables
 * interrupts — so that a schedule avoiding the deadlock ends with every CPU finished.
 */
export function closeProgram(ops: Op[]): Op[] {
  const out = [...ops];
  const held: Op[] = [];
  let inInterrupt = false;
  let irqsOff = false;
  for (const op of ops) {
    if ((op.op === 'lock' || op.op === 'rlock') && op.class) held.push(op);
    if (op.op === 'unlock') {
      const at = held.map((h) => h.class).lastIndexOf(op.class);
      if (at >= 0) held.splice(at, 1);
    }
    if (op.op === 'interrupt') inInterrupt = true;
    if (op.op === 'irq-exit') inInterrupt = false;
    if (op.op === 'irq-disable') irqsOff = true;
    if (op.op === 'irq-enable') irqsOff = false;
  }
  const release = (h: Op) => makeOp({ op: 'unlock', class: h.class, inInterrupt: h.inInterrupt });
  if (inInterrupt) {
    for (const h of held.filter((h) => h.inInterrupt).reverse()) out.push(release(h));
    out.push(makeOp({ op: 'irq-exit' }));
  }
  for (const h of held.filter((h) => !h.inInterrupt).reverse()) out.push(release(h));
  if (irqsOff) out.push(makeOp({ op: 'irq-enable' }));
  return out;
}

export function makeCpu(name: string, ops: Op[], dependency: number | null = null): Cpu {
  return { name, ops: closeProgram(ops), dependency };
}
