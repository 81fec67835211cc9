// The other checks in subr_witness.c and the lock code: duplicate lock (witness_checkorder), sleep
// lock in a critical section (kassert_panic), witness_warn / witness_sleep lists, thread exit with
// locks held, the turnstile's sleeping-thread panic, and the lock assertion panics.
import type { Format, HeldLock } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { ParsedReport } from '../format';
import { heldLock, readDebuggerTail } from './debugger-tail';
import { Draft, nextNonBlank } from './draft';
import { parseDuplicateLockLine, parseListedLockLine } from './lock-line';
import type { StartsReport } from './lor';
import {
  BLOCKABLE_SLEEP_LOCK,
  COULD_SLEEP,
  DUPLICATE_HEADER,
  PANIC,
  SLEEPING_THREAD,
  STACK_HEADER,
  THREAD_EXIT,
  WARN_HEADER,
} from './patterns';
import { isFrameLine, readTrace, sectionHeader } from './trace';
import { checkCutFrame, isLastContent, markTruncated, takeCutTail } from './truncation';
import { matchAssertion } from './assertions';

/** The reader for the report starting at lines[i], or null. */
export function otherReportAt(lines: readonly CleanLine[], i: number): OtherReader | null {
  const text = lines[i]!.text;
  if (DUPLICATE_HEADER.test(text)) return readDuplicate;
  if (BLOCKABLE_SLEEP_LOCK.test(text)) return readBlockable;
  if (THREAD_EXIT.test(text)) return nextIsListedLock(lines, i) ? readThreadExit : null;
  if (WARN_HEADER.test(text)) return nextIsListedLock(lines, i) ? readWarn : null;
  if (COULD_SLEEP.test(text)) return readCouldSleep;
  if (SLEEPING_THREAD.test(text)) {
    // "Sleeping thread (tid 10053" alone is only believable as the paste's cut-off last line
    const m = SLEEPING_THREAD.exec(text)!;
    return m[2] !== undefined || isLastContent(lines, i) ? readSleepingThread : null;
  }
  if (matchAssertion(text)) return readAssertion;
  return null;
}

export type OtherReader = (
  lines: readonly CleanLine[],
  start: number,
  format: Format,
  startsReport: StartsReport,
) => ParsedReport;

function nextIsListedLock(lines: readonly CleanLine[], i: number): boolean {
  const k = nextNonBlank(lines, i + 1);
  return k >= 0 && parseListedLockLine(lines[k]!.text) !== null;
}

/** Reads an optional "stack backtrace:" (or bare frames) then the debugger tail. */
function finishWithStack(
  d: Draft,
  i: number,
  startsReport: StartsReport,
  panic?: RegExp,
): ParsedReport {
  const { lines } = d;
  const k = nextNonBlank(lines, i);
  const h = k >= 0 ? sectionHeader(STACK_HEADER, lines[k]!.text) : null;
  if (h) {
    d.take(k);
    const t = readTrace(lines, k + 1, d, null, h.glued);
    d.report.trace = t.frames;
    i = Math.max(t.end, k + 1);
    checkCutFrame(lines, t.end, d);
  }
  const before = i;
  i = readDebuggerTail(lines, i, d, { startsReport, ...(panic ? { panic } : {}) });
  if (d.report.trace.length > 0) checkCutFrame(lines, i, d);
  if (i === before) takeCutTail(lines, nextNonBlank(lines, i), d, 'a stack');
  return d.finish();
}

function readDuplicate(
  lines: readonly CleanLine[],
  start: number,
  format: Format,
  startsReport: StartsReport,
): ParsedReport {
  const d = new Draft(lines, start, format, 'duplicate-lock');
  // the header names the witness TYPE ("&pmap->pm_mtx"); the 1st/2nd lines name the two
  // instances ("pmaplk"), and those names are the lock classes
  const type = DUPLICATE_HEADER.exec(lines[start]!.text)![1]!;
  d.take(start, 'title');
  d.report.title = `acquiring duplicate lock of same type: "${type}"`;
  const names: string[] = [];
  let i = start + 1;
  for (const want of ['1st', '2nd'] as const) {
    const k = nextNonBlank(lines, i);
    const lock = k >= 0 ? parseDuplicateLockLine(lines[k]!.text) : null;
    if (!lock || lock.ordinal !== want) break;
    names.push(lock.name);
    d.addClass(lock.name, { witnessType: type });
    d.take(k, 'lock', lock.name);
    d.detail(want, lines[k]!.text.trim());
    i = k + 1;
  }
  // 1st/2nd lines lost: only the type is known, so it stands in for the name
  if (names.length === 0) d.addClass(type, { witnessType: type });
  const first = names[0] ?? type;
  const second = names[1] ?? first;
  for (const s of d.report.spans!) if (s.role === 'title') s.ref = first;
  // a second lock of the held one's type: a self-loop on the type. Two instances with different
  // names ("em0", "em1") are still one node to WITNESS, so either order may follow: [1st, 2nd].
  d.addDependency(first, second, [], true);
  d.report.cycle = first === second ? [first] : [first, second];
  const parsed = finishWithStack(d, i, startsReport);
  const dep = d.report.dependencies[0]!;
  dep.trace = d.report.trace;
  return parsed;
}

function readBlockable(
  lines: readonly CleanLine[],
  start: number,
  format: Format,
  startsReport: StartsReport,
): ParsedReport {
  const d = new Draft(lines, start, format, 'sleep-lock-in-critical-section');
  const m = BLOCKABLE_SLEEP_LOCK.exec(lines[start]!.text)!;
  const name = m[3]!.trim();
  d.take(start, 'title', name);
  d.addClass(name, { lockKind: m[2]! });
  d.detail('lockClass', m[2]!);
  if (m[4]) d.detail('at', `${m[4]}:${m[5]}`);
  if (m[1]) d.detail('panic', lines[start]!.text.trim().replace(/^panic: /, ''));
  d.report.title = `acquiring blockable sleep lock with spinlock or critical section held: ${name}`;
  return finishWithStack(d, start + 1, startsReport);
}

/** witness_warn's list: heldLocks (most recent first, as printed) and OpenBSD lock-site frames. */
function readLockList(d: Draft, i: number): { locks: HeldLock[]; end: number } {
  const { lines } = d;
  const locks: HeldLock[] = [];
  let j = i;
  while (j < lines.length) {
    const k = nextNonBlank(lines, j, 2);
    if (k < 0) break;
    const lock = parseListedLockLine(lines[k]!.text);
    if (lock) {
      locks.push(heldLock(locks.length, lock, d));
      d.take(k, 'held-lock', lock.name);
      j = k + 1;
    } else if (
      locks.length > 0 &&
      /^\s*#\d+\s/.test(lines[k]!.text) &&
      isFrameLine(lines[k]!.text)
    ) {
      d.take(k, 'frame', locks[locks.length - 1]!.class); // WITNESS_LOCKTRACE: where it was taken
      j = k + 1;
    } else break;
  }
  return { locks, end: j };
}

function readWarn(
  lines: readonly CleanLine[],
  start: number,
  format: Format,
  startsReport: StartsReport,
): ParsedReport {
  const d = new Draft(lines, start, format, 'sleeping-with-nonsleepable-locks');
  const m = WARN_HEADER.exec(lines[start]!.text)!;
  const caller = m[2]!.trim();
  d.take(start, 'title');
  d.detail('caller', caller);
  const { locks, end } = readLockList(d, start + 1);
  d.report.heldLocks = locks;
  const which = m[3] ? 'non-sleepable locks' : 'locks';
  d.report.title = `${caller} with ${which} held: ${locks.map((l) => l.class).join(', ')}`;
  return finishWithStack(d, end, startsReport, /^witness_warn\b/);
}

function readThreadExit(
  lines: readonly CleanLine[],
  start: number,
  format: Format,
  startsReport: StartsReport,
): ParsedReport {
  const d = new Draft(lines, start, format, 'witness-other');
  d.take(start, 'title');
  const { locks, end } = readLockList(d, start + 1);
  d.report.heldLocks = locks;
  d.detail('check', 'witness_thread_exit');
  d.report.title = `thread exiting with locks held: ${locks.map((l) => l.class).join(', ')}`;
  return finishWithStack(d, end, startsReport, /cannot exit while holding sleeplocks/);
}

function readCouldSleep(
  lines: readonly CleanLine[],
  start: number,
  format: Format,
  startsReport: StartsReport,
): ParsedReport {
  const d = new Draft(lines, start, format, 'sleeping-with-nonsleepable-locks');
  const locks: HeldLock[] = [];
  let j = start;
  let first: RegExpExecArray | null = null;
  for (;;) {
    const m = j < lines.length ? COULD_SLEEP.exec(lines[j]!.text) : null;
    if (!m) break;
    first ??= m;
    locks.push({ index: locks.length, class: m[4]!, address: null, at: `${m[5]}:${m[6]}` });
    d.addClass(m[4]!);
    d.take(j, j === start ? 'title' : 'held-lock', m[4]!);
    j++;
  }
  d.report.heldLocks = locks;
  d.detail('at', `${first![1]}:${first![2]}`);
  d.report.title = `${first![3]} with non-sleepable locks held: ${locks.map((l) => l.class).join(', ')}`;
  return finishWithStack(d, j, startsReport);
}

function readSleepingThread(
  lines: readonly CleanLine[],
  start: number,
  format: Format,
  startsReport: StartsReport,
): ParsedReport {
  const d = new Draft(lines, start, format, 'witness-other');
  const m = SLEEPING_THREAD.exec(lines[start]!.text)!;
  d.take(start, 'title');
  d.detail('check', 'propagate_priority');
  d.detail('thread', m[2] ? `pid ${m[2]} tid ${m[1]}` : `tid ${m[1]}`);
  d.report.title = 'sleeping thread owns a non-sleepable lock';
  if (!/owns a non-sleepable lock/.test(lines[start]!.text)) {
    markTruncated(
      d,
      start,
      'The paste ends in the middle of the "Sleeping thread (tid …, pid …) owns a non-sleepable lock" line.',
    );
  }
  return finishWithStack(d, start + 1, startsReport, /^sleeping thread/);
}

function readAssertion(
  lines: readonly CleanLine[],
  start: number,
  format: Format,
  startsReport: StartsReport,
): ParsedReport {
  const d = new Draft(lines, start, format, 'witness-other');
  const text = lines[start]!.text;
  const a = matchAssertion(text)!;
  d.take(start, 'title', a.lock);
  if (a.lock) d.addClass(a.lock, { lockKind: a.lockKind ?? null });
  d.detail('check', a.check);
  if (a.at) d.detail('at', a.at);
  d.report.title = a.title;
  let i = start + 1;
  // "while exclusively locked from kern/vfs_subr.c:123" follows the (un)lock mismatch lines
  const k = nextNonBlank(lines, i);
  if (
    k >= 0 &&
    /^\s*while (?:exclusively|share) locked(?: from \S+:\d+)?\s*$/.test(lines[k]!.text)
  ) {
    d.take(k);
    d.detail('while', lines[k]!.text.trim());
    i = k + 1;
  }
  // the spin lock timeout lists the lock's holder record (witness_display_spinlock)
  const listed = readLockList(d, i);
  if (listed.locks.length > 0) {
    d.report.heldLocks = listed.locks;
    i = listed.end;
  }
  const own = PANIC.exec(text) ? undefined : a.panic;
  return finishWithStack(d, i, startsReport, own);
}
