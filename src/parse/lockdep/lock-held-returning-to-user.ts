// lockdep_sys_exit(): "lock held when returning to user space!" — held locks only, no backtrace.
import type { Report } from '../../model/types';
import { bareTitle, checkComplete, fillCommon, finish, type ReportBuilder } from './builder';
import { fromLock, pickGuiltyFunction } from './guilty-function';
import { readHeldLocks } from './held-locks';

export function assembleReturnToUser(b: ReportBuilder): Report {
  fillCommon(b);
  const held = b.section('held');
  const entries = held ? readHeldLocks(held).entries : [];
  const fn = pickGuiltyFunction(entries.map((e) => fromLock(e.lock)));
  b.report.title = fn
    ? `lock held when returning to user space in ${fn}`
    : bareTitle(b, 'lock held when returning to user space');
  checkComplete(b, ['leaving', 'held'], {
    leaving: 'the leaving task',
    held: 'the held-locks section',
  });
  return finish(b);
}
