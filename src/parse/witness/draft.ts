// A report being assembled by one of the WITNESS readers: classes once each, spans, diagnostics.
import { emptyReport } from '../../model/report';
import type {
  Diagnostic,
  Format,
  Frame,
  LockClass,
  Report,
  Severity,
  Span,
  WitnessKind,
} from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { ParsedReport } from '../format';

/** What a line says about a lock besides its name. */
export interface ClassInfo {
  /** the witness type, only when printed (or named by a header such as the duplicate-lock one) */
  witnessType?: string | null;
  /** lc_name: "sleep mutex", "lockmgr", "rwlock" */
  lockKind?: string | null;
}

export class Draft {
  readonly report: Report;
  private readonly classes = new Map<string, LockClass>();
  private readonly typeClashes = new Set<string>();
  private last: number;

  constructor(
    readonly lines: readonly CleanLine[],
    readonly start: number,
    format: Format,
    kind: WitnessKind,
  ) {
    this.last = start;
    const first = lines[start]!;
    this.report = {
      ...emptyReport(format, kind, { start: first.origin, end: first.originEnd }),
      headline: first.text.trim(),
    };
  }

  /** Marks lines[i] as part of the report. */
  take(i: number, role: Span['role'] = 'other', ref: string | null = null): void {
    if (i > this.last) this.last = i;
    const line = this.lines[i];
    if (line) this.report.spans!.push({ line: line.origin, role, ref });
  }

  /**
   * Adds the lock class `name` (the lock name before " (", as the contract names WITNESS locks),
   * or fills in what an earlier line did not say about it. A name printed with two different
   * witness types keeps the first and says so: the graph cannot tell the two apart.
   */
  addClass(name: string, info: ClassInfo = {}): void {
    let c = this.classes.get(name);
    if (!c) {
      c = { name, usage: null, waitType: null };
      this.classes.set(name, c);
      this.report.classes.push(c);
    }
    if (info.witnessType) {
      if (c.witnessType === undefined) c.witnessType = info.witnessType;
      else if (c.witnessType !== info.witnessType && !this.typeClashes.has(name)) {
        this.typeClashes.add(name);
        this.diag(
          null,
          'warning',
          `Two locks named "${name}" have different witness types ("${c.witnessType}", "${info.witnessType}"); the graph shows them as one lock class.`,
        );
      }
    }
    if (info.lockKind && c.lockKind === undefined) c.lockKind = info.lockKind;
  }

  addDependency(prev: string, next: string, trace: Frame[], isNew: boolean): void {
    this.addClass(prev);
    this.addClass(next);
    this.report.dependencies.push({ prev, next, trace, chainEntry: null, isNew });
  }

  diag(i: number | null, severity: Severity, message: string): void {
    const line = i === null ? null : (this.lines[i]?.origin ?? null);
    const d: Diagnostic = { line, severity, message };
    this.report.diagnostics!.push(d);
  }

  detail(key: string, value: string): void {
    if (!(key in this.report.details!)) this.report.details![key] = value;
  }

  /** Index just past the last line taken. */
  get end(): number {
    return this.last + 1;
  }

  finish(): ParsedReport {
    const lastLine = this.lines[this.last]!;
    this.report.lines.end = Math.max(lastLine.originEnd, this.report.lines.start);
    if (this.report.diagnostics!.length === 0) delete this.report.diagnostics;
    if (Object.keys(this.report.details!).length === 0) delete this.report.details;
    return { report: this.report, end: this.end };
  }
}

/** Index of the next non-blank line at or after i (blank lines are doubled in some pastes). */
export function nextNonBlank(lines: readonly CleanLine[], i: number, limit = 3): number {
  let j = i;
  while (j < lines.length && j - i < limit && lines[j]!.text.trim() === '') j++;
  return j < lines.length && lines[j]!.text.trim() !== '' ? j : -1;
}
