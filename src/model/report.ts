// A report with nothing in it yet: what every importer starts from and fills in.
import type { Format, LineRange, Report, ReportKind, ScenarioStep } from './types';

export function emptyReport(format: Format, kind: ReportKind, lines: LineRange): Report {
  return {
    format,
    kind,
    title: '',
    lines,
    truncated: false,
    kernel: null,
    task: null,
    classes: [],
    dependencies: [],
    cycle: null,
    scenario: null,
    heldLocks: null,
    trace: [],
    diagnostics: [],
    spans: [],
    details: {},
  };
}

/** One row of lockdep's "Possible unsafe locking scenario" table: `op(cls)` in CPU `cpu`'s column. */
export function scenarioStep(
  cpu: number,
  op: ScenarioStep['op'],
  cls: string | null,
  inInterrupt = false,
): ScenarioStep {
  return { cpu, op, class: cls, inInterrupt };
}
