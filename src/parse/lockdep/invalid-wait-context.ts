// print_lock_invalid_wait_context(): "[ BUG: Invalid wait context ]" (bracketed in every version).
import type { Report } from '../../model/types';
import { bareTitle, checkComplete, fillCommon, finish, type ReportBuilder } from './builder';
import { fromFrames, fromLock, pickGuiltyFunction } from './guilty-function';
import { printedAt } from './lock-section';

export function assembleInvalidWaitContext(b: ReportBuilder): Report {
  fillCommon(b);
  const lock = printedAt(b.section('try-lock'));
  if (lock) b.addClass(lock.lock, lock.line);
  // task_wait_context(): {2:2} hardirq, LD_WAIT_CONFIG softirq/threaded irq, LD_WAIT_MAX task context
  const ctx = b.section('context');
  b.detail('context', ctx?.header?.data);
  if (ctx?.line) b.span(ctx.line, 'other', null);
  const fn = pickGuiltyFunction([fromLock(lock?.lock), ...fromFrames(b.report.trace)]);
  b.report.title = fn ? `invalid wait context in ${fn}` : bareTitle(b, 'invalid wait context');
  checkComplete(b, ['try-lock', 'held', 'backtrace'], {
    'try-lock': 'the lock being taken',
    held: 'the held-locks section',
    backtrace: 'the stack backtrace',
  });
  return finish(b);
}
