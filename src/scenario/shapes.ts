// The four tables lockdep prints (lockdep.c: print_circular_lock_scenario, print_irq_lock_scenario,
// print_deadlock_scenario, print_usage_bug_scenario), recognised from their steps, and where each
// step's lock is taken according to the rest of the report.
import { scenarioStep as step } from '../model/report';
import type { Report, Scenario as PrintedTable, ScenarioStep } from '../model/types';
import {
  callerFrame,
  dependencyFrame,
  findDependency,
  frameFromSite,
  heldLockFrame,
} from './program';
import { dependencyPath, type ImpliedStep, type StepSite, type TableInput } from './table';

export type TableShape =
  /** CPU0 lock(target); CPU1 lock(parent), lock(target); CPU0 lock(source) */
  | { kind: 'circular'; target: string; parent: string; source: string }
  /** CPU0 lock(unsafe); CPU1 irqs off, lock(safe), lock(middle); CPU0 <Interrupt> lock(safe) */
  | { kind: 'irq'; unsafe: string; safe: string; middle: string }
  /** CPU0 lock(L); lock(L) */
  | { kind: 'recursive'; lock: string }
  /** CPU0 lock(L); <Interrupt> lock(L) */
  | { kind: 'usage'; lock: string }
  | { kind: 'other' };

const ACQUIRE = new Set(['lock', 'rlock', 'sync']);

function acquires(
  s: ScenarioStep | undefined,
  cpu: number,
  inInterrupt = false,
): s is ScenarioStep & { class: string } {
  return (
    !!s && s.cpu === cpu && ACQUIRE.has(s.op) && s.class !== null && s.inInterrupt === inInterrupt
  );
}

export function recogniseTable(table: PrintedTable): TableShape {
  const [a, b, c, d, e, f] = table.steps;
  const n = table.steps.length;
  if (
    table.cpus.length === 2 &&
    n === 4 &&
    acquires(a, 0) &&
    acquires(b, 1) &&
    acquires(c, 1) &&
    acquires(d, 0)
  ) {
    if (a.class === c.class)
      return { kind: 'circular', target: a.class, parent: b.class, source: d.class };
  }
  if (
    table.cpus.length === 2 &&
    n === 6 &&
    acquires(a, 0) &&
    b?.op === 'irq-disable' &&
    acquires(c, 1) &&
    acquires(d, 1) &&
    e?.op === 'interrupt' &&
    acquires(f, 0, true) &&
    c.class === f.class
  )
    return { kind: 'irq', unsafe: a.class, safe: c.class, middle: d.class };
  if (table.cpus.length === 1 && n === 2 && acquires(a, 0) && acquires(b, 0))
    return { kind: 'recursive', lock: b.class };
  if (
    table.cpus.length === 1 &&
    n === 3 &&
    acquires(a, 0) &&
    e === undefined &&
    b?.op === 'interrupt' &&
    acquires(c, 0, true)
  )
    return { kind: 'usage', lock: a.class };
  return { kind: 'other' };
}

/** The table lockdep would print for a shape, for reports that lack it (before v3.0, or cut). */
export function tableOf(shape: Exclude<TableShape, { kind: 'other' }>): PrintedTable {
  switch (shape.kind) {
    case 'circular':
      return {
        cpus: ['CPU0', 'CPU1'],
        steps: [
          step(0, 'lock', shape.target),
          step(1, 'lock', shape.parent),
          step(1, 'lock', shape.target),
          step(0, 'lock', shape.source),
        ],
      };
    case 'irq':
      return {
        cpus: ['CPU0', 'CPU1'],
        steps: [
          step(0, 'lock', shape.unsafe),
          step(1, 'irq-disable', null),
          step(1, 'lock', shape.safe),
          step(1, 'lock', shape.middle),
          step(0, 'interrupt', null),
          step(0, 'lock', shape.safe, true),
        ],
      };
    case 'recursive':
      return { cpus: ['CPU0'], steps: [step(0, 'lock', shape.lock), step(0, 'lock', shape.lock)] };
    case 'usage':
      return {
        cpus: ['CPU0'],
        steps: [
          step(0, 'lock', shape.lock),
          step(0, 'interrupt', null),
          step(0, 'lock', shape.lock, true),
        ],
      };
  }
}

/** "Chain exists of: from --> … --> to": the classes on the way, from the cycle or the dependencies. */
function chainVia(
  report: Report,
  from: string,
  to: string,
): { via: string[]; viaComplete: boolean } {
  const cycle = report.cycle ?? [];
  const end = cycle.indexOf(to);
  if (cycle[0] === from && end > 0) return { via: cycle.slice(0, end + 1), viaComplete: true };
  const path = dependencyPath(report, from, to);
  return path ? { via: path, viaComplete: true } : { via: [from, to], viaComplete: false };
}

/** Sites for a held lock of the report's own task, or nothing so the dependency list decides. */
function heldSite(report: Report, cls: string): StepSite | undefined {
  const where = heldLockFrame(report, cls);
  return where ? { where, whereIsOwn: true, dependency: null } : undefined;
}

function siteAt(site: string | undefined): StepSite | undefined {
  const where = frameFromSite(site);
  return where ? { where, whereIsOwn: true, dependency: null } : undefined;
}

/** Which of the two usages in "{A} -> {B}" was registered in the interrupt: "{IN-SOFTIRQ-W} -> …". */
function registeredInInterrupt(report: Report): boolean | null {
  const change = report.details?.usageChange ?? report.details?.registeredUsage;
  if (!change) return null;
  const first = change.replace(/^\{/, '').trimStart();
  return /^in-/i.test(first);
}

/** The input for programsFromTable: the table, where its steps are taken, the op it leaves out. */
export function tableInput(
  report: Report,
  table: PrintedTable,
  shape: TableShape,
  printed: boolean,
): TableInput {
  const sites = new Map<number, StepSite>();
  let implied: ImpliedStep | null = null;
  const put = (i: number, s: StepSite | undefined) => s && sites.set(i, s);
  switch (shape.kind) {
    case 'circular':
      // CPU0 is the task that fired the report: it holds the target, from its held-locks list
      put(0, heldSite(report, shape.target));
      if (shape.parent !== shape.source)
        implied = {
          after: 3,
          class: shape.parent,
          ...chainVia(report, shape.source, shape.parent),
        };
      break;
    case 'irq':
      put(0, siteAt(report.details?.unsafeBecameAt));
      put(2, heldSite(report, shape.safe));
      put(5, siteAt(report.details?.safeBecameAt));
      if (shape.middle !== shape.unsafe)
        implied = {
          after: 3,
          class: shape.unsafe,
          ...chainVia(report, shape.middle, shape.unsafe),
        };
      break;
    case 'recursive': {
      const held = report.heldLocks?.filter((h) => h.class === shape.lock).pop();
      put(0, siteAt(held?.at ?? undefined));
      const dep = findDependency(report, shape.lock, shape.lock);
      const where = dependencyFrame(report, dep) ?? callerFrame(report.trace);
      put(1, where ? { where, whereIsOwn: true, dependency: dep } : undefined);
      break;
    }
    case 'usage': {
      const registered = siteAt(report.details?.registeredAt);
      const now = callerFrame(report.trace);
      const current = now ? { where: now, whereIsOwn: true, dependency: null } : undefined;
      const inIrq = registeredInInterrupt(report);
      put(0, inIrq ? current : registered);
      put(2, inIrq ? registered : current);
      break;
    }
  }
  return { cpus: table.cpus, steps: table.steps, sites, implied, printed };
}
