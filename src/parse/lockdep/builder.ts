// What every lockdep report shares, gathered once: lines, kernel, task, classes (each once, with
// usage and wait type from the first line that prints them), spans, held locks, the backtrace,
// truncation and per-report diagnostics. The per-kind files fill in the rest.
import { emptyReport } from '../../model/report';
import type {
  Diagnostic,
  Frame,
  HeldLock,
  LockClass,
  LockdepKind,
  Report,
  Span,
  Task,
} from '../../model/types';
import { usageEraOf } from '../../model/usage';
import type { CleanLine } from '../clean/types';
import { readHeldLocks, type HeldLocksRead } from './held-locks';
import { releaseFromHeaderLine } from './kernel-ident';
import type { LockName } from './lock-line';
import type { LogicalLine } from './logical-lines';
import type { ReportLines, Section } from './report-reader';
import type { SectionType } from './sections';
import { formatTask } from './task';
import { readFrames } from './trace';

export class ReportBuilder {
  readonly report: Report;
  private readonly classIndex = new Map<string, LockClass>();
  /** origins already given a span, per role and ref: no key string built (and hashed) per call */
  private readonly spanSeen = new Map<string, Map<string | null, Set<number>>>();
  /** work deferred to finish(): classes the held-locks list names */
  readonly later: (() => void)[] = [];

  constructor(
    readonly lines: readonly CleanLine[],
    readonly rl: ReportLines,
    kind: LockdepKind,
  ) {
    const first = lines[rl.start]!;
    const lastLine = lines[Math.max(rl.start, rl.end - 1)]!;
    this.report = {
      ...emptyReport('linux-lockdep', kind, {
        start: first.origin,
        end: Math.max(first.origin, lastLine.originEnd),
      }),
      headline: rl.title?.headline,
      usageEra: null,
    };
  }

  /** Record a class; a later printing fills usage/wait type only when the first had none. */
  addClass(c: LockName | string, line?: LogicalLine | null, role: Span['role'] = 'lock'): string {
    const lc: LockName = typeof c === 'string' ? { name: c, usage: null, waitType: null } : c;
    const known = this.classIndex.get(lc.name);
    if (!known) {
      const entry: LockClass = { name: lc.name, usage: lc.usage, waitType: lc.waitType };
      this.classIndex.set(lc.name, entry);
      this.report.classes.push(entry);
    } else {
      if (known.usage === null && lc.usage !== null) known.usage = lc.usage;
      if (known.waitType === null && lc.waitType !== null) known.waitType = lc.waitType;
    }
    if (line) this.span(line, role, lc.name);
    return lc.name;
  }

  hasClass(name: string): boolean {
    return this.classIndex.has(name);
  }

  span(line: LogicalLine, role: Span['role'], ref: string | null): void {
    let byRef = this.spanSeen.get(role);
    if (!byRef) this.spanSeen.set(role, (byRef = new Map()));
    let seen = byRef.get(ref);
    if (!seen) byRef.set(ref, (seen = new Set()));
    for (let o = line.origin; o <= line.originEnd; o++) {
      if (seen.has(o)) continue;
      seen.add(o);
      this.report.spans!.push({ line: o, role, ref });
    }
  }

  diag(line: LogicalLine | number | null, severity: Diagnostic['severity'], message: string): void {
    const at = line === null ? null : typeof line === 'number' ? line : line.origin;
    this.report.diagnostics!.push({ line: at, severity, message });
  }

  /** Mark the report cut off, saying what is missing. */
  truncate(message: string, line: LogicalLine | number | null = null): void {
    this.report.truncated = true;
    this.diag(line, 'warning', message);
  }

  detail(key: string, value: string | null | undefined): void {
    if (value !== null && value !== undefined && value !== '') this.report.details![key] = value;
  }

  sections(type: Section['type']): Section[] {
    return this.rl.sections.filter((s) => s.type === type);
  }

  section(type: Section['type']): Section | null {
    return this.rl.sections.find((s) => s.type === type) ?? null;
  }

  has(type: SectionType): boolean {
    return this.rl.sections.some((s) => s.type === type);
  }

  /** The original line number of the report's last line. */
  get lastOrigin(): number {
    return this.report.lines.end;
  }
}

/** Kernel, task, title spans, held locks, backtrace and the hand cuts: the parts every kind has. */
export function fillCommon(b: ReportBuilder, opts: { heldOfTask?: boolean } = {}): void {
  const rl = b.rl;
  if (rl.titleLine) b.span(rl.titleLine, 'title', null);
  if (rl.ident) {
    b.report.kernel = rl.ident.release;
    if (rl.identLine) b.span(rl.identLine, 'kernel', null);
    b.detail('taint', rl.ident.taint);
  }
  // the task: the title (still-has-locks), then the first section that names one
  let task: Task | null = rl.title?.task ?? null;
  for (const s of rl.sections) {
    if (task) break;
    if (s.header?.task && s.type !== 'held') task = s.header.task;
  }
  if (!task)
    task = rl.sections.find((s) => s.type === 'held' && s.header?.task)?.header?.task ?? null;
  b.report.task = task;
  for (const s of rl.sections) {
    if (s.header?.task && s.line && task && formatTask(s.header.task) === formatTask(task))
      b.span(s.line, 'task', formatTask(task));
  }

  // the backtrace: the first "stack backtrace:" (or a bare dump_stack) section
  const bt = rl.sections.find((s) => s.type === 'backtrace' || s.type === 'call-trace');
  if (bt) {
    const frames = readFrames(bt.body);
    b.report.trace = frames.map((f) => f.frame);
    for (const f of frames) b.span(f.line, 'frame', null);
    for (const l of bt.line ? [bt.line, ...bt.body] : bt.body) {
      const rel = releaseFromHeaderLine(l.text);
      if (rel) {
        if (!b.report.kernel) {
          b.report.kernel = rel;
          b.span(l, 'kernel', null);
        }
        break;
      }
    }
  }
  if (!b.report.kernel) {
    // the dump_stack header of a report without "stack backtrace:"
    for (const s of rl.sections) {
      for (const l of s.body) {
        const rel = /^\s*(?:CPU|Pid): /.test(l.text) ? releaseFromHeaderLine(l.text) : null;
        if (rel) {
          b.report.kernel = rel;
          b.span(l, 'kernel', null);
          break;
        }
      }
      if (b.report.kernel) break;
    }
  }

  if (opts.heldOfTask !== false) {
    const held = b.section('held');
    if (held) fillHeldLocks(b, readHeldLocks(held));
  }

  for (const cut of rl.cuts)
    b.truncate(`the report was cut by hand at line ${cut.origin} ("${cut.text.trim()}")`, cut);
  reportForeign(b, rl.foreign);
  if (!rl.banner && rl.titleLine)
    b.diag(rl.titleLine, 'info', 'the ==== banner above the title is missing');
}

/** One diagnostic per run of skipped lines: "lines 9–20 are not part of the report". */
export function reportForeign(b: ReportBuilder, foreign: readonly LogicalLine[]): void {
  let i = 0;
  while (i < foreign.length) {
    let k = i;
    while (k + 1 < foreign.length && foreign[k + 1]!.origin <= foreign[k]!.originEnd + 2) k++;
    const a = foreign[i]!.origin;
    const z = foreign[k]!.originEnd;
    b.diag(
      a,
      'info',
      a === z
        ? `line ${a} is not part of the report (interleaved output?) and was skipped`
        : `lines ${a}–${z} are not part of the report (interleaved output?) and were skipped`,
    );
    i = k + 1;
  }
}

export function fillHeldLocks(b: ReportBuilder, held: HeldLocksRead): void {
  const locks: HeldLock[] = [];
  for (const e of held.entries) {
    locks.push(e.held);
    // classes are listed in printed order: the held list comes after the report's own locks
    if (e.lock) b.later.push(() => b.addClass(e.lock!, e.line, 'held-lock'));
    else b.span(e.line, 'held-lock', e.held.class);
  }
  b.report.heldLocks = locks;
  if (held.header) b.span(held.header, 'held-lock', null);
  for (const u of held.unreadable)
    b.diag(u, 'warning', `held lock line ${u.origin} could not be read: "${u.text.trim()}"`);
}

/**
 * Say what is missing when the report ends early: `expected` lists the sections this kind always
 * prints, in order. A report that ran into the end of the input or into prose before its last
 * section is cut off.
 */
export function checkComplete(
  b: ReportBuilder,
  expected: readonly SectionType[],
  names: Record<string, string>,
): void {
  const rl = b.rl;
  const missing = expected.filter(
    (t) => !rl.sections.some((s) => s.type === t || (t === 'backtrace' && s.type === 'call-trace')),
  );
  if (missing.length > 0) {
    const what = missing.map((t) => names[t] ?? t);
    b.truncate(
      `the report stops after line ${b.lastOrigin}: ${what.join(', ')} ${what.length === 1 ? 'is' : 'are'} missing`,
    );
    return;
  }
  const bt = rl.sections.find((s) => s.type === 'backtrace' || s.type === 'call-trace');
  if (expected.includes('backtrace') && bt && readFrames(bt.body).length === 0) {
    b.truncate(`the stack backtrace is empty: the report is cut off after line ${b.lastOrigin}`);
  }
  const held = b.section('held');
  if (held && b.report.heldLocks) {
    const n = Number(held.header?.data ?? 0);
    const got = b.report.heldLocks.length;
    const later = rl.sections.indexOf(held) < rl.sections.length - 1;
    // a running task's count comes without entries (debug_show_all_locks): only a visible cut counts
    if (got < n && (got > 0 || !later)) {
      b.truncate(
        `the held-locks list stops after ${got} of ${n} locks (line ${held.line?.origin ?? '?'})`,
        held.line,
      );
    }
  }
}

/** Usage era and title fallback once the kind filled classes. */
export function finish(b: ReportBuilder): Report {
  for (const f of b.later.splice(0)) f();
  const r = b.report;
  r.usageEra = usageEraOf({ kernel: r.kernel, classes: r.classes, headline: r.headline });
  if (r.diagnostics!.length === 0) delete r.diagnostics;
  if (Object.keys(r.details!).length === 0) delete r.details;
  return r;
}

export function framesOf(sections: readonly Section[]): Frame[] {
  return sections.flatMap((s) => readFrames(s.body).map((f) => f.frame));
}

/** "possible circular locking dependency detected" from the headline, for titles without a function. */
export function bareTitle(b: ReportBuilder, fallback: string): string {
  const h = b.rl.title?.headline;
  if (!h) return fallback;
  return h
    .replace(/^\[\s*/, '')
    .replace(/\s*\]$/, '')
    .replace(/^(?:WARNING|INFO|BUG):\s*/, '')
    .replace(/[.!]$/, '');
}
