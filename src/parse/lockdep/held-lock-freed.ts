// print_freed_lock_bug(): "held lock freed!" — "%s/%d is freeing memory %px-%px, with a lock still held there!"
import type { Report } from '../../model/types';
import { bareTitle, checkComplete, fillCommon, finish, type ReportBuilder } from './builder';
import { fromFrames, fromLock, pickGuiltyFunction } from './guilty-function';
import { printedAt } from './lock-section';
import { baseFunction } from './trace';

export function assembleHeldLockFreed(b: ReportBuilder): Report {
  fillCommon(b);
  const freeing = b.section('freeing');
  b.detail('freedRange', freeing?.header?.data);
  const lock = printedAt(freeing);
  if (lock) b.addClass(lock.lock, lock.line);
  // syzkaller names it after the freed lock's at: site as printed, machinery or not
  // ("held lock freed in __flush_workqueue"); the backtrace only when that is missing
  const at =
    lock && !lock.lock.atInline && !lock.lock.atBare && lock.lock.atFunction
      ? baseFunction(lock.lock.atFunction)
      : null;
  const fn = at ?? pickGuiltyFunction([fromLock(lock?.lock), ...fromFrames(b.report.trace)]);
  b.report.title = fn ? `held lock freed in ${fn}` : bareTitle(b, 'held lock freed');
  checkComplete(b, ['freeing', 'held', 'backtrace'], {
    freeing: 'the freed lock',
    held: 'the held-locks section',
    backtrace: 'the stack backtrace',
  });
  return finish(b);
}
