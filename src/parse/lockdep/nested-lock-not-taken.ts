// print_lock_nested_lock_not_held(): "Nested lock was not taken" — the nest lock's name is printed
// bare (hlock->nest_lock->name) and can be garbage; the backtrace is printed twice.
import type { Report } from '../../model/types';
import { bareTitle, checkComplete, fillCommon, finish, type ReportBuilder } from './builder';
import { fromFrames, fromLock, pickGuiltyFunction } from './guilty-function';
import { printedAt } from './lock-section';

export function assembleNestedLock(b: ReportBuilder): Report {
  fillCommon(b);
  const lock = printedAt(b.section('try-lock'));
  if (lock) b.addClass(lock.lock, lock.line);
  const nh = b.section('not-holding');
  const nest =
    nh?.header?.rest?.trim() || nh?.body.find((l) => l.text.trim() !== '')?.text.trim() || null;
  if (nest) {
    b.detail('nestLock', nest);
    const at = nh!.header?.rest?.trim() ? nh!.line : nh!.body.find((l) => l.text.trim() !== '')!;
    b.addClass(nest, at);
  }
  const fn = pickGuiltyFunction([fromLock(lock?.lock), ...fromFrames(b.report.trace)]);
  b.report.title = fn
    ? `nested lock was not taken in ${fn}`
    : bareTitle(b, 'nested lock was not taken');
  checkComplete(b, ['try-lock', 'not-holding', 'backtrace'], {
    'try-lock': 'the lock being taken',
    'not-holding': 'the nest lock',
    backtrace: 'the stack backtrace',
  });
  return finish(b);
}
