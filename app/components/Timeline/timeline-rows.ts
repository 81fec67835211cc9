// The timeline's rows: one per step of the run, the op written as lockdep writes it in its
// table ("lock(&mm->mmap_sem)", "<Interrupt>"), the frame that takes the lock, and what happened.
import type { Op, Outcome, Scenario, State } from '../../../src/scenario';
import { frameLabel } from '../../../src/scenario/words';

export interface TimelineRow {
  /** 1-based step */
  step: number;
  cpu: number;
  /** "lock(A)", "rlock(A)", "unlock(A)", "<Interrupt>", "local_irq_disable()" */
  text: string;
  /** "filldir()" — the function that takes the lock; '' when the report shows none */
  where: string;
  /** `where` is this CPU's own stack; false: only some place the report shows taking the lock */
  whereIsOwn: boolean;
  /** index into report.dependencies of the stack that shows this acquisition */
  dependency: number | null;
  outcome: Outcome;
  inInterrupt: boolean;
  /** lockdep's table shown, and this step is not one of its lines (the "Chain exists of:" step, releases) */
  added: boolean;
  /** "Chain exists of:" stands for this step: the locks taken on the way */
  via: string | null;
}

/** How lockdep's table (print_circular_lock_scenario and friends) writes an op. */
export function opText(op: Op): string {
  switch (op.op) {
    case 'lock':
    case 'rlock':
    case 'sync':
    case 'unlock':
      return `${op.op}(${op.class ?? '?'})`;
    case 'irq-disable':
      return 'local_irq_disable()';
    case 'irq-enable':
      return 'local_irq_enable()';
    case 'interrupt':
      return '<Interrupt>';
    case 'irq-exit':
      return 'return from interrupt';
  }
}

export function timelineRows(scenario: Scenario, states: readonly State[]): TimelineRow[] {
  const rows: TimelineRow[] = [];
  for (let i = 1; i < states.length; i++) {
    const last = states[i]!.last;
    const op = last ? scenario.cpus[last.cpu]?.ops[last.op] : undefined;
    if (!last || !op) continue;
    rows.push({
      step: i,
      cpu: last.cpu,
      text: opText(op),
      where: op.where ? frameLabel(op.where) : '',
      whereIsOwn: op.whereIsOwn,
      dependency: op.dependency,
      outcome: last.outcome,
      inInterrupt: op.inInterrupt,
      added: scenario.id === 'lockdep' && op.printed === null,
      via: op.via && op.via.length > 1 ? op.via.join(' --> ') : null,
    });
  }
  return rows;
}
