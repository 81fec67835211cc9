// print_held_locks_bug(): "%s/%d still has locks held!" (2.6.18: "lock held at task exit time!"
// + "%s/%d is exiting with locks still held!").
import type { Report } from '../../model/types';
import { bareTitle, checkComplete, fillCommon, finish, type ReportBuilder } from './builder';
import { fromFrames, fromLock, pickGuiltyFunction } from './guilty-function';
import { readHeldLocks } from './held-locks';

export function assembleStillHasLocks(b: ReportBuilder): Report {
  fillCommon(b);
  const held = b.section('held');
  const entries = held ? readHeldLocks(held).entries : [];
  const fn = pickGuiltyFunction([
    ...entries.map((e) => fromLock(e.lock)),
    ...fromFrames(b.report.trace),
  ]);
  b.report.title = fn ? `still has locks held in ${fn}` : bareTitle(b, 'still has locks held');
  checkComplete(b, ['held', 'backtrace'], {
    held: 'the held-locks section',
    backtrace: 'the stack backtrace',
  });
  return finish(b);
}
