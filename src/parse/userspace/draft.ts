// A userspace report (TSan, Helgrind, Java, go-deadlock, Abseil, Bitcoin) being assembled by its
// importer: locks once each, dependencies with the thread that made them, spans, diagnostics.
import type { Format, Frame, HeldLock, ReportKind, Report } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { ParsedReport } from '../format';
import { ReportDraft } from '../report-draft';

export class UserDraft extends ReportDraft {
  private readonly names = new Set<string>();

  constructor(
    lines: readonly CleanLine[],
    start: number,
    format: Format,
    kind: ReportKind,
    headline: string,
  ) {
    super(lines, start, format, kind, headline);
    this.take(start, 'title');
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

  finish(title: string): ParsedReport {
    this.report.title = title;
    return this.complete();
  }
}

/** The line's text without indentation (pastes indent whole blocks, TABs became spaces). */
export function bare(lines: readonly CleanLine[], i: number): string {
  return lines[i]?.text.trim() ?? '';
}

export function isBlankLine(lines: readonly CleanLine[], i: number): boolean {
  return bare(lines, i) === '';
}
