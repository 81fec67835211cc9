// Which interleavings a report supports, in the order to show them: for a cycle of more than two
// locks the full one (one CPU per lock) first, else lockdep's own table; a table of our own for
// the kinds lockdep tabulates when the report prints none (before v3.0, or cut short).
import type { Report, Scenario as PrintedTable } from '../model/types';
import { cyclePrograms } from './cycle';
import { replay, status } from './machine';
import { recogniseTable, tableInput, tableOf, type TableShape } from './shapes';
import { programsFromTable } from './table';
import type { Scenario } from './types';

/** What an "interrupt" is in this report: "{IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W}" → "softirq". */
export function interruptName(report: Report): string {
  const d = report.details ?? {};
  const text = `${d.usageChange ?? ''} ${d.irqClass ?? ''} ${report.headline ?? ''}`;
  if (/RECLAIM/i.test(text)) return 'memory reclaim';
  if (/NMI/.test(text)) return 'NMI';
  // 2.6.18–2.6.29 wording: "[ INFO: hard-safe -> hard-unsafe lock order detected ]", "{in-softirq-W}"
  if (/soft-?irq|soft-(un)?safe/i.test(text)) return 'softirq';
  if (/hard-?irq|hard-(un)?safe/i.test(text)) return 'hardirq';
  return 'interrupt';
}

function withDeadlockCheck(s: Scenario): Scenario {
  const r = replay(s, s.schedule);
  const last = r.states[r.states.length - 1];
  if (!r.ok || !last || status(s, last) !== 'deadlocked')
    s.notes.push('Played in this order, these steps do not deadlock in the model.');
  return s;
}

function lockdepTable(
  report: Report,
  table: PrintedTable,
  printed: boolean,
  shape: TableShape,
): Scenario {
  const input = tableInput(report, table, shape, printed);
  const { cpus, schedule } = programsFromTable(report, input);
  const notes: string[] = [];
  const implied = input.implied;
  if (implied) {
    const cpu = table.cpus[table.steps[implied.after]?.cpu ?? 0] ?? 'CPU0';
    notes.push(
      `"Chain exists of:" stands for CPUs the table does not print; one step is added: ${cpu} ` +
        `goes on down ${implied.via.join(' --> ')} and needs ${implied.class}.`,
    );
    if (!implied.viaComplete)
      notes.push(`The locks between ${implied.via[0]} and ${implied.class} are not in the report.`);
  }
  const irqClass = report.details?.irqClass ?? '';
  if (irqClass.endsWith('-READ'))
    notes.push(
      `The irq class is ${irqClass}: one side takes its lock for reading, so the real deadlock also ` +
        'needs a writer queued on it; the table shows every lock taken exclusively.',
    );
  if (!printed && report.kind === 'safe-to-unsafe' && !report.details?.safeLock)
    notes.push('Taken as the irq-safe and irq-unsafe locks: the two ends of the new dependency.');
  if (shape.kind === 'other')
    notes.push(
      'This table has a shape lockscope does not know; its steps are replayed as printed.',
    );
  const id = printed ? 'lockdep' : shape.kind === 'recursive' ? 'recursive' : 'interrupt';
  return withDeadlockCheck({
    id,
    label: printed ? "Lockdep's table" : describeShape(shape).label,
    description: printed
      ? 'The unsafe locking scenario exactly as the report prints it.'
      : describeShape(shape).description,
    cpus,
    schedule,
    interruptName: interruptName(report),
    notes,
  });
}

function describeShape(shape: TableShape): { label: string; description: string } {
  switch (shape.kind) {
    case 'recursive':
      return {
        label: 'One CPU',
        description: `CPU0 takes ${shape.lock} and then takes it again (the report prints no table).`,
      };
    case 'usage':
      return {
        label: 'Interrupt',
        description: `CPU0 takes ${shape.lock} with interrupts enabled; an interrupt arrives and its handler wants the same lock (the report prints no table).`,
      };
    case 'irq':
      return {
        label: 'Interrupt on two CPUs',
        description: `CPU0 holds the irq-unsafe ${shape.unsafe}; CPU1, interrupts off, holds the irq-safe ${shape.safe} and wants ${shape.unsafe}; an interrupt on CPU0 wants ${shape.safe} (the report prints no table).`,
      };
    default:
      return { label: 'Scenario', description: '' };
  }
}

/** A table of our own for a report that prints none. */
function fallbackShape(report: Report): Exclude<TableShape, { kind: 'other' | 'circular' }> | null {
  const classes = report.classes.map((c) => c.name);
  const first = classes[0];
  switch (report.kind) {
    case 'recursive-locking': {
      const lock = report.cycle?.[0] ?? first;
      return lock ? { kind: 'recursive', lock } : null;
    }
    case 'inconsistent-lock-state':
      return first ? { kind: 'usage', lock: first } : null;
    case 'irq-lock-inversion': {
      const [a, b] = classes;
      const direction = report.details?.direction;
      if (!a || !b || !direction) return null;
      // forwards: "this lock took another, X-unsafe lock in the past" — the changed lock is the safe one
      return direction === 'forwards'
        ? { kind: 'irq', safe: a, unsafe: b, middle: b }
        : { kind: 'irq', safe: b, unsafe: a, middle: a };
    }
    case 'safe-to-unsafe': {
      const dep = report.details?.newDependency?.split(' -> ');
      const { safeLock, unsafeLock } = report.details ?? {};
      // print_irq_lock_scenario(): middle is the held lock (prev), or next when prev is the safe one
      if (safeLock && unsafeLock) {
        const middle = dep?.[0] && dep[0] !== safeLock ? dep[0] : (dep?.[1] ?? unsafeLock);
        return { kind: 'irq', safe: safeLock, unsafe: unsafeLock, middle };
      }
      if (dep?.length !== 2 || !dep[0] || !dep[1]) return null;
      // a cut report that lost the "connects a …-irq-safe lock" lines: the ends are a guess
      return { kind: 'irq', safe: dep[0], unsafe: dep[1], middle: dep[1] };
    }
    default:
      return null;
  }
}

function fullScenario(report: Report): Scenario | null {
  const programs = cyclePrograms(report);
  if (!programs) return null;
  const n = programs.cpus.length;
  const witness = report.format === 'freebsd-witness' || report.format === 'openbsd-witness';
  const [a, b] = report.cycle ?? [];
  const who = report.format === 'linux-lockdep' ? 'CPUs' : 'threads';
  const s: Scenario = {
    id: witness ? 'lor' : 'full',
    label: n === 2 ? `Two ${who}` : `All ${n} ${who}`,
    description: `Each of ${n} ${who} holds one lock of the cycle and wants the next one.`,
    ...programs,
    interruptName: 'interrupt',
  };
  if (witness && n === 2)
    s.description = `Thread A holds ${a} and attempts ${b} (this report); Thread B took them in the established order and wants ${a}.`;
  return withDeadlockCheck(s);
}

/** Every interleaving the report supports, the one to show first first. Never throws. */
export function deriveScenarios(report: Report): Scenario[] {
  try {
    const full = fullScenario(report);
    const table = report.scenario && report.scenario.steps.length > 0 ? report.scenario : null;
    let lockdep: Scenario | null = null;
    if (table) lockdep = lockdepTable(report, table, true, recogniseTable(table));
    else {
      const shape = fallbackShape(report);
      if (shape) lockdep = lockdepTable(report, tableOf(shape), false, shape);
    }
    const out = [full, lockdep].filter((s): s is Scenario => s !== null);
    const fullFirst = full !== null && (report.cycle?.length ?? 0) > 2;
    return fullFirst || !lockdep ? out : [lockdep, ...out.filter((s) => s !== lockdep)];
  } catch {
    return [];
  }
}
