// A report with nothing in it yet: what every importer starts from and fills in.
import type { Format, LineRange, Report, ReportKind } from './types';

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
