// Example traces, one per kind of problem the validator finds (and clean ones that find nothing):
// the validator's tests, the lockdep-text round trip and the docs use them.
import type { TraceEvent } from './types';

type Op = TraceEvent['op'];
const ev = (
  thread: string,
  op: Op,
  lock?: string,
  stack?: string[],
  more: Partial<TraceEvent> = {},
) =>
  ({ thread, op, ...(lock ? { lock } : {}), ...(stack ? { stack } : {}), ...more }) as TraceEvent;
const take = (t: string, lock: string, fn: string, more: Partial<TraceEvent> = {}) =>
  ev(t, 'acquire', lock, [fn, `${t.toLowerCase()}_main`], more);
const drop = (t: string, lock: string) => ev(t, 'release', lock);

export interface TraceExample {
  name: string;
  description: string;
  events: TraceEvent[];
  /** the report kinds the validator must find, in order; [] for a clean trace */
  expect: string[];
}

export const TRACE_EXAMPLES: readonly TraceExample[] = [
  {
    name: 'abba',
    description:
      'T1 takes A then B, T2 takes B then A: lockdep reports the cycle though no run deadlocked',
    events: [
      take('T1', 'A', 't1_lock_a'),
      take('T1', 'B', 't1_lock_b'),
      drop('T1', 'B'),
      drop('T1', 'A'),
      take('T2', 'B', 't2_lock_b'),
      take('T2', 'A', 't2_lock_a'),
      drop('T2', 'A'),
      drop('T2', 'B'),
    ],
    expect: ['circular-dependency'],
  },
  {
    name: 'three-lock-cycle',
    description: 'A -> B, B -> C, C -> A over three threads: a chain of three entries',
    events: [
      take('T1', 'A', 'f1'),
      take('T1', 'B', 'f2'),
      drop('T1', 'B'),
      drop('T1', 'A'),
      take('T2', 'B', 'g1'),
      take('T2', 'C', 'g2'),
      drop('T2', 'C'),
      drop('T2', 'B'),
      take('T3', 'C', 'h1'),
      take('T3', 'A', 'h2'),
    ],
    expect: ['circular-dependency'],
  },
  {
    name: 'same-order',
    description: 'every thread takes A before B: no report',
    events: [
      take('T1', 'A', 'f1'),
      take('T1', 'B', 'f2'),
      drop('T1', 'B'),
      drop('T1', 'A'),
      take('T2', 'A', 'g1'),
      take('T2', 'B', 'g2'),
      drop('T2', 'B'),
      drop('T2', 'A'),
    ],
    expect: [],
  },
  {
    name: 'recursive',
    description: 'T1 takes A while holding A',
    events: [take('T1', 'A', 'outer'), take('T1', 'A', 'inner')],
    expect: ['recursive-locking'],
  },
  {
    name: 'nested-subclass',
    description: 'mutex_lock_nested(&b->lock, 1) under &a->lock of the same class: no report',
    events: [
      take('T1', 'inode_lock', 'lock_parent'),
      take('T1', 'inode_lock', 'lock_child', { subclass: 1 }),
      drop('T1', 'inode_lock'),
      drop('T1', 'inode_lock'),
    ],
    expect: [],
  },
  {
    name: 'trylock',
    description: 'T2 trylocks A under B: a trylock waits for nothing and adds no dependency',
    events: [
      take('T1', 'A', 'f1'),
      take('T1', 'B', 'f2'),
      drop('T1', 'B'),
      drop('T1', 'A'),
      take('T2', 'B', 'g1'),
      take('T2', 'A', 'g2', { try: true }),
    ],
    expect: [],
  },
  {
    name: 'readers',
    description:
      'two readers of one rwlock, one inside the other: read-after-read recursion is allowed',
    events: [
      take('T1', 'tasklist_lock', 'f1', { mode: 'recursive-read' }),
      take('T1', 'tasklist_lock', 'f2', { mode: 'recursive-read' }),
      take('T2', 'tasklist_lock', 'g1', { mode: 'recursive-read' }),
    ],
    expect: [],
  },
  {
    name: 'recursive-read-cycle',
    description:
      'T1: read_lock(R) then write A; T2: A then write_lock(R): the writer makes the cycle strong',
    events: [
      take('T1', 'R', 'reader', { mode: 'recursive-read' }),
      take('T1', 'A', 'reader_takes_a'),
      drop('T1', 'A'),
      drop('T1', 'R'),
      take('T2', 'A', 'writer_takes_a'),
      take('T2', 'R', 'writer'),
    ],
    expect: ['circular-dependency'],
  },
  {
    name: 'recursive-read-no-cycle',
    description:
      'T1: read_lock(R) then A; T2: A then read_lock(R): two recursive readers do not deadlock',
    events: [
      take('T1', 'R', 'reader1', { mode: 'recursive-read' }),
      take('T1', 'A', 'reader1_a'),
      drop('T1', 'A'),
      drop('T1', 'R'),
      take('T2', 'A', 'reader2_a'),
      take('T2', 'R', 'reader2', { mode: 'recursive-read' }),
    ],
    expect: [],
  },
  {
    name: 'inconsistent-irq',
    description:
      'T1 takes L with irqs on; an interrupt handler takes L: {HARDIRQ-ON-W} -> {IN-HARDIRQ-W}',
    events: [
      take('T1', 'L', 'process_path'),
      drop('T1', 'L'),
      ev('T1', 'hardirq-enter'),
      take('T1', 'L', 'irq_handler'),
      drop('T1', 'L'),
      ev('T1', 'hardirq-exit'),
    ],
    expect: ['inconsistent-lock-state'],
  },
  {
    name: 'safe-to-unsafe',
    description:
      'S is taken in an irq handler (irq-safe), U with irqs on (irq-unsafe); then U is taken under S',
    events: [
      ev('T1', 'hardirq-enter'),
      take('T1', 'S', 'irq_handler'),
      drop('T1', 'S'),
      ev('T1', 'hardirq-exit'),
      take('T2', 'U', 'process_u'),
      drop('T2', 'U'),
      ev('T3', 'hardirq-off'),
      take('T3', 'S', 'spin_lock_irq_s'),
      take('T3', 'U', 'take_u_under_s'),
    ],
    expect: ['safe-to-unsafe'],
  },
  {
    name: 'irq-inversion',
    description:
      'S -> U is recorded with irqs off; only then is S used in an irq: irq lock inversion',
    events: [
      take('T2', 'U', 'process_u'),
      drop('T2', 'U'),
      ev('T3', 'hardirq-off'),
      take('T3', 'S', 'spin_lock_irq_s'),
      take('T3', 'U', 'take_u_under_s'),
      drop('T3', 'U'),
      drop('T3', 'S'),
      ev('T3', 'hardirq-on'),
      ev('T1', 'hardirq-enter'),
      take('T1', 'S', 'irq_handler'),
    ],
    expect: ['irq-lock-inversion'],
  },
];
