// Lock programs from a two-column table of steps, the shape lockdep's scenario printers use
// (print_circular_lock_scenario, print_irq_lock_scenario, print_deadlock_scenario,
// print_usage_bug_scenario). Lockdep's own table goes through here step for step; so do the
// tables we write ourselves when a report lacks one (before v3.0, or cut short).
import type { Frame, Report, ScenarioStep } from '../model/types';
import { dependencyFrame, findDependency, makeCpu, makeOp } from './program';
import { scheduleChar } from './schedule';
import type { Cpu, Op } from './types';

/** Where a printed step's lock is taken, when the caller knows better than the dependency list. */
export interface StepSite {
  where: Frame | null;
  whereIsOwn: boolean;
  dependency?: number | null;
}

/** An op the printer leaves out: after step `after`, the CPU goes on down "Chain exists of:". */
export interface ImpliedStep {
  after: number;
  class: string;
  via: string[];
  viaComplete: boolean;
}

export interface TableInput {
  cpus: readonly string[];
  steps: readonly ScenarioStep[];
  /** step index -> site; steps without one are tied to a dependency into their lock */
  sites?: ReadonlyMap<number, StepSite>;
  implied?: ImpliedStep | null;
  /** true for lockdep's own table: each op records the printed step it comes from */
  printed: boolean;
}

function opFromStep(step: ScenarioStep): Op {
  return makeOp({ op: step.op, class: step.class, inInterrupt: step.inInterrupt });
}

/**
 * One program per column, in printed order, with the implied op (if any) right after its step,
 * each CPU then releasing what it holds; the schedule is the printed order of the steps.
 */
export function programsFromTable(
  report: Report,
  input: TableInput,
): { cpus: Cpu[]; schedule: string } {
  const programs: Op[][] = input.cpus.map(() => []);
  let schedule = '';
  input.steps.forEach((step, i) => {
    const program = programs[step.cpu];
    if (!program) return;
    const op = opFromStep(step);
    if (input.printed) op.printed = i;
    if (op.class !== null && op.op !== 'unlock') tie(report, op, program, input.sites?.get(i));
    program.push(op);
    schedule += scheduleChar(step.cpu);
    const implied = input.implied;
    if (implied && implied.after === i) {
      const before = implied.via[implied.via.length - 2] ?? null;
      const dependency = findDependency(report, before, implied.class);
      const extra = makeOp({
        op: 'lock',
        class: implied.class,
        inInterrupt: step.inInterrupt,
        dependency,
        where: dependencyFrame(report, dependency),
        modeGuessed: true,
        via: implied.via,
        viaComplete: implied.viaComplete,
      });
      program.push(extra);
      schedule += scheduleChar(step.cpu);
    }
  });
  const cpus = input.cpus.map((name, i) => {
    const ops = programs[i] ?? [];
    const own = ops.filter((o) => o.whereIsOwn && o.dependency !== null).pop();
    return makeCpu(name, ops, own?.dependency ?? null);
  });
  return { cpus, schedule };
}

/** The lock this CPU took last in the same context (process or interrupt), still held. */
function lastHeld(program: readonly Op[], inInterrupt: boolean): string | null {
  const held: string[] = [];
  for (const op of program) {
    if (op.inInterrupt !== inInterrupt || op.class === null) continue;
    if (op.op === 'lock' || op.op === 'rlock') held.push(op.class);
    const at = op.op === 'unlock' ? held.lastIndexOf(op.class) : -1;
    if (at >= 0) held.splice(at, 1);
  }
  return held[held.length - 1] ?? null;
}

function tie(report: Report, op: Op, program: readonly Op[], site: StepSite | undefined): void {
  if (site) {
    op.where = site.where;
    op.whereIsOwn = site.whereIsOwn;
    op.dependency = site.dependency ?? null;
    return;
  }
  const cls = op.class ?? '';
  const prev = lastHeld(program, op.inInterrupt);
  const dep = findDependency(report, prev, cls);
  op.dependency = dep;
  op.where = dependencyFrame(report, dep);
  // the stack is this CPU's own only when it shows `cls` taken while the lock held here was held
  op.whereIsOwn = dep !== null && prev !== null && report.dependencies[dep]?.prev === prev;
}

/** A shortest known path of dependencies from `from` to `to` (both included), or null. */
export function dependencyPath(report: Report, from: string, to: string): string[] | null {
  const back = new Map<string, string>([[from, from]]);
  const queue = [from];
  for (let i = 0; i < queue.length; i++) {
    const at = queue[i]!;
    if (at === to) break;
    for (const d of report.dependencies) {
      if (d.prev === at && !back.has(d.next)) {
        back.set(d.next, at);
        queue.push(d.next);
      }
    }
  }
  if (!back.has(to)) return null;
  const path = [to];
  while (path[0] !== from) path.unshift(back.get(path[0]!)!);
  return path;
}
