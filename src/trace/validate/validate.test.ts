import { describe, expect, it } from 'vitest';
import { TRACE_EXAMPLES } from '../examples';
import type { TraceEvent } from '../types';
import { validateTrace } from './index';

const example = (name: string) => TRACE_EXAMPLES.find((e) => e.name === name)!.events;
const kinds = (events: readonly TraceEvent[]) => validateTrace(events).reports.map((r) => r.kind);

describe('validateTrace: each example finds what lockdep would', () => {
  for (const ex of TRACE_EXAMPLES) {
    it(`${ex.name}: ${ex.description}`, () => {
      expect(kinds(ex.events)).toEqual(ex.expect);
    });
  }
});

describe('circular dependency', () => {
  it('ABBA: the cycle starts at the lock being acquired, with the stacks where each edge was first seen', () => {
    const [r] = validateTrace(example('abba')).reports;
    expect(r!.format).toBe('lockscope-trace');
    expect(r!.cycle).toEqual(['A', 'B']);
    expect(r!.task).toEqual({ comm: 'T2', pid: 2 });
    const byEntry = new Map(r!.dependencies.map((d) => [d.chainEntry, d]));
    expect(byEntry.get(1)).toMatchObject({ prev: 'A', next: 'B', isNew: false });
    expect(byEntry.get(1)!.trace.map((f) => f.function)).toEqual(['t1_lock_b', 't1_main']);
    expect(byEntry.get(0)).toMatchObject({ prev: 'B', next: 'A', isNew: true });
    expect(byEntry.get(0)!.trace[0]!.function).toBe('t2_lock_a');
    expect(r!.heldLocks!.map((h) => h.class)).toEqual(['B']);
    expect(r!.scenario!.steps.map((s) => `${s.cpu}:${s.op}(${s.class})`)).toEqual([
      '0:lock(B)',
      '1:lock(A)',
      '1:lock(B)',
      '0:lock(A)',
    ]);
  });

  it('three locks: the whole cycle, #0 the new lock and #2 the held one', () => {
    const [r] = validateTrace(example('three-lock-cycle')).reports;
    expect(r!.cycle).toEqual(['A', 'B', 'C']);
    expect(r!.dependencies.map((d) => `${d.prev}->${d.next}#${d.chainEntry}`)).toEqual([
      'A->B#1',
      'B->C#2',
      'C->A#0',
    ]);
  });

  it('the same cycle seen again is reported once; stopAfterFirst keeps only the first problem', () => {
    const twice = [...example('abba'), ...example('abba'), ...example('recursive')];
    expect(kinds(twice)).toEqual(['circular-dependency', 'recursive-locking']);
    expect(validateTrace(twice, { stopAfterFirst: true }).reports).toHaveLength(1);
  });

  it('a lock released out of order re-acquires the ones above it (no false report)', () => {
    const t: TraceEvent[] = [
      { thread: 'T1', op: 'acquire', lock: 'A' },
      { thread: 'T1', op: 'acquire', lock: 'B' },
      { thread: 'T1', op: 'release', lock: 'A' },
      { thread: 'T1', op: 'acquire', lock: 'C' },
    ];
    const r = validateTrace(t);
    expect(r.reports).toEqual([]);
    expect(r.stats).toEqual({ events: 4, threads: 1, classes: 3, dependencies: 2 });
  });

  it('the dependency is added on the nearest held lock, through trylocks above it', () => {
    const t: TraceEvent[] = [
      { thread: 'T1', op: 'acquire', lock: 'A' },
      { thread: 'T1', op: 'acquire', lock: 'T', try: true },
      { thread: 'T1', op: 'acquire', lock: 'B' },
    ];
    // T -> B (trylock held) and A -> B (the first non-trylock); T adds nothing on A
    expect(validateTrace(t).stats.dependencies).toBe(2);
  });
});

describe('recursive locking', () => {
  it('AA: the class taken again while held', () => {
    const [r] = validateTrace(example('recursive')).reports;
    expect(r!.cycle).toEqual(['A']);
    expect(r!.scenario!.cpus).toEqual(['CPU0']);
  });
  it('a nesting subclass is a class of its own: no report', () => {
    expect(kinds(example('nested-subclass'))).toEqual([]);
  });
  it('a rwsem read is not recursive: read then read of one class is reported', () => {
    const t: TraceEvent[] = [
      { thread: 'T1', op: 'acquire', lock: 'mmap_lock', mode: 'read' },
      { thread: 'T1', op: 'acquire', lock: 'mmap_lock', mode: 'read' },
    ];
    expect(kinds(t)).toEqual(['recursive-locking']);
  });
});

describe('interrupts', () => {
  it('inconsistent lock state names the usage change and where the old usage was registered', () => {
    const [r] = validateTrace(example('inconsistent-irq')).reports;
    expect(r!.details).toMatchObject({
      usageChange: '{HARDIRQ-ON-W} -> {IN-HARDIRQ-W}',
      irqFlags: 'HC1[1]:SC0[0]:HE0:SE1',
      registeredTrace: 'process_path\nt1_main',
    });
    expect(r!.classes[0]).toEqual({ name: 'L', usage: '?.+.', waitType: null });
  });

  it('spin_lock (irqs on) then the same lock in a softirq: SOFTIRQ', () => {
    const t: TraceEvent[] = [
      { thread: 'T1', op: 'acquire', lock: 'L' },
      { thread: 'T1', op: 'release', lock: 'L' },
      { thread: 'T1', op: 'softirq-enter' },
      { thread: 'T1', op: 'acquire', lock: 'L' },
    ];
    const [r] = validateTrace(t).reports;
    expect(r!.details!['usageChange']).toBe('{SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W}');
  });

  it('spin_lock_irq everywhere outside the handler: consistent, no report', () => {
    const t: TraceEvent[] = [
      { thread: 'T1', op: 'hardirq-off' },
      { thread: 'T1', op: 'acquire', lock: 'L' },
      { thread: 'T1', op: 'release', lock: 'L' },
      { thread: 'T1', op: 'hardirq-on' },
      { thread: 'T1', op: 'hardirq-enter' },
      { thread: 'T1', op: 'acquire', lock: 'L' },
      { thread: 'T1', op: 'release', lock: 'L' },
      { thread: 'T1', op: 'hardirq-exit' },
    ];
    expect(kinds(t)).toEqual([]);
  });

  it('enabling irqs with the lock held marks it irq-unsafe', () => {
    const t: TraceEvent[] = [
      { thread: 'T1', op: 'hardirq-enter' },
      { thread: 'T1', op: 'acquire', lock: 'L' },
      { thread: 'T1', op: 'release', lock: 'L' },
      { thread: 'T1', op: 'hardirq-exit' },
      { thread: 'T2', op: 'hardirq-off' },
      { thread: 'T2', op: 'acquire', lock: 'L' },
      { thread: 'T2', op: 'hardirq-on' },
    ];
    expect(validateTrace(t).reports[0]!.details!['usageChange']).toBe(
      '{IN-HARDIRQ-W} -> {HARDIRQ-ON-W}',
    );
  });

  it('safe -> unsafe names both ends and where each became safe and unsafe', () => {
    const [r] = validateTrace(example('safe-to-unsafe')).reports;
    expect(r!.headline).toBe('WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected');
    expect(r!.details).toMatchObject({
      safeLock: 'S',
      unsafeLock: 'U',
      newDependency: 'S -> U',
      safeTrace: 'irq_handler\nt1_main',
      unsafeTrace: 'process_u\nt2_main',
    });
  });

  it('irq inversion: the lock just became irq-safe and took an irq-unsafe lock before', () => {
    const [r] = validateTrace(example('irq-inversion')).reports;
    expect(r!.details).toMatchObject({
      direction: 'forwards',
      irqClass: 'HARDIRQ',
      otherLock: 'U',
    });
    expect(r!.dependencies.map((d) => `${d.prev}->${d.next}`)).toEqual(['S->U']);
  });
});

describe('report lines', () => {
  it('point at the lines of the events involved', () => {
    const events = example('abba').map((e, i) => ({ ...e, line: 10 + i }));
    const [r] = validateTrace(events).reports;
    // T1 A (10), T1 B (11), T2 B (14), T2 A (15)
    expect(r!.lines).toEqual({ start: 11, end: 15 });
    expect(r!.spans!.map((s) => s.line)).toEqual(expect.arrayContaining([11, 14, 15]));
  });

  it('a release of a lock never taken in the trace is a note, not a report', () => {
    const r = validateTrace([{ thread: 'T1', op: 'release', lock: 'A', line: 3 }]);
    expect(r.reports).toEqual([]);
    expect(r.notes).toEqual([
      { event: 0, line: 3, message: 'T1 released A, which it did not hold in the trace: ignored' },
    ]);
  });
});
