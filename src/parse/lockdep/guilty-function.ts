// The function a report is named after, picked the way syzkaller's pkg/report does: walk the
// candidates (the report's own "at:" sites, then its frames) and take the first that is not
// locking or reporting machinery ("possible deadlock in i915_gem_userptr_init__mmu_notifier").
import type { Frame } from '../../model/types';
import { baseFunction } from './trace';

// Lock machinery, lockdep itself, reporting and generic helpers every report passes through.
const SKIP: readonly RegExp[] = [
  /lockdep/,
  /lock_acquire/,
  /lock_release/,
  /lock_class/,
  /lock_acquired/,
  /lock_contended/,
  /held_locks/,
  /^mark_lock/,
  /^(?:__)?lock_(?:sync|is_held|pin|unpin|downgrade|acquire)/,
  /^_*raw_/,
  /spin_lock/,
  /spin_trylock/,
  /spin_unlock/,
  /^_*(?:read|write)_(?:un)?lock/,
  /^_*(?:read|write)_trylock/,
  /^_*down(?:_read|_write)?(?:_trylock|_killable|_interruptible|_nested|_common|_slowpath)*$/,
  /^_*down_(?:read|write)/,
  /^_*up_(?:read|write)/,
  /^_*up$/,
  /^(?:__)?(?:rt_)?mutex_/,
  /^__?ww_mutex/,
  /^ww_mutex/,
  /^osq_/,
  /^_*percpu_(?:down|up)_/,
  /^_*cpus_(?:read|write)_(?:un)?lock/,
  /^_*rcu_read_(?:un)?lock/,
  /^rcu_lock_acquire/,
  /^_*local_lock/,
  /^_*seqcount_lockdep/,
  /^_*might_(?:fault|sleep|lock|resched)/,
  /^_*cond_resched/,
  /^(?:__)?wait_for_common/,
  /^(?:__)?wait_for_completion/,
  /^_*wake_up/,
  /^process_one_work/,
  /^_*(?:try_to_)?del_timer/,
  /^_*timer_delete/,
  /^complete(?:_all)?$/,
  /^worker_thread/,
  /^perf_trace/,
  /^_*atomic_/,
  /rt_mutex/,
  /^_*(?:trace|lockdep)_hardirqs/,
  /^_*trace_softirqs/,
  /^_*local_bh_(?:en|dis)able/,
  /^_*local_irq_/,
  /^arch_local_irq/,
  /^_*sanitizer/,
  /^_*(?:k|h)?asan/,
  /^_*kmsan/,
  /should_fail/,
  /^_*downgrade_write/,
  /^(?:__)?flush_work(?:queue)?$/,
  /^drain_workqueue/,
  /^destroy_workqueue/,
  /^fail_dump/,
  /^do_(?:invalid_op|error_trap|trap|int3|debug)/,
  /^(?:asm_)?exc_/,
  /^nmi_panic/,
  /^_*die$/,
  /^__cancel_work/,
  /^cancel_(?:delayed_)?work_sync/,
  /^(?:check|validate)_(?:prev_add|prevs_add|chain|noncircular|irq_usage|deadlock|wait_context|flags|usage)/,
  /^print_(?:circular|usage|lock|deadlock|bad_irq|irq_inversion|unlock_imbalance|held_locks|freed_lock|lock_nested|lock_invalid)/,
  /^(?:__)?(?:save|print)_(?:stack_)?trace/,
  /^add_lock_to_list/,
  /^stack_trace_/,
  /^(?:__)?dump_stack/,
  /^show_(?:stack|trace)/,
  /^dump_backtrace/,
  /^(?:__)?warn/,
  /^warn_slowpath/,
  /^report_bug/,
  /^(?:fixup|handle)_bug/,
  /^do_error_trap/,
  /^(?:exc_)?invalid_op/,
  /^(?:asm_)?exc_invalid_op/,
  /^panic/,
  /^debug_check_no_locks/,
  /^debug_(?:show|print)_/,
  /^(?:__)?(?:v)?printk/,
  /^(?:__)?debug_object/,
  /copy_(?:to|from)_user/,
  /^(?:__)?(?:put|get)_user/,
  /^(?:__)?(?:k|v|kv)(?:m|z|c)?alloc/,
  /^kmem_cache_/,
  /^_*kfree/,
  /^__lock_sock/,
  /^lock_sock/,
  /^release_sock/,
  /^(?:__)?rcu_(?:lock|read)_acquire/,
];

// All of SKIP as one regex (same answer as SKIP.some()): 90 tests per candidate were a few
// percent of reading the corpus.
const SKIP_ANY = new RegExp(SKIP.map((re) => `(?:${re.source})`).join('|'));

export type SkipList = readonly RegExp[];

/** RCU reports also skip the RCU and allocator frames (pkg/report: "rcu", "kmem", "slab", "kmalloc"…). */
export const RCU_SKIP: SkipList = [
  /rcu/,
  /kmem/,
  /slab/,
  /kmalloc/,
  /vmalloc/,
  /kcalloc/,
  /kzalloc/,
  /^trace_/,
];
/** INFO: trying to register non-static key: "stack", "lock", "IRQ" as syzkaller does. */
export const NON_STATIC_KEY_SKIP: SkipList = [/stack/, /lock/, /IRQ/, /^__?(?:init|debug)_/, /key/];

export interface Candidate {
  function: string | null;
  /** a symbolizer's inline expansion or an offset-less frame: never the report's name */
  weak?: boolean;
}

export function fromFrames(frames: readonly Frame[]): Candidate[] {
  // "? foo+0x…" frames are stale words on the stack, and a symbolizer's inline expansions carry
  // no offset: syzkaller reads neither
  return frames.map((f) => ({
    function: f.function,
    weak: f.unreliable || (f.offset === null && f.address === null),
  }));
}

/** A lock line's at: site; a symbolizer's inline line or a right-cut bare name is weak. */
export function fromLock(
  lock: { atFunction: string | null; atInline: boolean; atBare?: boolean } | null | undefined,
): Candidate {
  if (!lock) return { function: null };
  return { function: lock.atFunction, weak: lock.atInline || lock.atBare === true };
}

/** The first candidate that is not machinery, without gcc clone suffixes; null when none is left. */
export function pickGuiltyFunction(
  candidates: readonly Candidate[],
  extraSkip: SkipList = [],
): string | null {
  for (const c of candidates) {
    if (!c.function || c.weak) continue;
    if (/^0x[0-9a-f]+$/.test(c.function) || c.function.startsWith('$')) continue;
    // arm64 syscall wrappers: "__arm64_sys_rt_sigreturn" is named "sys_rt_sigreturn"
    const name = demangle(baseFunction(c.function)).replace(/^__arm64_sys_/, 'sys_');
    if (SKIP_ANY.test(name) || extraSkip.some((re) => re.test(name))) continue;
    return name;
  }
  return null;
}

/** The plain name of an Itanium-mangled C++ symbol: "_Z8fakeNameiii" → "fakeName". */
export function demangle(name: string): string {
  const m = /^_ZN?(\d{1,3})([A-Za-z_]\w*)/.exec(name);
  if (!m) return name;
  const len = Number(m[1]);
  return m[2]!.length >= len ? m[2]!.slice(0, len) : name;
}
