// The stepper's state machine: pure functions from one state to the next. A CPU moves one op per
// step; trying a lock that is taken makes it wait (one step), and it moves again only once the
// lock is free. Readers share a lock unless a writer holds it or is queued for it (rwsem fairness).
import { scheduleChar, scheduleCpu } from './schedule';
import type { CpuState, Hold, Op, Scenario, State, Status, WaitEdge } from './types';

export function initial(scenario: Scenario): State {
  return {
    cpus: scenario.cpus.map(() => ({
      pc: 0,
      holds: [],
      waiting: false,
      irqsEnabled: true,
      inInterrupt: false,
    })),
    schedule: '',
    last: null,
  };
}

export function nextOp(scenario: Scenario, state: State, cpu: number): Op | null {
  const pc = state.cpus[cpu]?.pc ?? Infinity;
  return scenario.cpus[cpu]?.ops[pc] ?? null;
}

function isAcquire(op: Op | null): op is Op & { class: string } {
  return (
    op !== null && op.class !== null && (op.op === 'lock' || op.op === 'rlock' || op.op === 'sync')
  );
}

/** A writer (or a sync, which waits for readers too) cannot share; a reader can share with readers. */
function wantsWrite(op: Op): boolean {
  return op.op !== 'rlock';
}

/** Who keeps `cpu` from its next op, when that op takes a lock. Empty when it can go ahead. */
export function blockers(scenario: Scenario, state: State, cpu: number): WaitEdge[] {
  const op = nextOp(scenario, state, cpu);
  if (!isAcquire(op)) return [];
  const write = wantsWrite(op);
  const edges: WaitEdge[] = [];
  state.cpus.forEach((other, holder) => {
    const conflict = other.holds.some((h) => h.class === op.class && (write || h.mode === 'write'));
    if (conflict) edges.push({ waiter: cpu, class: op.class, holder, reason: 'holds' });
    else if (!write && holder !== cpu && other.waiting) {
      const theirs = nextOp(scenario, state, holder);
      if (isAcquire(theirs) && theirs.class === op.class && wantsWrite(theirs))
        edges.push({ waiter: cpu, class: op.class, holder, reason: 'queued-writer' });
    }
  });
  return edges;
}

function finished(scenario: Scenario, state: State, cpu: number): boolean {
  return nextOp(scenario, state, cpu) === null;
}

/**
 * The CPUs that can never move again: waiting on a lock whose holders (or queued writers) are
 * themselves stuck. A CPU waiting on one that can still run is not stuck: that one will release.
 */
export function stuckCpus(scenario: Scenario, state: State): Set<number> {
  const edges = new Map<number, WaitEdge[]>();
  state.cpus.forEach((c, i) => {
    if (!c.waiting) return;
    const b = blockers(scenario, state, i);
    if (b.length > 0) edges.set(i, b);
  });
  const stuck = new Set(edges.keys());
  for (let changed = true; changed;) {
    changed = false;
    for (const cpu of stuck) {
      if (!(edges.get(cpu) ?? []).some((e) => stuck.has(e.holder))) {
        stuck.delete(cpu);
        changed = true;
      }
    }
  }
  return stuck;
}

export function status(scenario: Scenario, state: State): Status {
  if (stuckCpus(scenario, state).size > 0) return 'deadlocked';
  return state.cpus.every((_, i) => finished(scenario, state, i)) ? 'finished' : 'running';
}

function canRun(scenario: Scenario, state: State, cpu: number): boolean {
  const c = state.cpus[cpu];
  const op = nextOp(scenario, state, cpu);
  if (!c || !op) return false;
  if (isAcquire(op)) return !c.waiting || blockers(scenario, state, cpu).length === 0;
  if (op.op === 'interrupt') return c.irqsEnabled && !c.inInterrupt;
  return true;
}

/** The CPUs that may move next. None once the CPUs are deadlocked or all finished. */
export function enabled(scenario: Scenario, state: State): number[] {
  if (status(scenario, state) !== 'running') return [];
  return state.cpus.map((_, i) => i).filter((i) => canRun(scenario, state, i));
}

function dropHold(holds: readonly Hold[], op: Op): Hold[] {
  let at = -1;
  holds.forEach((h, i) => {
    if (h.class === op.class && (at < 0 || h.inInterrupt === op.inInterrupt)) at = i;
  });
  return at < 0 ? [...holds] : holds.filter((_, i) => i !== at);
}

/** One step of `cpu`. Throws a RangeError when `cpu` may not move (check `enabled` first). */
export function run(scenario: Scenario, state: State, cpu: number): State {
  const c = state.cpus[cpu];
  const op = nextOp(scenario, state, cpu);
  if (!c || !op || !enabled(scenario, state).includes(cpu))
    throw new RangeError(`${scenario.cpus[cpu]?.name ?? `CPU ${cpu}`} cannot move now`);
  let next: CpuState = { ...c, pc: c.pc + 1 };
  let outcome: NonNullable<State['last']>['outcome'] = 'irq';
  if (isAcquire(op)) {
    if (blockers(scenario, state, cpu).length > 0) {
      next = { ...c, waiting: true };
      outcome = 'waits';
    } else if (op.op === 'sync') {
      next.waiting = false;
      outcome = 'synced';
    } else {
      const hold: Hold = {
        class: op.class,
        mode: wantsWrite(op) ? 'write' : 'read',
        inInterrupt: op.inInterrupt,
      };
      next = { ...next, waiting: false, holds: [...c.holds, hold] };
      outcome = 'took';
    }
  } else if (op.op === 'unlock') {
    next.holds = dropHold(c.holds, op);
    outcome = 'released';
  } else if (op.op === 'irq-disable' || op.op === 'irq-enable') {
    next.irqsEnabled = op.op === 'irq-enable';
  } else if (op.op === 'interrupt') {
    next = { ...next, inInterrupt: true, irqsEnabled: false };
  } else if (op.op === 'irq-exit') {
    next = { ...next, inInterrupt: false, irqsEnabled: true };
  }
  const cpus = state.cpus.map((s, i) => (i === cpu ? next : s));
  return { cpus, schedule: state.schedule + scheduleChar(cpu), last: { cpu, op: c.pc, outcome } };
}

export type ReplayResult =
  | { ok: true; states: State[] }
  /** `states` are the states up to the bad step; `at` is its 0-based position in the schedule */
  | { ok: false; states: State[]; at: number; error: string };

/** Every state along `schedule`, starting with the initial one. Never throws. */
export function replay(scenario: Scenario, schedule: string): ReplayResult {
  const states = [initial(scenario)];
  for (let at = 0; at < schedule.length; at++) {
    const ch = schedule[at] ?? '';
    const cpu = scheduleCpu(ch);
    const state = states[states.length - 1]!;
    if (cpu < 0 || cpu >= scenario.cpus.length) {
      const error = `step ${at + 1}: '${ch}' names no CPU (this scenario has ${scenario.cpus.length}: 0..${scheduleChar(scenario.cpus.length - 1)})`;
      return { ok: false, states, at, error };
    }
    if (!enabled(scenario, state).includes(cpu)) {
      return { ok: false, states, at, error: `step ${at + 1}: ${whyNot(scenario, state, cpu)}` };
    }
    states.push(run(scenario, state, cpu));
  }
  return { ok: true, states };
}

function whyNot(scenario: Scenario, state: State, cpu: number): string {
  const name = scenario.cpus[cpu]?.name ?? `CPU ${cpu}`;
  const st = status(scenario, state);
  if (st === 'deadlocked') return `the CPUs are already deadlocked; ${name} cannot move`;
  const op = nextOp(scenario, state, cpu);
  if (!op) return `${name} has finished`;
  if (op.op === 'interrupt') return `${name} has interrupts disabled`;
  const b = blockers(scenario, state, cpu)[0];
  const holder = b ? (scenario.cpus[b.holder]?.name ?? '') : '';
  return `${name} is waiting for ${op.class ?? 'a lock'}${holder ? `, held by ${holder}` : ''}`;
}
