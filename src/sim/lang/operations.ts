// The kernel calls a program may make, what each does to a lock, and which lock kinds it takes.
import type { LockKind, Mode, Step, StepKind } from '../program';

export interface OpSpec {
  step: StepKind;
  /** the lock kinds it accepts; null: it names no lock */
  kinds: LockKind[] | null;
  mode: Mode;
  irq: Step['irq'];
  /** a second argument: spin_lock_irqsave(&l, flags), mutex_lock_nested(&m, 1) */
  extra: 'flags' | 'subclass' | null;
  /** it may sleep: not allowed in an interrupt handler */
  sleeps: boolean;
  /** it takes a lock of its own rather than an argument */
  implicit: 'dma_fence_map' | 'cpu_hotplug_lock' | null;
  /** it takes an optional argument that is not a lock (dma_fence_wait(fence)) */
  ignoresArg?: boolean;
  try?: boolean;
}

function spec(step: StepKind, kinds: LockKind[] | null, fields: Partial<OpSpec> = {}): OpSpec {
  return {
    step,
    kinds,
    mode: 'write',
    irq: 'none',
    extra: null,
    sleeps: false,
    implicit: null,
    ...fields,
  };
}

export const OPERATIONS: Record<string, OpSpec> = {};

// spin_lock / read_lock / write_lock and their _irq, _irqsave, _bh flavours
const FLAVOURS: [string, string, Step['irq'], 'flags' | null][] = [
  ['', '', 'none', null],
  ['_irq', '_irq', 'irq', null],
  ['_irqsave', '_irqrestore', 'irqsave', 'flags'],
  ['_bh', '_bh', 'bh', null],
];
for (const [lockSuffix, unlockSuffix, irq, extra] of FLAVOURS) {
  for (const raw of ['', 'raw_']) {
    OPERATIONS[`${raw}spin_lock${lockSuffix}`] = spec('acquire', ['spinlock'], { irq, extra });
    OPERATIONS[`${raw}spin_unlock${unlockSuffix}`] = spec('release', ['spinlock'], { irq, extra });
  }
  // rwlock_t readers are recursive: a reader gets in while a writer waits
  OPERATIONS[`read_lock${lockSuffix}`] = spec('acquire', ['rwlock'], {
    irq,
    extra,
    mode: 'recursive-read',
  });
  OPERATIONS[`read_unlock${unlockSuffix}`] = spec('release', ['rwlock'], {
    irq,
    extra,
    mode: 'recursive-read',
  });
  OPERATIONS[`write_lock${lockSuffix}`] = spec('acquire', ['rwlock'], { irq, extra });
  OPERATIONS[`write_unlock${unlockSuffix}`] = spec('release', ['rwlock'], { irq, extra });
}

Object.assign(OPERATIONS, {
  mutex_lock: spec('acquire', ['mutex'], { sleeps: true }),
  mutex_lock_interruptible: spec('acquire', ['mutex'], { sleeps: true }),
  mutex_lock_killable: spec('acquire', ['mutex'], { sleeps: true }),
  mutex_lock_nested: spec('acquire', ['mutex'], { sleeps: true, extra: 'subclass' }),
  mutex_unlock: spec('release', ['mutex']),
  down_read: spec('acquire', ['rwsem'], { sleeps: true, mode: 'read' }),
  down_write: spec('acquire', ['rwsem'], { sleeps: true }),
  down_write_nested: spec('acquire', ['rwsem'], { sleeps: true, extra: 'subclass' }),
  up_read: spec('release', ['rwsem'], { mode: 'read' }),
  up_write: spec('release', ['rwsem']),
  cpus_read_lock: spec('acquire', null, {
    sleeps: true,
    mode: 'read',
    implicit: 'cpu_hotplug_lock',
  }),
  cpus_read_unlock: spec('release', null, { mode: 'read', implicit: 'cpu_hotplug_lock' }),
  cpus_write_lock: spec('acquire', null, { sleeps: true, implicit: 'cpu_hotplug_lock' }),
  cpus_write_unlock: spec('release', null, { implicit: 'cpu_hotplug_lock' }),
  local_irq_disable: spec('irq-off', null),
  local_irq_enable: spec('irq-on', null),
  local_bh_disable: spec('bh-off', null),
  local_bh_enable: spec('bh-on', null),
  wait_for_completion: spec('wait', ['completion'], { sleeps: true }),
  complete: spec('complete', ['completion']),
  complete_all: spec('complete-all', ['completion']),
  queue_work: spec('queue', ['work']),
  schedule_work: spec('queue', ['work']),
  flush_work: spec('flush', ['work'], { sleeps: true }),
  // dma-fence.c: a read trylock of dma_fence_lockdep_map ("dma_fence_map") since v5.9
  dma_fence_begin_signalling: spec('acquire', null, {
    mode: 'read',
    implicit: 'dma_fence_map',
    try: true,
  }),
  dma_fence_end_signalling: spec('release', null, {
    mode: 'read',
    implicit: 'dma_fence_map',
    ignoresArg: true,
  }),
  // __dma_fence_might_wait(): lock_map_acquire + lock_map_release of the same map
  dma_fence_wait: spec('fence-wait', null, {
    sleeps: true,
    implicit: 'dma_fence_map',
    ignoresArg: true,
  }),
} satisfies Record<string, OpSpec>);

export const KIND_NAMES: Record<LockKind, string> = {
  spinlock: 'spinlock_t',
  mutex: 'struct mutex',
  rwsem: 'struct rw_semaphore',
  rwlock: 'rwlock_t',
  completion: 'struct completion',
  work: 'struct work_struct',
  fence: 'the dma-fence signalling map',
};

/** What to write instead of `op` for a lock of kind `kind`: "mutex_lock", "spin_lock". */
export function opsFor(kind: LockKind, step: StepKind): string[] {
  return Object.entries(OPERATIONS)
    .filter(([name, s]) => s.step === step && s.kinds?.includes(kind) && !name.startsWith('raw_'))
    .map(([name]) => name)
    .slice(0, 4);
}

/** The unlock that matches an acquire: spin_lock_irqsave -> spin_unlock_irqrestore. */
export function matchingUnlock(op: string): string {
  return op
    .replace('_lock_irqsave', '_unlock_irqrestore')
    .replace(
      /_lock(_irq|_bh|_nested|_interruptible|_killable)?$/,
      (_m, s: string | undefined) => `_unlock${s === '_irq' || s === '_bh' ? s : ''}`,
    )
    .replace(/^down_(read|write)(_nested)?$/, 'up_$1')
    .replace('cpus_read_lock', 'cpus_read_unlock')
    .replace('cpus_write_lock', 'cpus_write_unlock')
    .replace('dma_fence_begin_signalling', 'dma_fence_end_signalling');
}
