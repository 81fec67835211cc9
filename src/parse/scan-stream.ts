// The scan over one stream of cleaned lines: each format's sniff() at every line, its parse()
// where one says yes. Bounded whatever the input: a header printed again and again is folded
// into one diagnostic, and reading stops after MAX_READS reports.
import type { Diagnostic, Report } from '../model/types';
import type { CleanLine } from './clean/types';
import type { FormatParser } from './format';

/** Reports read per input at most: each costs ~10 µs and a few kB, a million would not fit. */
export const MAX_READS = 10_000;

/** Copies of one empty header parsed before the rest of their run is folded unread. */
const CONFIRM = 3;

export interface ScanBudget {
  /** parse() calls made so far, over every stream */
  reads: number;
  /** set once reading stopped at MAX_READS (one diagnostic says so) */
  stopped: boolean;
  /** a parser read part of the input through parseMany() (a trace), whether or not it found reports */
  readMany?: boolean;
}

export function newScanBudget(): ScanBudget {
  return { reads: 0, stopped: false };
}

/**
 * A report that holds nothing (no lock, dependency, held lock, frame, scenario or task): a header
 * alone. When another report starts right after it, it is no report but a diagnostic.
 */
export function holdsNothing(r: Report): boolean {
  return (
    r.classes.length === 0 &&
    r.dependencies.length === 0 &&
    r.scenario === null &&
    (r.heldLocks === null || r.heldLocks.length === 0) &&
    r.trace.length === 0 &&
    r.task === null
  );
}

interface Pending {
  report: Report;
  /** index of its first line */
  start: number;
}

/** Consecutive empty headers: one diagnostic for all of them. */
interface EmptyRun {
  /** the first header's text, and whether every later one was the same */
  key: string;
  mixed: boolean;
  first: number;
  last: number;
  count: number;
  /** index of the last copy's first line and the distance between copies (lines) */
  at: number;
  period: number;
  /** copies in a row whose lines (header to next header) were the same text */
  same: number;
}

export function scanStream(
  lines: readonly CleanLine[],
  parsers: readonly FormatParser[],
  diagnostics: Diagnostic[],
  budget: ScanBudget,
): Report[] {
  const reports: Report[] = [];
  // (typed by cast: both change inside the closures below, which TS's narrowing cannot see)
  let pending = null as Pending | null;
  let run = null as EmptyRun | null;

  const closeRun = () => {
    if (run) diagnostics.push(emptyHeaderDiagnostic(run));
    run = null;
  };
  // the pending header was followed right away by another report: fold it
  const foldPending = (next: number) => {
    const p = pending!;
    pending = null;
    const key = headerText(p.report, lines[p.start]!);
    const period = next - p.start;
    if (run) {
      run.mixed ||= run.key !== key;
      const same = run.period === period && sameLines(lines, run.at, p.start, period);
      run.same = same ? run.same + 1 : 0;
      run.count++;
      run.last = p.report.lines.start;
      run.at = p.start;
      run.period = period;
      return;
    }
    closeRun();
    const origin = p.report.lines.start;
    run = {
      key,
      mixed: false,
      first: origin,
      last: origin,
      count: 1,
      at: p.start,
      period,
      same: 0,
    };
  };
  const flushPending = () => {
    if (pending) reports.push(pending.report);
    pending = null;
    closeRun();
  };

  let i = 0;
  while (i < lines.length) {
    // a confirmed run of identical empty headers: a copy followed by yet another copy is empty too
    if (run !== null && run.same >= CONFIRM) {
      const r: EmptyRun = run;
      const p = r.period;
      if (pending?.start === r.at + p && i === r.at + 2 * p && sameLines(lines, r.at, i, p))
        foldPending(i);
      if (
        pending === null &&
        i === r.at + p &&
        sameLines(lines, r.at, i, p) &&
        sameLines(lines, r.at, i + p, p)
      ) {
        r.count++;
        r.last = lines[i]!.origin;
        r.at = i;
        i += p;
        continue;
      }
    }
    if (budget.reads >= MAX_READS && firstSniff(lines, i, parsers, diagnostics)) {
      if (!budget.stopped) diagnostics.push(stoppedDiagnostic(lines, i));
      budget.stopped = true;
      if (pending) foldPending(i);
      break;
    }
    let advanced = false;
    for (const parser of parsers) {
      if (!sniffSafely(parser, lines, i, diagnostics)) continue;
      try {
        budget.reads++;
        if (parser.parseMany) {
          const many = parser.parseMany(lines, i);
          flushPending();
          for (const r of many.reports) reports.push(r);
          for (const d of many.diagnostics) diagnostics.push(d);
          budget.readMany = true;
          i = Math.max(many.end, i + 1);
          advanced = true;
          break;
        }
        const { report, end } = parser.parse(lines, i);
        if (pending) foldPending(i);
        if (holdsNothing(report)) pending = { report, start: i };
        else {
          closeRun();
          reports.push(report);
        }
        i = Math.max(end, i + 1);
        advanced = true;
      } catch (err) {
        diagnostics.push(
          internalError(lines[i]?.origin ?? null, `reading a ${parser.format} report`, err),
        );
      }
      break;
    }
    if (advanced) continue;
    // anything but a blank line between a header and the next one: the header stands alone
    if (lines[i]!.text !== '' && (pending || run)) flushPending();
    i++;
  }
  flushPending();
  return reports;
}

function firstSniff(
  lines: readonly CleanLine[],
  i: number,
  parsers: readonly FormatParser[],
  diagnostics: Diagnostic[],
): boolean {
  return parsers.some((p) => sniffSafely(p, lines, i, diagnostics));
}

function sniffSafely(
  parser: FormatParser,
  lines: readonly CleanLine[],
  i: number,
  diagnostics: Diagnostic[],
): boolean {
  try {
    return parser.sniff(lines, i);
  } catch (err) {
    diagnostics.push(internalError(lines[i]?.origin ?? null, `sniffing ${parser.format}`, err));
    return false;
  }
}

function sameLines(lines: readonly CleanLine[], a: number, b: number, n: number): boolean {
  if (b + n > lines.length || a + n > lines.length) return false;
  for (let k = 0; k < n; k++) if (lines[a + k]!.text !== lines[b + k]!.text) return false;
  return true;
}

/** The header as printed ("WARNING: possible circular locking dependency detected"). */
function headerText(report: Report, first: CleanLine): string {
  const text = report.headline ?? first.text.trim();
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function emptyHeaderDiagnostic(run: EmptyRun): Diagnostic {
  const n = run.count - 1;
  const where =
    n === 1
      ? `line ${formatCount(run.last)}`
      : `lines ${formatCount(run.first + 1)}–${formatCount(run.last)}`;
  const like = run.mixed ? ' (not all the same header)' : ' like it';
  const more = n > 0 ? ` — and ${formatCount(n)} more${like}, ${where}` : '';
  return {
    line: run.first,
    severity: 'warning',
    message: `a report header with nothing after it before the next report: "${run.key}"${more}`,
  };
}

function stoppedDiagnostic(lines: readonly CleanLine[], i: number): Diagnostic {
  const from = lines[i]!.origin;
  let last = lines.length - 1;
  while (last > i && lines[last]!.text === '') last--;
  const to = lines[last]!.originEnd;
  return {
    line: from,
    severity: 'error',
    message: `stopped reading at line ${formatCount(from)} after ${formatCount(MAX_READS)} report headers, the most lockscope reads in one input: lines ${formatCount(from)}–${formatCount(to)} were not read`,
  };
}

/** 999999 -> "999,999", the same in every locale. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

export function internalError(line: number | null, what: string, err: unknown): Diagnostic {
  const message = err instanceof Error ? err.message : String(err);
  return {
    line,
    severity: 'error',
    message: `lockscope failed while ${what}${line ? ` at line ${line}` : ''}: ${message}. The text is kept; please report this.`,
  };
}
