// print_deadlock_bug(): "possible recursive locking detected".
import type { Report } from '../../model/types';
import { bareTitle, checkComplete, fillCommon, finish, type ReportBuilder } from './builder';
import { readScenarioInto } from './circular-dependency';
import { fromFrames, fromLock, pickGuiltyFunction } from './guilty-function';
import { printedAt } from './lock-section';

export function assembleRecursive(b: ReportBuilder): Report {
  fillCommon(b);
  const acq = printedAt(b.section('acquire'));
  const hold = printedAt(b.section('holding'));
  if (acq) b.addClass(acq.lock, acq.line);
  if (hold) b.addClass(hold.lock, hold.line);
  const name = acq?.lock.name ?? hold?.lock.name ?? null;
  if (name) {
    b.report.cycle = [name];
    b.report.dependencies = [
      {
        prev: hold?.lock.name ?? name,
        next: name,
        trace: b.report.trace,
        chainEntry: null,
        isNew: true,
      },
    ];
  }
  if (acq && hold && acq.lock.name !== hold.lock.name) {
    b.diag(
      hold.line,
      'warning',
      `the two locks of a recursive-locking report differ: "${acq.lock.name}" and "${hold.lock.name}"`,
    );
  }
  const cmp = b.section('cmp-fn');
  if (cmp) b.detail('comparisonFunctionReturns', cmp.header?.data);
  b.detail(
    'nestingNote',
    b.has('nesting-note') ? 'May be due to missing lock nesting notation' : null,
  );
  readScenarioInto(b, 'single');
  const fn = pickGuiltyFunction([
    fromLock(acq?.lock),
    fromLock(hold?.lock),
    ...fromFrames(b.report.trace),
  ]);
  b.report.title = fn
    ? `possible deadlock in ${fn}`
    : bareTitle(b, 'possible recursive locking detected');
  checkComplete(b, ['acquire', 'holding', 'held', 'backtrace'], {
    acquire: 'the lock being acquired',
    holding: 'the lock already held',
    held: 'the held-locks section',
    backtrace: 'the stack backtrace',
  });
  return finish(b);
}
