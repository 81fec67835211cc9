// Lockdep's non-banner complaints: DEBUG_LOCKS_WARN_ON() (a WARN at kernel/locking/lockdep.c),
// the "BUG: MAX_* too low!" limits, "INFO: trying to register non-static key.", the
// "BUG: key … not registered" / "looking up invalid subclass" messages. The boot banner
// ("Lock dependency validator: Copyright …") and "INFO: lockdep is turned off." are not reports.
import type { Report } from '../../model/types';
import type { CleanLine } from '../clean/types';
import { fillHeldLocks, finish, ReportBuilder, reportForeign } from './builder';
import { CUT_HERE, END_TRACE, HELD_ENTRY, RULE_EQ, frameOf, isTraceLine } from './content';
import { NON_STATIC_KEY_SKIP, fromFrames, pickGuiltyFunction } from './guilty-function';
import { readHeldLocks } from './held-locks';
import { releaseFromHeaderLine } from './kernel-ident';
import { logicalLineAt, type LogicalLine } from './logical-lines';
import type { ReportLines, Section } from './report-reader';
import { recognizeSection } from './sections';
import { recognizeTitle } from './title';
import { readFrames } from './trace';

// "WARNING: CPU: 1 PID: 21689 at kernel/locking/lockdep.c:3676 lock_release+0x6e6/0xa40",
// 2.6.x "WARNING: at kernel/lockdep.c:2222 check_flags+0x…/0x…()"
const LOCKDEP_WARN =
  /^\s*WARNING: (?:CPU: \d+ PID: \d+ )?at (kernel\/(?:locking\/)?lockdep\.c:\d+)\s*(.*)$/;
const DEBUG_WARN = /^\s*DEBUG_LOCKS_WARN_ON\((.*)\)\s*$/;
const LIMIT = /^\s*BUG: (MAX_\w+ too low!)\s*$/;
const NON_STATIC = /^\s*INFO: trying to register non-static key\.?\s*$/;
const OTHER_BUG =
  /^\s*BUG: (looking up invalid subclass: \d+|key [0-9a-f]+ (?:has )?not (?:been registered|in \.data)!?)\s*$/;
// the lines these messages print before the dump
const PART_OF =
  /^\s*(?:turning off the locking correctness validator\.?|Please attach the output of \/proc\/lock_stat to the bug report|depth: \d+\s+max: \d+!?|[Tt]he code is fine but needs lockdep annotation.*|you didn't initialize this object before use\?|Kernel panic - not syncing: panic_on_warn set.*|releasing a pinned lock|lockdep bfs error:-?\d+|Increase LOCKDEP_CIRCULAR_QUEUE_BITS.*|irq event stamp: \d+|(?:hard|soft)irqs last\s+(?:en|dis)abled at .*|Modules linked in:.*|Showing all locks held in the system:|\d+ locks? held by .*|no locks held by .*|hm#\d+, depth: .*)\s*$/;

/** Does one of these messages start at lines[i]? */
export function lockingBugAt(lines: readonly CleanLine[], i: number): boolean {
  const t = lines[i]!.text;
  if (CUT_HERE.test(t)) {
    for (let k = i + 1; k < Math.min(lines.length, i + 3); k++) {
      const n = lines[k]!.text;
      if (DEBUG_WARN.test(n) || LOCKDEP_WARN.test(n)) return true;
    }
    return false;
  }
  return (
    DEBUG_WARN.test(t) ||
    LOCKDEP_WARN.test(t) ||
    LIMIT.test(t) ||
    NON_STATIC.test(t) ||
    OTHER_BUG.test(t)
  );
}

/** The message lines, then the dump_stack()/WARN dump up to its end. */
function readLines(lines: readonly CleanLine[], start: number): ReportLines {
  const body: LogicalLine[] = [];
  const foreign: LogicalLine[] = [];
  let j = start;
  let last = start;
  let frames = 0;
  let stop: ReportLines['stop'] = { reason: 'input', line: null };
  let messages = 0;
  while (j < lines.length) {
    const l = logicalLineAt(lines, j);
    const t = l.text;
    const isMessage =
      DEBUG_WARN.test(t) ||
      LOCKDEP_WARN.test(t) ||
      LIMIT.test(t) ||
      NON_STATIC.test(t) ||
      OTHER_BUG.test(t);
    if (
      j > start &&
      (recognizeTitle(t) ||
        RULE_EQ.test(t) ||
        (CUT_HERE.test(t) && frames > 0) ||
        (isMessage && frames > 0))
    ) {
      stop = { reason: 'next-report', line: l };
      break;
    }
    if (isMessage) messages++;
    if (END_TRACE.test(t)) {
      body.push(l);
      last = l.to;
      stop = { reason: 'complete', line: null };
      break;
    }
    if (t.trim() === '') {
      if (frames > 0 && !nextIsTrace(lines, l.to + 1)) {
        stop = { reason: 'complete', line: null };
        break;
      }
      body.push(l);
      j = l.to + 1;
      continue;
    }
    if (
      isMessage ||
      CUT_HERE.test(t) ||
      PART_OF.test(t) ||
      isTraceLine(t) ||
      HELD_ENTRY.test(t) ||
      recognizeSection(t)
    ) {
      if (frameOf(t)) frames++;
      body.push(l);
      last = l.to;
      j = l.to + 1;
      continue;
    }
    // the WARN's own message ("downgrading a read lock", "releasing a pinned lock") sits
    // between "cut here" and the WARNING line
    if (frames === 0 && warnAhead(lines, l.to + 1)) {
      body.push(l);
      last = l.to;
      j = l.to + 1;
      continue;
    }
    if (nextIsTrace(lines, l.to + 1)) {
      foreign.push(l);
      j = l.to + 1;
      continue;
    }
    stop = { reason: frames > 0 ? 'complete' : 'gap', line: l };
    break;
  }
  void messages;
  const section: Section = { type: 'call-trace', header: null, line: null, body };
  // held-locks lists (MAX_LOCK_DEPTH too low!) become their own section
  const sections: Section[] = [section];
  const heldAt = body.findIndex((x) => /^\s*(?:\d+ locks? held by|no locks held by)/.test(x.text));
  if (heldAt >= 0) {
    const h = recognizeSection(body[heldAt]!.text);
    if (h)
      sections.push({
        type: 'held',
        header: h,
        line: body[heldAt]!,
        body: body.slice(heldAt + 1).filter((x) => HELD_ENTRY.test(x.text)),
      });
  }
  return {
    start,
    end: last + 1,
    banner: null,
    title: null,
    titleLine: null,
    ident: null,
    identLine: null,
    sections,
    foreign,
    cuts: [],
    stop,
  };
}

function warnAhead(lines: readonly CleanLine[], from: number): boolean {
  for (let j = from; j < Math.min(lines.length, from + 2); j++) {
    if (LOCKDEP_WARN.test(lines[j]!.text) || DEBUG_WARN.test(lines[j]!.text)) return true;
  }
  return false;
}

function nextIsTrace(lines: readonly CleanLine[], from: number): boolean {
  for (let j = from, k = 0; j < lines.length && k < 3; j++, k++) {
    const t = lines[j]!.text;
    if (t.trim() === '') continue;
    return isTraceLine(t) && !/^\s*CPU: /.test(t) ? true : frameOf(t) !== null;
  }
  return false;
}

export function parseLockingBug(
  lines: readonly CleanLine[],
  start: number,
): { report: Report; end: number } {
  const rl = readLines(lines, start);
  const b = new ReportBuilder(lines, rl, 'locking-bug');
  const body = rl.sections[0]!.body;
  let message: string | null = null;
  let title: string | null = null;
  let skip = [/^lock_sock/, /^release_sock/] as RegExp[];
  let withFunction: string | null = null;
  for (const l of body) {
    const t = l.text;
    let m: RegExpExecArray | null;
    if ((m = DEBUG_WARN.exec(t))) {
      message ??= `DEBUG_LOCKS_WARN_ON(${m[1]})`;
      withFunction ??= 'locking bug';
      b.span(l, 'title', null);
    } else if ((m = LOCKDEP_WARN.exec(t))) {
      b.detail('warnAt', m[1]);
      withFunction ??= 'locking bug';
      b.span(l, 'title', null);
      const rel = releaseFromHeaderLine(t);
      if (rel) b.report.kernel = rel;
    } else if ((m = LIMIT.exec(t))) {
      message ??= `BUG: ${m[1]}`;
      title ??= m[1]!;
      b.span(l, 'title', null);
    } else if (NON_STATIC.test(t)) {
      message ??= 'INFO: trying to register non-static key.';
      withFunction ??= 'trying to register non-static key';
      skip = [...NON_STATIC_KEY_SKIP];
      b.span(l, 'title', null);
    } else if ((m = OTHER_BUG.exec(t))) {
      message ??= `BUG: ${m[1]}`;
      withFunction ??= 'locking bug';
      b.span(l, 'title', null);
    }
  }
  // a WARN(1, "…") message printed before the WARNING line
  if (message === null) {
    const warnAt = body.findIndex((l) => LOCKDEP_WARN.test(l.text));
    for (let k = warnAt - 1; k >= 0; k--) {
      const t = body[k]!.text.trim();
      if (t === '' || CUT_HERE.test(t)) continue;
      if (!DEBUG_WARN.test(t)) message = t;
      break;
    }
  }
  b.report.headline = message ?? body.find((l) => l.text.trim() !== '')?.text.trim();
  b.detail('message', message);
  const frames = readFrames(body);
  b.report.trace = frames.map((f) => f.frame);
  for (const f of frames) b.span(f.line, 'frame', null);
  for (const l of body) {
    const rel = releaseFromHeaderLine(l.text);
    if (rel) {
      b.report.kernel = rel;
      b.span(l, 'kernel', null);
      const task =
        /\bPID: (\d+) Comm: (.+?) (?:Not tainted|Tainted:)/.exec(l.text) ??
        /^\s*Pid: (\d+), comm: (.+?)\s+(?:Not tainted|Tainted:|\d+\.\d+)/.exec(l.text);
      if (task) b.report.task = { comm: task[2]!, pid: Number(task[1]) };
      break;
    }
  }
  const held = rl.sections.find((s) => s.type === 'held');
  if (held) fillHeldLocks(b, readHeldLocks(held));
  // the WARN's RIP names the lockdep function; the candidates are the frames below it
  // (only a WARN's own RIP: in other dumps a RIP line is an interrupted context's)
  const warned = body.some((l) => LOCKDEP_WARN.test(l.text));
  const rip = warned
    ? (body
        .map((l) => /^\s*RIP: [0-9a-f]{4}:([A-Za-z_.$][\w.$]*)\+0x/.exec(l.text)?.[1])
        .find(Boolean) ?? null)
    : null;
  const fn = pickGuiltyFunction([{ function: rip }, ...fromFrames(b.report.trace)], skip);
  if (title) b.report.title = title;
  else
    b.report.title = fn
      ? `${withFunction ?? 'locking bug'} in ${fn}`
      : (withFunction ?? message ?? 'locking bug');
  if (frames.length === 0)
    b.truncate(`no backtrace follows the message: the report stops after line ${b.lastOrigin}`);
  reportForeign(b, rl.foreign);
  return { report: finish(b), end: rl.end };
}
