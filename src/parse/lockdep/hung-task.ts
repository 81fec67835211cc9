// kernel/hung_task.c check_hung_task(): the hung-task head read into the lock dump that follows it
// (debug_show_all_locks(), or debug_show_held_locks(t) before 4.10), as one show-all-locks report
// named the way syzkaller names it: "INFO: task hung in <function>".
import type { Frame, Report } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { ParsedReport } from '../format';
import { ReportBuilder, finish } from './builder';
import { fromFrames, pickGuiltyFunction, type SkipList } from './guilty-function';
import { readHungTaskHead, type HungTaskHead, type ShownTask } from './hung-task-head';
import { readReportLines, type ReportLines } from './report-reader';
import { recognizeSection } from './sections';
import { readShowAllLocks } from './show-all-locks';
import { formatTask } from './task';
import { baseFunction } from './trace';

// pkg/report linuxHangTaskFrameExtractor: the wait itself is no culprit (substrings, as there)
const HUNG_SKIP: SkipList = [
  'sched',
  '_lock',
  '_slowlock',
  'down',
  'rwsem',
  'completion',
  'kthread',
  'wait',
  'synchronize',
  'context_switch',
  '__switch_to',
  'cancel_delayed_work',
  'rcu_barrier',
].map((s) => new RegExp(s));

/**
 * The function a hang is named after: hangs on rtnl_lock and on synchronize_rcu() and its kin
 * are grouped under those names, as syzkaller groups them; otherwise the first frame that is
 * neither machinery nor the wait.
 */
export function hungTaskGuiltyFunction(frames: readonly Frame[]): string | null {
  const candidates = fromFrames(frames);
  for (const c of candidates) {
    if (!c.function || c.weak) continue;
    const name = baseFunction(c.function);
    if (name.includes('rtnl_lock')) return name;
    if (/synchronize_(?:rcu|srcu|net|sched)/.test(name)) return 'synchronize_rcu';
  }
  return pickGuiltyFunction(candidates, HUNG_SKIP);
}

/** Where the lock dump after the head starts, or -1 when none follows. */
function dumpAt(lines: readonly CleanLine[], head: HungTaskHead): number {
  if (head.next >= lines.length) return -1;
  const h = recognizeSection(lines[head.next]!.text);
  if (h?.type === 'show-all') return head.next;
  // ≤ 4.9 printed the hung task's own locks only
  if (h?.type === 'held' && h.task?.pid === head.task.pid) return head.next;
  return -1;
}

function emptyLines(start: number, end: number): ReportLines {
  return {
    start,
    end,
    banner: null,
    title: null,
    titleLine: null,
    ident: null,
    identLine: null,
    sections: [],
    foreign: [],
    cuts: [],
    stop: { reason: 'complete', line: null },
  };
}

export function parseHungTask(lines: readonly CleanLine[], start: number): ParsedReport {
  const head = readHungTaskHead(lines, start);
  const at = dumpAt(lines, head);
  let b: ReportBuilder;
  if (at >= 0) {
    const rl = readReportLines(lines, at);
    rl.start = start;
    b = new ReportBuilder(lines, rl, 'show-all-locks');
    readShowAllLocks(b);
  } else {
    b = new ReportBuilder(lines, emptyLines(start, head.end), 'show-all-locks');
    b.diag(
      head.titleLine,
      'info',
      'no lock dump follows this hung-task report (debug_show_all_locks() prints nothing without CONFIG_LOCKDEP, and newer kernels print it once, after the last hung task)',
    );
  }
  fillHead(b, head);
  const report = finish(b);
  return { report, end: Math.max(b.rl.end, start + 1) };
}

function spanShown(b: ReportBuilder, shown: ShownTask): void {
  if (shown.line) b.span(shown.line, 'task', formatTask(shown.task));
  for (const f of shown.frames) b.span(f.line, 'frame', null);
}

function fillHead(b: ReportBuilder, head: HungTaskHead): void {
  const r: Report = b.report;
  r.headline = head.headline;
  r.task = head.task;
  r.trace = head.shown.frames.map((f) => f.frame);
  b.span(head.titleLine, 'title', null);
  spanShown(b, head.shown);
  b.detail('hungSeconds', head.seconds);
  if (head.inIoWait) b.detail('inIoWait', 'true');
  b.detail('state', head.shown.state);
  if (head.ident) {
    r.kernel = head.ident.release;
    b.span(head.ident.line, 'kernel', null);
    b.detail('taint', head.ident.taint);
  }
  if (head.coredump) b.detail('blockedBy', 'coredump');
  if (head.blocker) {
    const { line, lockType, owner } = head.blocker;
    b.span(line, 'other', owner ? formatTask(owner.task) : null);
    b.detail('blocker', line.text.trim());
    b.detail('blockedOn', lockType);
    if (owner) {
      b.detail('blockerTask', formatTask(owner.task));
      b.detail('blockerState', owner.state);
      const fn = hungTaskGuiltyFunction(owner.frames.map((f) => f.frame));
      b.detail('blockerFunction', fn);
      spanShown(b, owner);
    }
  }
  const fn = hungTaskGuiltyFunction(r.trace);
  r.title = fn ? `INFO: task hung in ${fn}` : 'INFO: task hung';
  if (r.trace.length === 0) {
    if (head.ranOut && !r.heldLocks)
      b.truncate(
        `the report stops after line ${b.lastOrigin}: the hung task's call trace is missing`,
      );
    else b.diag(head.titleLine, 'warning', "the hung task's call trace is missing");
  }
}
