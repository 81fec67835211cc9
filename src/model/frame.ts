// Frames as people read them. Which frame of a dependency's trace a person wants to see: the first one past the locking
// machinery (lockdep itself, the lock primitives, might_fault), i.e. the caller that took the lock.
import type { Frame } from '../model/types';
import { isUserLockMachinery } from './userspace-frame';

// Anchored, no nested quantifiers: these run on names from untrusted text.
const MACHINERY: readonly RegExp[] = [
  // lockdep's own frames: "__lock_acquire+0x1420/0x15e0", "lock_acquire.part.0+0x…"
  /^_*lock_(acquire|acquired|contended|release|map_acquire\w*|sync)$/,
  /^(check_prev_adds?|check_prevs_add|validate_chain|check_noncircular|check_deadlock|print_\w+_bug|add_chain_cache|mark_lock\w*|debug_check_no_locks_\w+)$/,
  // spinlock/rwlock primitives: "_raw_spin_lock_irqsave", "__raw_read_lock", "do_raw_spin_lock", "queued_spin_lock_slowpath"
  /^_*(do_)?(raw_)?(spin|read|write)_(try)?lock(_\w+)?$/,
  /^_*queued_(spin|read|write)_lock\w*$/,
  /^_*rt_(spin|read|write|mutex)_\w*lock\w*$/,
  // sleeping locks: "__mutex_lock_common", "mutex_lock_nested", "ww_mutex_lock", "down_write_killable", "rwsem_down_read_slowpath"
  /^_*(ww_)?mutex_(try)?lock(_\w+)?$/,
  /^_*(down|up)_(read|write)\w*$/,
  /^_*down(_interruptible|_killable|_timeout|_trylock)?$/,
  /^_*(rwsem|percpu_rwsem|percpu)_down\w*$/,
  /^_*percpu_(down|up)_(read|write)\w*$/,
  /^_*cpus_(read|write)_lock$/,
  /^_*rt_mutex\w*$/,
  // faults and sleeps that lockdep models as taking mmap_lock / fs_reclaim: "__might_fault"
  /^_*might_(fault|sleep|resched|lock\w*)$/,
  /^_*fs_reclaim_acquire$/,
  // the user copy that faulted: "_copy_to_user" under "filldir" — the caller is the story
  /^_*(raw_)?(copy|strncpy|clear)_(to|from|in)_user\w*$/,
  /^_*(get|put)_user(_\w+)?$/,
  // completions and work flushes tracked as pseudo-locks (cross-release era): "wait_for_common"
  /^_*wait_for_(common|completion)\w*$/,
  /^_*(start_flush_work|touch_wq_lockdep_map|touch_work_lockdep_map)$/,
  // FreeBSD/OpenBSD: WITNESS itself and the lock primitives, "__mtx_lock_flags", "_sx_xlock", "__lockmgr_args"
  /^_*witness_\w+$/,
  /^_*(mtx|rw|sx|rm|lockmgr)_(try)?(x|s|w|r)?lock\w*$/,
  /^_*(lockmgr_args|mp_lock|kernel_lock)$/,
  /^_*(vn_lock|vop_stdlock|VOP_LOCK\w*|rw_enter\w*|rw_exit\w*|mtx_enter|mtx_enter_try|rrw_enter\w*)$/,
  /^_*(kdb_backtrace|kdb_enter|vpanic|panic|kassert_panic|db_trace_self\w*|stack_save\w*)$/,
  // the stack dumpers themselves
  /^_*(dump_stack\w*|show_stack|save_trace|stack_trace_save\w*|arch_stack_walk)$/,
];

/** "lock_acquire.part.0" and "foo.cold" are the compiler's clones of the same function. */
export function baseFunctionName(name: string): string {
  const dot = name.indexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

export function isLockMachinery(frame: Frame): boolean {
  const name = baseFunctionName(frame.function);
  // userspace: pthreads, sanitizer and Valgrind interceptors, std::mutex, absl::Mutex, j.u.c., sync.Mutex
  return MACHINERY.some((re) => re.test(name)) || isUserLockMachinery(frame);
}

// lockdep's own printing and checking frames: a report's own backtrace starts inside them
// ("dump_backtrace", "print_circular_bug", "check_irq_usage.cold", "mark_held_locks").
const LOCKDEP_INSIDE =
  /^_*(lock_acquire|lock_release|dump_stack\w*|show_stack|dump_backtrace|show_trace\w*|print_\w+|mark_lock\w*|mark_held_locks|validate_chain|check_irq_usage|check_usage\w*|check_prevs?_add\w*|check_noncircular|check_deadlock|check_path|lockdep_\w+|trace_hardirqs_\w+)$/;

/**
 * The caller that took the lock: past lockdep's own frames (a report's backtrace starts inside
 * the printer), then the first reliable frame that is not locking machinery. Falls back to the
 * first reliable frame when the whole trace is machinery (a trace cut short), then to anything.
 */
export function firstInterestingFrame(trace: readonly Frame[]): Frame | null {
  let cut = -1;
  const head = Math.min(trace.length, 40);
  for (let i = 0; i < head; i++) {
    const f = trace[i]!;
    if (!f.unreliable && LOCKDEP_INSIDE.test(baseFunctionName(f.function))) cut = i;
  }
  for (let i = cut + 1; i < trace.length; i++) {
    const f = trace[i]!;
    if (!f.unreliable && !isLockMachinery(f)) return f;
  }
  return firstReliableCaller(trace);
}

function firstReliableCaller(trace: readonly Frame[]): Frame | null {
  const reliable = trace.filter((f) => !f.unreliable);
  return reliable.find((f) => !isLockMachinery(f)) ?? reliable[0] ?? trace[0] ?? null;
}

/** A frame the way the x86 kernel prints it (and syzbot, for file:line): `? f+0x1/0x2 [mod] a.c:3` */
export function formatFrame(f: Frame): string {
  let s = (f.unreliable ? '? ' : '') + f.function + (f.offset ? `+${f.offset}` : '');
  if (f.module) s += ` [${f.module}]`;
  if (f.file) s += ` ${f.file}${f.line !== null ? `:${f.line}` : ''}`;
  return s;
}
