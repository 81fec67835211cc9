// A userspace report (TSan, Helgrind, Java, go-deadlock, Abseil, Bitcoin) being assembled by its
// importer: locks once each, dependencies with the thread that made them, spans, diagnostics.
import { emptyReport } from '../../model/report';
import type {
  Format,
  Frame,
  HeldLock,
  ReportKind,
  Report,
  Severity,
  Span,
} from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { ParsedReport } from '../format';

export class UserDraft {
  readonly report: Report;
  private readonly names = new Set<string>();
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
    this.take(start, 'title');
  }

  /** Marks lines[i] as part of the report. */
  take(i: number, role: Span['role'] = 'other', ref: string | null = null): void {
    if (i > this.last) this.last = i;
    const line = this.lines[i];
    if (line) this.report.spans!.push({ line: line.origin, role, ref });
  }

  addLock(name: string): void {
    if (this.names.has(name)) return;
    this.names.add(name);
    this.report.classes.push({ name, usage: null, waitType: null });
  }

  addDependency(
    prev: string,
    next: string,
    trace: Frame[],
    isNew: boolean,
    thread: string | null,
  ): void {
    this.addLock(prev);
    this.addLock(next);
    const d: Report['dependencies'][number] = { prev, next, trace, chainEntry: null, isNew };
    if (thread) d.thread = thread;
    this.report.dependencies.push(d);
  }

  addHeld(lock: string, at: string | null, thread: string | null, address: string | null = null) {
    this.addLock(lock);
    const held = (this.report.heldLocks ??= []);
    const h: HeldLock = { index: held.length, class: lock, address, at };
    if (thread) h.thread = thread;
    held.push(h);
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

  finish(title: string): ParsedReport {
    this.report.title = title;
    const lastLine = this.lines[this.last]!;
    this.report.lines.end = Math.max(lastLine.originEnd, this.report.lines.start);
    if (this.report.diagnostics!.length === 0) delete this.report.diagnostics;
    if (Object.keys(this.report.details!).length === 0) delete this.report.details;
    return { report: this.report, end: this.end };
  }
}

/** The line's text without indentation (pastes indent whole blocks, TABs became spaces). */
export function bare(lines: readonly CleanLine[], i: number): string {
  return lines[i]?.text.trim() ?? '';
}

export function isBlankLine(lines: readonly CleanLine[], i: number): boolean {
  return bare(lines, i) === '';
}
