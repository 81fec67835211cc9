// A report being assembled by an importer: which lines it took (spans, and where it ends),
// diagnostics, details. The WITNESS and userspace drafts add their own ways of naming locks.
import { emptyReport } from '../model/report';
import type { Format, ReportKind, Report, Severity, Span } from '../model/types';
import type { CleanLine } from './clean/types';
import type { ParsedReport } from './format';

export class ReportDraft {
  readonly report: Report;
  private last: number;

  constructor(
    readonly lines: readonly CleanLine[],
    readonly start: number,
    format: Format,
    kind: ReportKind,
    headline: string,
  ) {
    this.last = start;
    const first = lines[start]!;
    this.report = {
      ...emptyReport(format, kind, { start: first.origin, end: first.originEnd }),
      headline,
    };
  }

  /** Marks lines[i] as part of the report. */
  take(i: number, role: Span['role'] = 'other', ref: string | null = null): void {
    if (i > this.last) this.last = i;
    const line = this.lines[i];
    if (line) this.report.spans!.push({ line: line.origin, role, ref });
  }

  diag(i: number | null, severity: Severity, message: string): void {
    const line = i === null ? null : (this.lines[i]?.origin ?? null);
    this.report.diagnostics!.push({ line, severity, message });
  }

  detail(key: string, value: string): void {
    if (!(key in this.report.details!)) this.report.details![key] = value;
  }

  /** Index just past the last line taken. */
  get end(): number {
    return this.last + 1;
  }

  /** The report ends at the last line taken; empty diagnostics and details are left out. */
  protected complete(): ParsedReport {
    const lastLine = this.lines[this.last]!;
    this.report.lines.end = Math.max(lastLine.originEnd, this.report.lines.start);
    if (this.report.diagnostics!.length === 0) delete this.report.diagnostics;
    if (Object.keys(this.report.details!).length === 0) delete this.report.details;
    return { report: this.report, end: this.end };
  }
}
