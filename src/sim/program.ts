// A checked lock program, flattened: each context (thread, interrupt handler, work item) is a
// straight-line list of steps with every function call inlined, each step keeping the stack of
// functions it runs in. Straight-line code means what a context holds, and whether its
// interrupts are on, is known from its position alone (precomputed here, not searched).

export interface ProgramError {
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

export type LockKind = 'spinlock' | 'mutex' | 'rwsem' | 'rwlock' | 'completion' | 'work' | 'fence';

export interface SimLock {
  id: number;
  /** as written in the program, without `&`: "dev_priv->mm_lock" */
  name: string;
  /** the lockdep class name: "&dev_priv->mm_lock", "cpuhp_state_mutex", "(complete)&req.done" */
  class: string;
  kind: LockKind;
  /** where it is declared; 0 for the implicit ones (dma_fence_map, cpu_hotplug_lock) */
  line: number;
  column: number;
  /** DECLARE_WORK: the function the work runs */
  workFn?: string;
}

export type StepKind =
  | 'acquire'
  | 'release'
  | 'irq-off'
  | 'irq-on'
  | 'bh-off'
  | 'bh-on'
  /** wait_for_completion(): waits for a complete() and consumes it */
  | 'wait'
  | 'complete'
  | 'complete-all'
  | 'queue'
  | 'flush'
  /** dma_fence_wait(): waits until no signalling section is open (lockdep: write acquire+release) */
  | 'fence-wait';

export type Mode = 'write' | 'read' | 'recursive-read';

export interface Step {
  kind: StepKind;
  /** index into Program.locks; -1 when the step names none */
  lock: number;
  mode: Mode;
  /** how the op touches interrupts: spin_lock_irq, _irqsave, _bh */
  irq: 'none' | 'irq' | 'irqsave' | 'bh';
  /** mutex_lock_nested(&m, 1): lockdep class "m/1" */
  subclass: number;
  /** never waits (dma_fence_begin_signalling is a read trylock since v5.9) */
  try: boolean;
  /** the call as written: "spin_lock_irqsave(&dev->lock, flags)" */
  text: string;
  /** the op's name: "spin_lock_irqsave" */
  op: string;
  /** innermost first: ["i915_gem_userptr_init", "prime_mmap"] */
  stack: string[];
  line: number;
  column: number;
  endColumn: number;
}

export interface Held {
  lock: number;
  mode: Mode;
  /** the step that took it */
  at: number;
}

export type ContextKind = 'thread' | 'hardirq' | 'softirq' | 'work';

export interface Context {
  id: number;
  /** "T1", "irq i915_irq_handler", "kworker: reset_work" */
  name: string;
  kind: ContextKind;
  /** the CPU it runs on (threads: their own; handlers: the one they interrupt); -1 for works */
  cpu: number;
  /** for works: the SimLock id of the work */
  work: number;
  steps: Step[];
  /** held[pc]: what this context holds before step pc (pc = steps.length: at its end) */
  held: Held[][];
  /** interrupts off before step pc */
  irqOff: boolean[];
  /** softirqs off before step pc */
  bhOff: boolean[];
  /** interrupts off while waiting at step pc (spin_lock_irq spins with them off) */
  irqOffWaiting: boolean[];
  /** completions this context may still complete from step pc on (directly or through work it queues) */
  completes: Set<number>[];
  line: number;
  column: number;
}

export interface Program {
  locks: SimLock[];
  contexts: Context[];
  /** CPU names, one per thread: "CPU0", … */
  cpus: string[];
  /** the thread on each CPU */
  threadOfCpu: number[];
}
