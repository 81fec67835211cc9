// debug_show_all_locks(): "Showing all locks held in the system:" then one held-locks list per
// task (running tasks print the count only) and a closing rule of '='. Nodes, no edges.
import type { HeldLock, Report } from '../../model/types';
import { fillCommon, finish, type ReportBuilder } from './builder';
import { readHeldLocks } from './held-locks';
import { formatTask } from './task';

export function assembleShowAllLocks(b: ReportBuilder): Report {
  readShowAllLocks(b);
  return finish(b);
}

/** Everything but finish(): the hung-task head (hung-task.ts) fills in the rest. */
export function readShowAllLocks(b: ReportBuilder): void {
  fillCommon(b, { heldOfTask: false });
  b.report.task = null;
  const all: HeldLock[] = [];
  let tasks = 0;
  for (const s of b.sections('held')) {
    const held = readHeldLocks(s);
    tasks++;
    if (s.line) b.span(s.line, 'held-lock', held.task ? formatTask(held.task) : null);
    for (const e of held.entries) {
      all.push(held.task ? { ...e.held, task: held.task } : e.held);
      if (e.lock) b.addClass(e.lock, e.line, 'held-lock');
    }
  }
  const start = b.section('show-all');
  if (start?.line) b.span(start.line, 'title', null);
  b.report.heldLocks = all;
  b.detail('tasks', String(tasks));
  b.report.title = `locks held in the system (${tasks} task${tasks === 1 ? '' : 's'}, ${all.length} lock${all.length === 1 ? '' : 's'})`;
  if (start && (b.rl.stop.reason === 'input' || b.rl.stop.reason === 'gap')) {
    b.diag(
      null,
      'info',
      'the closing ==== rule of the list is missing: the list may be incomplete',
    );
  }
}
