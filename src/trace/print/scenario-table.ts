// The tables lockdep prints under "Possible unsafe locking scenario:", made the way
// print_circular_lock_scenario(), print_deadlock_scenario() and print_usage_bug_scenario()
// (kernel/locking/lockdep.c, v6.12) make them: from the lock being taken and the lock held, never
// from a longer table a report may carry (the simulator's N-CPU cycle), which lockdep never prints.
import type { Report, Scenario, ScenarioOp, ScenarioStep } from '../../model/types';

const step = (cpu: number, op: ScenarioOp, cls: string | null, inInterrupt = false) =>
  ({ cpu, op, class: cls, inInterrupt }) satisfies ScenarioStep;

/** How the report's own table takes `cls` (first or last time), so rlock()/sync() survive. */
function opOf(report: Report, cls: string, which: 'first' | 'last', ops: ScenarioOp[]): ScenarioOp {
  const steps = (report.scenario?.steps ?? []).filter((s) => s.class === cls && ops.includes(s.op));
  const s = which === 'first' ? steps[0] : steps[steps.length - 1];
  return s?.op ?? 'lock';
}

/**
 * print_circular_lock_scenario(src, tgt, parent): always two CPUs, whatever the chain's length.
 * `chain` is the "Chain exists of:" line (source, parent, target) when parent is not the source.
 */
export function circularTable(
  report: Report,
  source: string,
  target: string,
): { scenario: Scenario; chain: [string, string, string] | null } {
  const cycle = report.cycle ?? [];
  // the BFS parent of the target: the class before it on source -> ... -> target
  const parent = cycle.length >= 2 ? cycle[cycle.length - 2]! : source;
  return {
    chain: parent !== source ? [source, parent, target] : null,
    scenario: {
      cpus: ['CPU0', 'CPU1'],
      steps: [
        step(0, opOf(report, target, 'first', ['lock', 'rlock']), target),
        step(1, 'lock', parent),
        step(1, 'lock', target),
        step(0, opOf(report, source, 'last', ['lock', 'rlock', 'sync']), source),
      ],
    },
  };
}

/** print_deadlock_scenario(next, prev): one CPU taking the class it holds again. */
export function recursiveTable(acquire: string, holding: string): Scenario {
  return { cpus: ['CPU0'], steps: [step(0, 'lock', holding), step(0, 'lock', acquire)] };
}

/** print_usage_bug_scenario(this): the lock, an interrupt, the lock again inside it. */
export function usageBugTable(lock: string): Scenario {
  return {
    cpus: ['CPU0'],
    steps: [step(0, 'lock', lock), step(0, 'interrupt', null), step(0, 'lock', lock, true)],
  };
}
