// Interleavings derived from a report: CPUs (or threads) each running a short lock program, and a
// schedule (which CPU moves at each step) that walks them into the deadlock the report predicts.
import type { Frame } from '../model/types';

/**
 * One thing a CPU does. `lock` is exclusive (mutex, spinlock, write side of an rwsem), `rlock` the
 * read side (shared with other readers), `sync` waits for every holder without taking the lock
 * (lock_sync(), synchronize_srcu()). `interrupt` is an interrupt arriving on the CPU: the ops
 * after it run in the handler (`inInterrupt`) until `irq-exit` returns to the interrupted code.
 */
export type OpKind =
  'lock' | 'rlock' | 'sync' | 'unlock' | 'irq-disable' | 'irq-enable' | 'interrupt' | 'irq-exit';

export interface Op {
  op: OpKind;
  /** the lock class (report-json.md names); null for irq ops */
  class: string | null;
  /** runs in the interrupt handler on this CPU, on top of the code it interrupted */
  inInterrupt: boolean;
  /** a frame that takes this lock: firstInterestingFrame of the dependency's trace, or a held-lock site */
  where: Frame | null;
  /**
   * true when `where` is this CPU's own code path (the stack of its `-> #k` entry, its held-lock
   * line); false when it is only some place the report shows taking the same lock
   */
  whereIsOwn: boolean;
  /** index into report.dependencies whose stack shows this acquisition */
  dependency: number | null;
  /** the report does not say read or write; taken as exclusive */
  modeGuessed: boolean;
  /** index into report.scenario.steps: the line of lockdep's own table this op prints as */
  printed: number | null;
  /**
   * lockdep's "Chain exists of: A --> B --> C" stands for CPUs it does not print: this op is the
   * CPU, holding via[0], going on down that chain until it needs `class` (the last of `via`).
   * `via` holds the classes known on the way; `viaComplete` says whether steps are missing.
   */
  via?: string[];
  viaComplete?: boolean;
}

export interface Cpu {
  /** "CPU0", "Thread A" */
  name: string;
  ops: Op[];
  /** the dependency whose stack this CPU runs (its `-> #k` entry), when there is one */
  dependency: number | null;
}

export type ScenarioId = 'full' | 'lockdep' | 'interrupt' | 'recursive' | 'lor';

export interface Scenario {
  id: ScenarioId;
  /** "All 7 CPUs", "Lockdep's table" */
  label: string;
  /** one line: what this interleaving shows */
  description: string;
  cpus: Cpu[];
  /** the schedule that reaches the deadlock (schedule.ts: one character per step) */
  schedule: string;
  /** what an interrupt is in this scenario: "hardirq", "softirq", "NMI", "memory reclaim", "interrupt" */
  interruptName: string;
  /** what the report does not say and we had to assume */
  notes: string[];
}

export interface Hold {
  class: string;
  mode: 'read' | 'write';
  inInterrupt: boolean;
}

export interface CpuState {
  /** index of the next op in the CPU's program; ops.length when it has finished */
  pc: number;
  holds: Hold[];
  /** tried its next op (a lock) and found it taken: it spins/sleeps until the lock is free */
  waiting: boolean;
  irqsEnabled: boolean;
  inInterrupt: boolean;
}

/** What the last step did. */
export type Outcome = 'took' | 'waits' | 'released' | 'synced' | 'irq';

export interface State {
  cpus: CpuState[];
  /** the steps taken so far (schedule.ts encoding) */
  schedule: string;
  last: { cpu: number; op: number; outcome: Outcome } | null;
}

export type Status = 'running' | 'deadlocked' | 'finished';

/** Why `waiter` cannot take `class`: `holder` holds it, or (rwsem fairness) waits to write it. */
export interface WaitEdge {
  waiter: number;
  class: string;
  holder: number;
  reason: 'holds' | 'queued-writer';
}
