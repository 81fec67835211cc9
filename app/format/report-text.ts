// How the page writes parts of a report as text: the cycle, line ranges, frames, scenario steps.
import type { LineRange, Scenario, ScenarioStep } from '../../src/model/types';

/** "A → B → C → A": each lock was taken while the one before it was held. */
export function cycleText(cycle: readonly string[]): string {
  if (cycle.length === 0) return '';
  return [...cycle, cycle[0]].join(' → ');
}

/** "L12–L80", or "L12" for one line. */
export function lineRangeText(lines: LineRange): string {
  return lines.start === lines.end ? `L${lines.start}` : `L${lines.start}–L${lines.end}`;
}

/** One scenario step as lockdep prints it: "lock(A)", "rlock(A)", "local_irq_disable()", "<Interrupt>". */
export function stepText(step: ScenarioStep): string {
  const cls = step.class ?? '?';
  switch (step.op) {
    case 'lock':
    case 'rlock':
    case 'sync':
    case 'unlock':
      return `${step.op}(${cls})`;
    case 'irq-disable':
      return 'local_irq_disable()';
    case 'interrupt':
      return '<Interrupt>';
  }
}

/** The scenario as table rows: one row per step, the step's text in its CPU's column. */
export function scenarioRows(
  scenario: Scenario,
): { key: number; cells: (string | null)[]; inInterrupt: boolean }[] {
  const width = Math.max(scenario.cpus.length, ...scenario.steps.map((s) => s.cpu + 1));
  return scenario.steps.map((step, key) => {
    const cells: (string | null)[] = Array.from({ length: width }, () => null);
    cells[step.cpu] = stepText(step);
    return { key, cells, inInterrupt: step.inInterrupt };
  });
}

/** Column headings for the scenario: the report's own ("CPU0"), filled in if a step names more. */
export function scenarioColumns(scenario: Scenario): string[] {
  const width = Math.max(scenario.cpus.length, ...scenario.steps.map((s) => s.cpu + 1));
  return Array.from({ length: width }, (_, i) => scenario.cpus[i] ?? `CPU${i}`);
}

export { formatLabel } from '../../src/model/format-label';
