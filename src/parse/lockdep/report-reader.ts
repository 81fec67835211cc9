// One lockdep report's lines, from its banner (or title, or first body line) to its last line,
// grouped into the sections the kernel's printers open with fixed sentences.
import type { CleanLine } from '../clean/types';
import {
  CHAIN_ENTRY,
  CUT_HERE,
  CUT_MARKER,
  END_TRACE,
  FOREIGN_HEADER,
  HARD_CUT,
  RULE_EQ,
  firstCharCode,
  isFrame,
  isReportContent,
  isStrongContent,
  isTraceHeader,
  isTraceLine,
} from './content';
import type { KernelIdent } from './kernel-ident';
import { logicalLineAt, type LogicalLine } from './logical-lines';
import { recognizeSection, type SectionHeader, type SectionType } from './sections';
import { bannerTitleAt, readHead } from './report-head';
import { recognizeTitle, type TitleInfo } from './title';

export interface Section {
  /** 'preamble' holds what comes before the first header; 'chain-entry' is a "-> #k" entry */
  type: SectionType | 'preamble' | 'chain-entry' | 'call-trace';
  header: SectionHeader | null;
  line: LogicalLine | null;
  body: LogicalLine[];
}

export interface ReportLines {
  /** index into the cleaned lines where the report starts (banner, title or first body line) */
  start: number;
  /** index just past the report's last line */
  end: number;
  banner: LogicalLine | null;
  title: TitleInfo | null;
  titleLine: LogicalLine | null;
  ident: KernelIdent | null;
  identLine: LogicalLine | null;
  sections: Section[];
  /** unrelated lines inside the report, kept out of every section */
  foreign: LogicalLine[];
  /** hand cuts ("<snip>", "[...]") inside the report */
  cuts: LogicalLine[];
  /** why reading stopped: 'end' (the report finished), 'input' (the text ran out), or the line that stopped it */
  stop: {
    reason: 'complete' | 'input' | 'next-report' | 'foreign' | 'cut' | 'gap';
    line: LogicalLine | null;
  };
}

const LOOKAHEAD = 4;

function isNewReport(lines: readonly CleanLine[], l: LogicalLine): boolean {
  // a title, a banner or one of the one-line complaints: "[ INFO", "WARNING", "INFO", "BUG", "=", "DEBUG_LOCKS"
  const c = firstCharCode(l.text);
  if (c !== 91 && c !== 87 && c !== 73 && c !== 66 && c !== 61 && c !== 68) return false;
  if (recognizeTitle(l.text)) return true;
  if (RULE_EQ.test(l.text)) return bannerTitleAt(lines, l.from) !== null;
  return /^\s*(?:BUG: MAX_\w+ too low|INFO: trying to register non-static key|DEBUG_LOCKS_WARN_ON\()/.test(
    l.text,
  );
}

function headerOf(l: LogicalLine): SectionHeader | null {
  return recognizeSection(l.text);
}

/**
 * Read the report that starts at lines[start]. `start` is a banner, a title, or the first body
 * line of a report whose head is missing.
 */
export function readReportLines(
  lines: readonly CleanLine[],
  start: number,
  limit = lines.length,
): ReportLines {
  const r: ReportLines = {
    start,
    end: start + 1,
    banner: null,
    title: null,
    titleLine: null,
    ident: null,
    identLine: null,
    sections: [],
    foreign: [],
    cuts: [],
    stop: { reason: 'input', line: null },
  };
  const head = readHead(lines, start, limit, r);
  let j = head.next;
  let last = head.last; // index of the last line that belongs to the report

  let current: Section = { type: 'preamble', header: null, line: null, body: [] };
  r.sections.push(current);
  let traceFrames = 0; // frames seen in the current backtrace section
  let blankRun = 0;
  const open = (s: Section) => {
    current = s;
    r.sections.push(s);
    traceFrames = 0;
  };

  while (j < limit) {
    const l = logicalLineAt(lines, j);
    const text = l.text;
    // Most tests below can only match a line starting with one of a few characters: each report
    // line went through ten regexes, frames included.
    const c = firstCharCode(text);
    if (Number.isNaN(c)) {
      blankRun++;
      // a backtrace ends at a blank line unless the report goes on with one of its sections
      if (inTrace(current) && traceFrames > 0 && !continuesAfterBlank(lines, l.to + 1, limit)) {
        r.stop = { reason: 'complete', line: null };
        break;
      }
      if (blankRun >= 5) {
        r.stop = { reason: 'gap', line: l };
        break;
      }
      current.body.push(l);
      j = l.to + 1;
      continue;
    }
    blankRun = 0;
    // (the first line of a headless report is its own start, e.g. "Showing all locks held…")
    const first = l.from === start;
    const dash = c === 45; // "-----[ cut here ]-----", "---[ end trace", "-> #1", "--- truncated ---"
    if (
      !first &&
      ((dash && (CUT_HERE.test(text) || END_TRACE.test(text))) || isNewReport(lines, l))
    ) {
      r.stop = { reason: 'next-report', line: l };
      break;
    }
    if (!first && FOREIGN_HEADER.test(text)) {
      r.stop = { reason: 'foreign', line: l };
      break;
    }
    if ((dash || c === 40) /* ( */ && HARD_CUT.test(text)) {
      r.cuts.push(l);
      last = l.to;
      r.stop = { reason: 'cut', line: l };
      break;
    }
    if (mayBeCutMarker(c) && CUT_MARKER.test(text)) {
      r.cuts.push(l);
      last = l.to;
      j = l.to + 1;
      continue;
    }
    // show-all-locks closes with a rule of '='; a stray "-----" rule ends nothing
    if (c === 61 /* = */ && RULE_EQ.test(text)) {
      last = l.to;
      j = l.to + 1;
      if (current.type === 'held' || current.type === 'show-all') {
        r.stop = { reason: 'complete', line: null };
        break;
      }
      continue;
    }
    const header = headerOf(l);
    if (header) {
      open({ type: header.type, header, line: l, body: [] });
      last = l.to;
      j = l.to + 1;
      continue;
    }
    if (dash && CHAIN_ENTRY.test(text)) {
      open({ type: 'chain-entry', header: null, line: l, body: [] });
      last = l.to;
      j = l.to + 1;
      continue;
    }
    // a dump_stack() without "stack backtrace:" (cut reports, WARN-style dumps)
    // (right after the title only "Call Trace:" counts: a stranger's "CPU:" dump may sit there)
    if (
      (c === 67 /* C */ || c === 80) /* P */ &&
      !inTrace(current) &&
      (current.type !== 'preamble'
        ? /^\s*(?:CPU: \d+ |Call [Tt]race:|Pid: \d+, comm:)/
        : /^\s*Call [Tt]race:/
      ).test(text)
    ) {
      open({ type: 'call-trace', header: null, line: l, body: [] });
      last = l.to;
      j = l.to + 1;
      continue;
    }
    // "but this task is not holding:" is followed by the nest lock's bare name
    const bareName =
      current.type === 'not-holding' && !current.body.some((x) => x.text.trim() !== '');
    const fits =
      bareName ||
      (inTrace(current) ? isTraceLine(text) || isReportContent(text) : isReportContent(text));
    if (fits) {
      if (inTrace(current) && isFrame(text)) traceFrames++;
      current.body.push(l);
      last = l.to;
      j = l.to + 1;
      continue;
    }
    // Only the head was read and another CPU's output follows: the body may come further down
    // ("[ BUG: bad unlock balance detected! ]", rule, a stranger's dump, then "… is trying to release lock").
    if (
      current.type === 'preamble' &&
      r.sections.length === 1 &&
      !current.body.some((x) => x.text.trim() !== '')
    ) {
      const at = bodyAhead(lines, l.from, limit);
      if (at > l.from) {
        for (let k = l.from; k < at;) {
          const skipped = logicalLineAt(lines, k);
          if (skipped.text.trim() !== '') r.foreign.push(skipped);
          k = skipped.to + 1;
        }
        j = at;
        continue;
      }
    }
    // An unknown line: interleaved output when the report visibly goes on right after it.
    if (goesOn(lines, l.to + 1, limit, inTrace(current))) {
      r.foreign.push(l);
      j = l.to + 1;
      continue;
    }
    r.stop = { reason: inTrace(current) && traceFrames > 0 ? 'complete' : 'gap', line: l };
    break;
  }
  if (j >= limit && r.stop.line === null && r.stop.reason === 'input')
    r.stop = { reason: 'input', line: null };
  r.end = last + 1;
  // drop trailing blank lines from the last section
  const tail = r.sections[r.sections.length - 1]!;
  while (tail.body.length && tail.body[tail.body.length - 1]!.text.trim() === '') tail.body.pop();
  return r;
}

/** "<snip>", "[...]", "... snip ...", "--- truncated ---", "(truncated)", "etc." (any case) */
function mayBeCutMarker(c: number): boolean {
  return c === 60 || c === 91 || c === 46 || c === 45 || c === 40 || c === 101 || c === 69;
}

function inTrace(s: Section): boolean {
  return s.type === 'backtrace' || s.type === 'call-trace';
}

/** After a blank line that follows a backtrace: does the report go on? */
function continuesAfterBlank(lines: readonly CleanLine[], from: number, limit: number): boolean {
  let j = from;
  let strangers = 0;
  for (let k = 0; k < 5 && j < limit; k++) {
    const l = logicalLineAt(lines, j);
    if (l.text.trim() !== '') {
      const h = headerOf(l);
      // nested-lock reports print "other info…" and a second backtrace after the first one;
      // another CPU's printk may sit in between
      if (h) return h.type === 'other-info' || h.type === 'held' || h.type === 'backtrace';
      if (
        isNewReport(lines, l) ||
        FOREIGN_HEADER.test(l.text) ||
        isReportContent(l.text) ||
        ++strangers > 2
      )
        return false;
    }
    j = l.to + 1;
  }
  return false;
}

const FAR = 60;

/** Where the first section sentence of this report's body is, within FAR lines; -1 when none. */
function bodyAhead(lines: readonly CleanLine[], from: number, limit: number): number {
  let j = from;
  for (let k = 0; k < FAR && j < limit; k++) {
    const l = logicalLineAt(lines, j);
    if (CUT_HERE.test(l.text) || isNewReport(lines, l)) return -1;
    const h = headerOf(l);
    if (h && h.type !== 'held' && h.type !== 'backtrace' && h.type !== 'show-all') return j;
    j = l.to + 1;
  }
  return -1;
}

/** Is there report content within the next few lines (so the line before was interleaved)? */
function goesOn(lines: readonly CleanLine[], from: number, limit: number, trace: boolean): boolean {
  let j = from;
  for (let k = 0; k < LOOKAHEAD && j < limit; k++) {
    const l = logicalLineAt(lines, j);
    const t = l.text;
    if (t.trim() !== '') {
      if (CUT_HERE.test(t) || FOREIGN_HEADER.test(t) || isNewReport(lines, l)) return false;
      if (headerOf(l) || CHAIN_ENTRY.test(t)) return true;
      if (trace ? isFrame(t) || (isTraceHeader(t) && !/^\s*CPU: /.test(t)) : isStrongContent(t))
        return true;
    }
    j = l.to + 1;
  }
  return false;
}
