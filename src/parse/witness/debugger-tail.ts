// What follows a WITNESS message on the console: the panic preamble (vpanic: "cpuid = ",
// "time = ", kdb_backtrace), kdb_enter ("KDB: enter:", "[ thread pid ]", "Stopped at"), and a
// DDB transcript (db_command: "db> bt", "ddb{0}> show all locks") that tells whose locks and stack.
import type { HeldLock } from '../../model/types';
import type { CleanLine } from '../clean/types';
import { nextNonBlank, type Draft } from './draft';
import { MAX_LINE, parseListedLockLine, type ListedLock } from './lock-line';
import {
  ALLLOCKS_PROCESS,
  CPUID,
  DDB_PROMPT,
  DEBUGGER_CALL,
  KDB_ENTER,
  OPENBSD_DDB_BLURB,
  PANIC,
  PANIC_TIME,
  PROC_TABLE_HEADER,
  PROC_TABLE_ROW,
  STACK_HEADER,
  STOPPED_AT,
  THREAD_PID,
} from './patterns';
import { isFrameLine, readTrace, sectionHeader } from './trace';

export interface TailOptions {
  /** the panic message that belongs to this report ("witness_warn"); any other panic ends it */
  panic?: RegExp;
  /** does a new WITNESS report start at lines[i]? (the tail never swallows one) */
  startsReport: (lines: readonly CleanLine[], i: number) => boolean;
}

// DDB commands whose output is read; "c", "reset", "reboot" end the debugger session.
const TRACE_COMMAND = /^(?:trace|bt|where|t)(?:\s|\/|$)/;
const LOCKS_COMMAND = /^show\s+(?:all\s*locks|alllocks|locks)\b/;
const PS_COMMAND = /^ps\b/;
const LEAVE_COMMAND = /^(?:c|cont|continue|reset|reboot|boot\b.*|call\s+.*|panic)\s*$/;
// How far an unread command's output may run before the next prompt (else the transcript ended).
const MAX_UNREAD_OUTPUT = 600;

/** Reads the tail starting at lines[i]; returns the index just past it (i when there is none). */
export function readDebuggerTail(
  lines: readonly CleanLine[],
  i: number,
  draft: Draft,
  opts: TailOptions,
): number {
  let j = i;
  let end = i;
  let panicked = false;
  const r = draft.report;
  while (j < lines.length) {
    const k = nextNonBlank(lines, j, 4);
    if (k < 0 || opts.startsReport(lines, k)) break;
    const text = lines[k]!.text;
    if (text.length > MAX_LINE) break;
    let m: RegExpExecArray | null;
    let h: ReturnType<typeof sectionHeader>;
    if ((m = PANIC.exec(text))) {
      if (!opts.panic || panicked || !opts.panic.test(m[1]!)) break;
      panicked = true;
      draft.detail('panic', m[1]!.trim());
      draft.take(k);
      j = end = k + 1;
    } else if (
      CPUID.test(text) ||
      PANIC_TIME.test(text) ||
      OPENBSD_DDB_BLURB.test(text) ||
      DEBUGGER_CALL.test(text)
    ) {
      draft.take(k);
      j = end = k + 1;
    } else if ((h = sectionHeader(STACK_HEADER, text))) {
      draft.take(k);
      const t = readTrace(lines, k + 1, draft, null, h.glued);
      if (r.trace.length === 0) r.trace = t.frames;
      j = end = Math.max(t.end, k + 1);
    } else if ((m = KDB_ENTER.exec(text))) {
      draft.detail('kdbEnter', m[1]!.trim());
      draft.take(k);
      j = end = k + 1;
    } else if ((m = THREAD_PID.exec(text))) {
      draft.detail('thread', `pid ${m[1]} tid ${m[2]}`);
      draft.take(k, 'task');
      j = end = k + 1;
    } else if (STOPPED_AT.test(text)) {
      draft.take(k);
      j = end = k + 1;
    } else if (PROC_TABLE_HEADER.test(text)) {
      j = end = readProcessTable(lines, k, draft);
    } else if (isFrameLine(text)) {
      // OpenBSD prints the panicking thread's trace straight after the process table
      const t = readTrace(lines, k, draft);
      if (r.trace.length === 0) r.trace = t.frames;
      j = end = t.end;
    } else if ((m = DDB_PROMPT.exec(text))) {
      draft.take(k);
      const command = m[1]!.trim();
      if (LEAVE_COMMAND.test(command)) {
        end = k + 1;
        break;
      }
      j = end = readCommandOutput(lines, k + 1, command, draft, opts);
    } else break;
  }
  return end;
}

function readCommandOutput(
  lines: readonly CleanLine[],
  i: number,
  command: string,
  draft: Draft,
  opts: TailOptions,
): number {
  const r = draft.report;
  if (TRACE_COMMAND.test(command)) {
    const t = readTrace(lines, i, draft);
    if (r.trace.length === 0) r.trace = t.frames;
    return t.end;
  }
  if (LOCKS_COMMAND.test(command)) return readLockLists(lines, i, draft);
  if (PS_COMMAND.test(command)) return readProcessTable(lines, i, draft);
  // Other output (show registers, show malloc…) belongs to the session if another prompt (or the
  // end of the paste) follows soon enough.
  for (let j = i; j <= lines.length && j - i < MAX_UNREAD_OUTPUT; j++) {
    if (j === lines.length || DDB_PROMPT.test(lines[j]!.text)) {
      for (let k = i; k < j; k++) if (lines[k]!.text.trim() !== '') draft.take(k);
      return j;
    }
    if (opts.startsReport(lines, j)) return i;
  }
  return i;
}

/** "Process N (comm) thread 0x… (tid)" blocks with lock lines and OpenBSD lock-site frames. */
function readLockLists(lines: readonly CleanLine[], i: number, draft: Draft): number {
  const r = draft.report;
  const wantTid = /tid (\d+)/.exec(r.details?.thread ?? '')?.[1] ?? null;
  let current: { pid: number; comm: string; tid: string } | null = null;
  let chosen: ListedLock[] | null = null;
  let list: ListedLock[] = [];
  let j = i;
  const close = () => {
    if (list.length === 0) return;
    // the thread the report is about when it is known, else the first one listed
    if (chosen === null || (wantTid !== null && current?.tid === wantTid)) {
      chosen = list;
      if (current && (r.task === null || current.tid === wantTid))
        r.task = { comm: current.comm, pid: current.pid };
    }
  };
  while (j < lines.length) {
    const text = lines[j]!.text;
    const p = ALLLOCKS_PROCESS.exec(text);
    const lock = p ? null : parseListedLockLine(text);
    if (p) {
      close();
      current = { pid: Number(p[1]), comm: p[2]!, tid: p[4]! };
      list = [];
      draft.take(j, 'task');
    } else if (lock) {
      list.push(lock);
      draft.take(j, 'held-lock', lock.name);
    } else if (text.trim() === '') {
      const k = nextNonBlank(lines, j, 3);
      if (k < 0 || !(ALLLOCKS_PROCESS.test(lines[k]!.text) || parseListedLockLine(lines[k]!.text)))
        break;
    } else if (isFrameLine(text)) draft.take(j, 'frame');
    else break;
    j++;
  }
  close();
  if (chosen !== null && r.heldLocks === null)
    r.heldLocks = (chosen as ListedLock[]).map((lock, n) => heldLock(n, lock, draft));
  return j;
}

/** A held-lock entry, its lock class added to the report (every class reference names one). */
export function heldLock(index: number, lock: ListedLock, draft: Draft): HeldLock {
  // "exclusive sleep mutex NAME (TYPE) r = 0 …": the class is NAME, as on the 1st/2nd lines
  draft.addClass(lock.name, { witnessType: lock.type, lockKind: lock.lockClass });
  return {
    index,
    class: lock.name,
    address: lock.address,
    at: lock.file !== null ? `${lock.file}:${lock.line}` : null,
  };
}

/** OpenBSD's process tables ("TID PID UID … COMMAND" after a panic, "PID TID PPID … COMMAND" from ps): "*" marks curproc. */
function readProcessTable(lines: readonly CleanLine[], i: number, draft: Draft): number {
  let j = i;
  let pidColumn = 1;
  const header = lines[j] && PROC_TABLE_HEADER.test(lines[j]!.text) ? lines[j]!.text : null;
  if (header) {
    pidColumn = /^\s*TID/.test(header) ? 2 : 1;
    draft.take(j);
    j++;
  }
  while (j < lines.length) {
    const text = lines[j]!.text;
    const m = text.length <= MAX_LINE ? PROC_TABLE_ROW.exec(text) : null;
    if (!m) break;
    if (m[1] === '*' && draft.report.task === null) {
      const pid = Number(pidColumn === 2 ? m[3] : m[2]);
      draft.report.task = { comm: m[4]!, pid };
      draft.take(j, 'task');
    } else draft.take(j);
    j++;
  }
  return j;
}
