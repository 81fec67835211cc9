import { describe, expect, it } from 'vitest';
import { explainDeadlock, waitCycle } from './deadlock';
import { describeStep } from './describe';
import { enabled, initial, replay, run, status } from './machine';
import { makeCpu, makeOp } from './program';
import { stepperView } from './stepper';
import type { Op, Scenario, State } from './types';

const lock = (cls: string, extra: Partial<Op> = {}) => makeOp({ op: 'lock', class: cls, ...extra });
const rlock = (cls: string, extra: Partial<Op> = {}) =>
  makeOp({ op: 'rlock', class: cls, ...extra });

function scenario(programs: Record<string, Op[]>, extra: Partial<Scenario> = {}): Scenario {
  return {
    id: 'full',
    label: 'test',
    description: '',
    cpus: Object.entries(programs).map(([name, ops]) => makeCpu(name, ops)),
    schedule: '',
    interruptName: 'interrupt',
    notes: [],
    ...extra,
  };
}

function lastOf(s: Scenario, schedule: string): State {
  const r = replay(s, schedule);
  if (!r.ok) throw new Error(r.error);
  return r.states[r.states.length - 1]!;
}

const abba = scenario({ CPU0: [lock('A'), lock('B')], CPU1: [lock('B'), lock('A')] });

describe('the machine on A-B / B-A', () => {
  it('deadlocks on 0101 with each CPU waiting for the other', () => {
    const end = lastOf(abba, '0101');
    expect(status(abba, end)).toBe('deadlocked');
    expect(enabled(abba, end)).toEqual([]);
    expect(waitCycle(abba, end)).toEqual([
      { waiter: 0, class: 'B', holder: 1, reason: 'holds' },
      { waiter: 1, class: 'A', holder: 0, reason: 'holds' },
    ]);
    expect(explainDeadlock(abba, end)).toBe(
      'CPU0 holds A and waits for B; CPU1 holds B and waits for A: neither can move.',
    );
  });

  it('finishes on a schedule that lets CPU0 through first', () => {
    // CPU0 takes A, B, releases both; then CPU1 runs its whole program
    const r = replay(abba, '00001111');
    expect(r.ok).toBe(true);
    const end = r.ok ? r.states[r.states.length - 1]! : initial(abba);
    expect(status(abba, end)).toBe('finished');
    expect(waitCycle(abba, end)).toBeNull();
    expect(explainDeadlock(abba, end)).toBe('');
  });

  it('lets a waiting CPU go once the lock is released', () => {
    // CPU0 takes A and B, CPU1 waits for B, CPU0 releases B → CPU1 may move again
    const states = replay(abba, '001');
    expect(states.ok).toBe(true);
    const s = states.ok ? states.states[3]! : initial(abba);
    expect(s.cpus[1]?.waiting).toBe(true);
    expect(enabled(abba, s)).toEqual([0]);
    const released = run(abba, s, 0);
    expect(enabled(abba, released)).toEqual([0, 1]);
    const took = run(abba, released, 1);
    expect(describeStep(abba, released, took)).toBe('CPU1 stops waiting and takes B');
  });

  it('undoes by replaying a prefix, and projects holds and waits for the stepper', () => {
    const r = replay(abba, '0101');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const undone = replay(abba, r.states[4]!.schedule.slice(0, -1));
    expect(undone.ok && undone.states[3]).toEqual(r.states[3]);
    expect(stepperView(abba, r.states, 3)).toEqual({
      scenario: 'full',
      cpus: ['CPU0', 'CPU1'],
      index: 3,
      length: 4,
      deadlocked: false,
      holds: { CPU0: ['A'], CPU1: ['B'] },
      waits: { CPU0: 'B', CPU1: null },
      schedule: '0101',
    });
    expect(stepperView(abba, r.states, 99)).toMatchObject({ index: 4, deadlocked: true });
    expect(stepperView(abba, r.states, -5).index).toBe(0);
  });

  it('rejects a bad schedule with a message instead of throwing', () => {
    const bad = replay(abba, '01x');
    expect(bad).toMatchObject({ ok: false, at: 2 });
    expect(!bad.ok && bad.error).toMatch(/'x' names no CPU/);
    expect(!bad.ok && bad.states).toHaveLength(3);
    const blocked = replay(abba, '01011');
    expect(!blocked.ok && blocked.error).toMatch(/already deadlocked/);
    // CPU1 tried B and waits; it cannot move again until CPU0 lets go
    const waiting = replay(abba, '0011');
    expect(!waiting.ok && waiting.error).toBe('step 4: CPU1 is waiting for B, held by CPU0');
    expect(() => run(abba, initial(abba), 5)).toThrow(RangeError);
  });

  it('says in words what each step did', () => {
    const r = replay(abba, '0101');
    if (!r.ok) throw new Error(r.error);
    const words = r.states.slice(1).map((s, i) => describeStep(abba, r.states[i]!, s));
    expect(words).toEqual([
      'CPU0 takes A',
      'CPU1 takes B',
      'CPU0 tries to take B, held by CPU1, and waits',
      'CPU1 tries to take A, held by CPU0, and waits',
    ]);
  });
});

describe('readers and writers', () => {
  it('lets two readers share a lock', () => {
    const s = scenario({ CPU0: [rlock('L'), lock('X')], CPU1: [lock('X'), rlock('L')] });
    // CPU0 reads L, CPU1 takes X, CPU1 reads L too (no wait), CPU0 waits for X — CPU1 finishes
    const end = lastOf(s, '0110');
    expect(end.cpus[1]?.holds.map((h) => h.mode)).toEqual(['write', 'read']);
    expect(status(s, end)).toBe('running');
    expect(status(s, lastOf(s, '011011000'))).toBe('finished');
  });

  it('blocks a writer on readers and a reader behind a queued writer (rwsem fairness)', () => {
    const s = scenario({ R0: [rlock('L')], W: [lock('L')], R1: [rlock('L')] });
    const end = lastOf(s, '012');
    expect(end.cpus.map((c) => c.waiting)).toEqual([false, true, true]);
    expect(describeStep(s, lastOf(s, '01'), end)).toBe(
      'R1 tries to take L for reading, but W is queued to write it, and waits',
    );
    // R0 lets go: W takes L and lets go, then R1
    expect(enabled(s, lastOf(s, '0120'))).toEqual([1]);
    expect(status(s, lastOf(s, '01201122'))).toBe('finished');
  });

  it('deadlocks a reader that re-reads behind a queued writer', () => {
    const s = scenario({ CPU0: [rlock('L'), rlock('L')], CPU1: [lock('L')] });
    const end = lastOf(s, '010');
    expect(status(s, end)).toBe('deadlocked');
    expect(waitCycle(s, end)).toEqual([
      { waiter: 0, class: 'L', holder: 1, reason: 'queued-writer' },
      { waiter: 1, class: 'L', holder: 0, reason: 'holds' },
    ]);
    expect(explainDeadlock(s, end)).toBe(
      "CPU0 holds L for reading and waits for L behind CPU1's queued write; CPU1 is queued to write L and waits for L: neither can move.",
    );
  });
});

describe('one CPU alone', () => {
  it('waits for itself when it takes a lock it holds', () => {
    const s = scenario({ CPU0: [lock('A'), lock('A')] });
    const end = lastOf(s, '00');
    expect(status(s, end)).toBe('deadlocked');
    expect(waitCycle(s, end)).toEqual([{ waiter: 0, class: 'A', holder: 0, reason: 'holds' }]);
    expect(explainDeadlock(s, end)).toBe(
      'CPU0 holds A and waits for A, which it holds itself: it can never move.',
    );
  });

  it('deadlocks when an interrupt handler spins on a lock the interrupted code holds', () => {
    const s = scenario(
      {
        CPU0: [lock('L'), makeOp({ op: 'interrupt' }), lock('L', { inInterrupt: true })],
      },
      { interruptName: 'softirq' },
    );
    const r = replay(s, '000');
    if (!r.ok) throw new Error(r.error);
    expect(describeStep(s, r.states[1]!, r.states[2]!)).toBe('A softirq runs on CPU0');
    expect(describeStep(s, r.states[2]!, r.states[3]!)).toBe(
      'The softirq handler on CPU0 tries to take L, which CPU0 already holds: the code it interrupted cannot run until the handler returns',
    );
    expect(status(s, r.states[3]!)).toBe('deadlocked');
    expect(explainDeadlock(s, r.states[3]!)).toMatch(
      /^CPU0 holds L; the softirq handler on CPU0 waits for L, .*CPU0 can never move\.$/,
    );
  });

  it('deadlocks when the handler returns still holding the lock', () => {
    const s = scenario({
      CPU0: [
        makeOp({ op: 'interrupt' }),
        lock('L', { inInterrupt: true }),
        makeOp({ op: 'irq-exit' }),
        lock('L'),
      ],
    });
    expect(status(s, lastOf(s, '0000'))).toBe('deadlocked');
  });

  it('finishes when the interrupt comes before the lock', () => {
    const s = scenario({
      CPU0: [
        makeOp({ op: 'interrupt' }),
        lock('L', { inInterrupt: true }),
        makeOp({ op: 'unlock', class: 'L', inInterrupt: true }),
        makeOp({ op: 'irq-exit' }),
        lock('L'),
      ],
    });
    // makeCpu adds the last release
    expect(s.cpus[0]?.ops.map((o) => o.op)).toEqual([
      'interrupt',
      'lock',
      'unlock',
      'irq-exit',
      'lock',
      'unlock',
    ]);
    expect(status(s, lastOf(s, '000000'))).toBe('finished');
  });

  it('keeps an interrupt out while interrupts are disabled', () => {
    const s = scenario({
      CPU0: [makeOp({ op: 'irq-disable' }), makeOp({ op: 'interrupt' })],
    });
    const off = lastOf(s, '0');
    expect(enabled(s, off)).toEqual([]);
    expect(!replay(s, '00').ok && (replay(s, '00') as { error: string }).error).toMatch(
      /interrupts disabled/,
    );
  });
});
