// A lock trace: what one run did, event by event. The simulator writes traces, the ftrace and JSON
// readers produce them, and the validator (lockdep, offline) reads them. Lockdep itself sees the
// same events: lock_acquire/lock_release with a mode and a trylock flag, plus the irq and softirq
// state changes it tracks per task. Waiting primitives that lockdep models as locks (work items,
// dma_fence signalling) appear here as acquisitions of their pseudo lock classes; completions do
// not: lockdep tracked them only with cross-release, in 4.14, and removed it in 4.15.

/** How a lock is taken: lockdep's `read` argument (0 write, 1 read, 2 recursive read). */
export type LockMode = 'write' | 'read' | 'recursive-read';

export type TraceOp =
  | 'acquire'
  | 'release'
  /** local_irq_disable() / spin_lock_irq*(): hardirqs off on this CPU */
  | 'hardirq-off'
  | 'hardirq-on'
  /** local_bh_disable() / spin_lock_bh(): softirqs off */
  | 'softirq-off'
  | 'softirq-on'
  /** an interrupt handler starts/ends running on this CPU (nests on the interrupted thread) */
  | 'hardirq-enter'
  | 'hardirq-exit'
  | 'softirq-enter'
  | 'softirq-exit';

export interface TraceEvent {
  /** the thread, task or CPU the event ran on: "CPU0", "kworker/0:1-12", "T1" */
  thread: string;
  op: TraceOp;
  /** the lock class (acquire/release only) */
  lock?: string;
  /** acquire only; 'write' when absent */
  mode?: LockMode;
  /** acquire only: a trylock, which never waits and so adds no dependency on what is held */
  try?: boolean;
  /**
   * acquire only: the nesting subclass of mutex_lock_nested()/spin_lock_nested() (1..7). Lockdep
   * makes it a class of its own, printed "name/N"; 0 or absent is the plain class.
   */
  subclass?: number;
  /** the lock instance (lockdep_map address as ftrace prints it): tells two locks of one class apart */
  instance?: string;
  /** seconds, as ftrace prints them; optional */
  time?: number;
  /** call stack at the event, innermost function first */
  stack?: string[];
  /** 1-based line of the input this event was read from, for messages and highlighting */
  line?: number;
}

export interface Trace {
  events: TraceEvent[];
}

/** The class lockdep validates an acquisition against: the name plus "/N" for a nesting subclass. */
export function lockClassOf(event: Pick<TraceEvent, 'lock' | 'subclass'>): string {
  const name = event.lock ?? '';
  return event.subclass ? `${name}/${event.subclass}` : name;
}
