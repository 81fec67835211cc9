// lockdep_sys_exit(): "lock held when returning to user space!" — held locks only, no backtrace.
import type { Report } from '../../model/types';
import { bareTitle, checkComplete, fillCommon, finish, type ReportBuilder } from './builder';
import { pickGuiltyFunction } from './guilty-function';
import { readHeldLocks } from './held-locks';

export function assembleReturnToUser(b: ReportBuilder): Report {
  fillCommon(b);
  const held = b.section('held');
  const entries = held ? readHeldLocks(held).entries : [];
  const fn = pickGuiltyFunction(entries.map((e) => ({ function: e.lock?.atFunction ?? null, weak: e.lock?.atInline })));
  b.report.title = fn ? `lock held when returning to user space in ${fn}` : bareTitle(b, 'lock held when returning to user space');
  checkComplete(b, ['leaving', 'held'], { leaving: 'the leaving task', held: 'the held-locks section' });
  return finish(b);
}
