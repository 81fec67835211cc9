// A deadlock the simulator found, as the lockdep text the report page reads: the Report the
// explorer builds is filled in with what printLockdepReport() needs beyond the common model
// (the lock being taken and the one held, their "at:" functions), and a circular wait between
// more than two CPUs gets the two-CPU table print_circular_lock_scenario() prints (the stepper
// plays the whole chain from the printed "-> #k" entries, as it does for a real splat).
import type { Frame, Report, ScenarioOp, ScenarioStep } from '../../src/model/types';
import type { Deadlock } from '../../src/sim';
import { printLockdepReport } from '../../src/trace';
import { stackFrame } from '../../src/trace/validate/frames';

/** Report kinds that print as lockdep text and read back as the same report. */
const PRINTABLE = new Set<Report['kind']>([
  'circular-dependency',
  'recursive-locking',
  'inconsistent-lock-state',
]);

export function canOpenAsLockdepText(d: Deadlock): boolean {
  return PRINTABLE.has(d.report.kind);
}

/** null when lockdep has no words for it (a wait that never ends is no lockdep report). */
export function deadlockLockdepText(d: Deadlock): string | null {
  if (!canOpenAsLockdepText(d)) return null;
  // frames as stack_trace_print() writes them ("mutex_lock+0x0/0x0"): bare names read as no stack
  const frames = (fs: readonly Frame[]) => fs.map((f) => stackFrame(f.function));
  const r: Report = {
    ...d.report,
    trace: frames(d.report.trace),
    dependencies: d.report.dependencies.map((x) => ({ ...x, trace: frames(x.trace) })),
    heldLocks:
      d.report.heldLocks?.map((h) => ({ ...h, at: h.at ? withOffset(h.at) : h.at })) ?? null,
  };
  const details: Record<string, string> = { ...(r.details ?? {}) };
  const at = withOffset(r.trace[1]?.function ?? r.trace[0]?.function ?? '');
  const heldAt = (cls: string) => r.heldLocks?.find((h) => h.class === cls)?.at ?? null;
  const steps = r.scenario?.steps ?? [];
  let scenario = r.scenario;
  if (r.kind === 'inconsistent-lock-state') {
    const cls = steps.find((s) => s.class !== null)?.class ?? '';
    details.acquireLock ??= cls;
    const soft = details.usageChange?.includes('SOFTIRQ') ?? false;
    details.irqFlags ??= soft ? 'HC0[0]:SC1[1]:HE1:SE0' : 'HC1[1]:SC0[0]:HE0:SE1';
    details.registeredUsage ??= /\{([^}]+)\}/.exec(details.usageChange ?? '')?.[1] ?? '?';
  } else {
    const cycle = r.cycle ?? [];
    const acquire = cycle[0] ?? '';
    const holding = cycle[cycle.length - 1] ?? acquire;
    details.acquireLock ??= acquire;
    details.holdingLock ??= holding;
    if (at) details.acquireAt ??= at;
    const hat = heldAt(holding);
    if (hat) details.holdingAt ??= hat;
    if (r.kind === 'circular-dependency' && (r.scenario?.cpus.length ?? 0) > 2) {
      // print_circular_lock_scenario(): CPU0 holds the target, CPU1 takes parent then target
      const opOf = (cls: string): ScenarioOp =>
        steps.find((s) => s.class === cls && (s.op === 'lock' || s.op === 'rlock'))?.op ?? 'lock';
      const parent = cycle[cycle.length - 2] ?? acquire;
      const two: ScenarioStep[] = [
        { cpu: 0, op: opOf(holding), class: holding, inInterrupt: false },
        { cpu: 1, op: opOf(parent), class: parent, inInterrupt: false },
        { cpu: 1, op: 'lock', class: holding, inInterrupt: false },
        { cpu: 0, op: 'lock', class: acquire, inInterrupt: false },
      ];
      scenario = { cpus: ['CPU0', 'CPU1'], steps: two };
    }
  }
  return printLockdepReport({ ...r, details, scenario });
}

function withOffset(fn: string): string {
  if (fn === '') return fn;
  const f = stackFrame(fn);
  return `${f.function}+${f.offset ?? '0x0/0x0'}`;
}
