// kernel/hung_task.c check_hung_task() / hung_task_info(): the head the hung-task detector prints
// before debug_show_all_locks(): "INFO: task X:pid blocked for more than N seconds.", the taint and
// release, "echo 0 > …", sched_show_task() (the task line and its call trace) and, 6.16+
// (CONFIG_DETECT_HUNG_TASK_BLOCKER), who holds what the task waits for, with that task's stack.
import type { Task } from '../../model/types';
import type { CleanLine } from '../clean/types';
import { isTraceLine } from './content';
import { logicalLineAt, type LogicalLine } from './logical-lines';
import { readFrames, type FrameAt } from './trace';

// comm may hold ':' ("kworker/u8:2"): the pid is the digits after the last one.
// 6.x may say "blocked in I/O wait for more than" (t->in_iowait). A flattened report keeps the
// next line glued on: "… 140 seconds. Not tainted 4.14.0 #3".
export const HUNG_TITLE =
  /^\s*INFO: task (.{1,64}):(\d{1,9}) blocked( in I\/O wait)? for more than (\d{1,12}) seconds\.?(?:\s|$)/;
// pr_err("      %s %s %.*s\n", print_tainted(), release, build): "Not tainted 6.1.0 #1",
// "Tainted: G        W          6.1.0 #1"; syzbot's kernels print "Not tainted syzkaller #0".
const IDENT = /^\s*(Not tainted|Tainted:[ A-Z]{0,40}?)\s+(\S{1,100})\s+(#\S{1,40})\s*$/;
const COREDUMP = /^\s*Blocked by coredump\.?\s*$/;
const ECHO =
  /^\s*"echo 0 > \/proc\/sys\/kernel\/hung_task_timeout_secs" disables this message\.?\s*$/;
const SUPPRESSED = /^\s*Future hung task reports are suppressed/;
// ≤ 4.x show_stack() dumped the stack's words before the trace: " ffff88007b4a3d28 ffff88007c8a6e00 …";
// a line ending in an address looks mailer-cut to the cleaner, which glues the unindented
// "Call Trace:" after it
const STACK_WORDS = /^\s*[0-9a-f]{8,16}(?:\s+[0-9a-f]{8,16}){0,7}(?:\s+Call [Tt]race:)?\s*$/;
// sched_show_task() since 5.10: "task:kworker/u8:2    state:D stack:0     pid:123   ppid:2 …"
const TASK_LINE = /^\s*task:(.{1,15}?)\s+state:(\S)(?:.*?\spid:\s*(\d{1,9}))?/;
// before 5.10: "%-15.15s %c" then the saved pc (≤ 4.13, 8 or 16 hex digits) or the free stack
// glued to the state ("D23208"), then pid, ppid and flags: "kworker/u8:2    D ffff88003fc13f40     0   123      2 0x00000000"
const OLD_TASK_TAIL =
  /^\s{1,20}(?:([A-Za-z])\s*(?:[0-9a-f]{8,16}\s+)?|running task\s+|running\s+)(\d{1,12})\s+(\d{1,9})\s+(\d{1,9})\s+0x[0-9a-f]{1,16}\s*$/;
// debug_show_blocker(): "INFO: task A:1 is blocked on a mutex likely owned by task B:2.",
// "… blocked on a semaphore likely last held by task B:2", "INFO: task A:1 <writer> blocked on
// an rw-semaphore likely owned by task B:2 <reader>", "… but the owner is not found."
const BLOCKER =
  /^\s*INFO: task (.{1,64}?):(\d{1,9}) (?:<\w+> )?(?:is )?blocked on (a mutex|a semaphore|an rw-semaphore)(?: likely (?:owned|last held) by task (.{1,64}):(\d{1,9})(?: <\w+>)?\.?|, but the (?:owner|last holder) is not found\.?)\s*$/;

export interface ShownTask {
  task: Task;
  /** the sched_show_task() line, when printed */
  line: LogicalLine | null;
  /** the state letter: "D" */
  state: string | null;
  frames: FrameAt[];
}

export interface HungTaskHead {
  titleLine: LogicalLine;
  headline: string;
  task: Task;
  seconds: string;
  inIoWait: boolean;
  ident: { release: string; build: string; taint: string; line: LogicalLine } | null;
  coredump: LogicalLine | null;
  /** the blocked task as sched_show_task() showed it */
  shown: ShownTask;
  blocker: {
    line: LogicalLine;
    lockType: string;
    /** the likely owner with its own sched_show_task(); null when "the owner is not found" */
    owner: ShownTask | null;
  } | null;
  /** index just past the head's last line */
  end: number;
  /** the first line after the head that is not blank (the lock dump, when it follows), or the end */
  next: number;
  /** the input ran out inside the head */
  ranOut: boolean;
}

export function hungTaskTitle(text: string): RegExpExecArray | null {
  if (text.length > 300 || !text.includes('INFO: task ')) return null;
  return HUNG_TITLE.exec(text);
}

/** "kworker/u8:2    D ffff…     0   123      2 0x00000000" for a task whose comm we know. */
function oldTaskLine(text: string, comm: string): { state: string | null } | null {
  const t = text.trimStart();
  const c = comm.slice(0, 15);
  if (!t.startsWith(c)) return null;
  const m = OLD_TASK_TAIL.exec(t.slice(c.length));
  return m ? { state: m[1] ?? 'R' } : null;
}

/** Read the head whose title is lines[start] (hungTaskTitle said yes). */
export function readHungTaskHead(lines: readonly CleanLine[], start: number): HungTaskHead {
  const titleLine = logicalLineAt(lines, start);
  const m = hungTaskTitle(titleLine.text)!;
  const task: Task = { comm: m[1]!, pid: Number(m[2]) };
  const head: HungTaskHead = {
    titleLine,
    headline: m[0].trim(),
    task,
    seconds: m[4]!,
    inIoWait: m[3] !== undefined,
    ident: null,
    coredump: null,
    shown: { task, line: null, state: null, frames: [] },
    blocker: null,
    end: titleLine.to + 1,
    next: titleLine.to + 1,
    ranOut: false,
  };
  let current = head.shown; // whose stack the trace lines belong to
  let traceLines: LogicalLine[] = [];
  const closeTrace = () => {
    current.frames.push(...readFrames(traceLines));
    traceLines = [];
  };
  let j = titleLine.to + 1;
  let blanks = 0;
  while (j < lines.length) {
    const l = logicalLineAt(lines, j);
    const text = l.text;
    if (text.trim() === '') {
      // sched_show_task() prints no blank line: a run of them ends the head
      if (++blanks >= 3) break;
      j = l.to + 1;
      continue;
    }
    blanks = 0;
    const beforeTask = current === head.shown && !current.line && traceLines.length === 0;
    const ident = beforeTask && !head.ident ? IDENT.exec(text) : null;
    if (ident) {
      head.ident = { taint: ident[1]!.trim(), release: ident[2]!, build: ident[3]!, line: l };
    } else if (beforeTask && COREDUMP.test(text)) {
      head.coredump = l;
    } else if (beforeTask && ECHO.test(text)) {
      // (nothing to keep)
    } else if (!current.line && traceLines.length === 0 && isTaskLine(text, current)) {
      current.line = l;
    } else if (head.blocker === null && current === head.shown && BLOCKER.test(text)) {
      closeTrace();
      const b = BLOCKER.exec(text)!;
      const owner: ShownTask | null = b[4]
        ? { task: { comm: b[4], pid: Number(b[5]) }, line: null, state: null, frames: [] }
        : null;
      head.blocker = { line: l, lockType: b[3]!.replace(/^an? /, ''), owner };
      if (owner) current = owner;
    } else if (SUPPRESSED.test(text)) {
      // pr_info() after the last report the sysctl allows
    } else if (isTraceLine(text) || (current.line && STACK_WORDS.test(text))) {
      traceLines.push(l);
    } else {
      break;
    }
    head.end = l.to + 1;
    j = l.to + 1;
  }
  closeTrace();
  head.ranOut = j >= lines.length;
  // the first non-blank line after the head
  let k = head.end;
  while (k < lines.length && lines[k]!.text.trim() === '') k++;
  head.next = k;
  return head;
}

function isTaskLine(text: string, shown: ShownTask): boolean {
  const m = TASK_LINE.exec(text);
  if (m) {
    // the comm is cut to 15 characters and padded
    if (!shown.task.comm.startsWith(m[1]!.trim()) || (m[3] && Number(m[3]) !== shown.task.pid))
      return false;
    shown.state = m[2]!;
    return true;
  }
  const old = oldTaskLine(text, shown.task.comm);
  if (old) shown.state = old.state;
  return old !== null;
}
