// lockdep_rcu_suspicious(): "suspicious RCU usage" ("%s:%d %s!"), 2.6.34's
// "suspicious rcu_dereference_check() usage." ("%s:%d invoked rcu_dereference_check() without protection!").
import type { Report } from '../../model/types';
import { bareTitle, checkComplete, fillCommon, finish, type ReportBuilder } from './builder';
import { RCU_SKIP, fromFrames, pickGuiltyFunction } from './guilty-function';

const MESSAGE = /^\s*(\S+:\d+)\s+(.+?)\s*$/;
const ILLEGAL =
  /^\s*(RCU used illegally from [^!]*!|Possible false positive due to lockdep disabling via debug_locks = 0)\s*$/;

export function assembleSuspiciousRcu(b: ReportBuilder): Report {
  fillCommon(b);
  const notes: string[] = [];
  for (const s of b.rl.sections) {
    for (const l of s.body) {
      if (s.type === 'preamble' && !b.report.details!['rcuMessage']) {
        const m = MESSAGE.exec(l.text);
        if (m && !/^\s*(?:CPU|Pid):/.test(l.text)) {
          b.detail('rcuSource', m[1]);
          b.detail('rcuMessage', m[2]);
          b.span(l, 'other', null);
          continue;
        }
      }
      const n = ILLEGAL.exec(l.text);
      if (n) notes.push(n[1]!);
    }
  }
  if (notes.length) b.detail('rcuNotes', notes.join('\n'));
  const st = b.section('rcu-state');
  if (st?.header) {
    b.detail('rcuSchedulerActive', st.header.data);
    b.detail('debugLocks', st.header.data2);
  }
  const fn = pickGuiltyFunction(fromFrames(b.report.trace), RCU_SKIP);
  b.report.title = fn ? `suspicious RCU usage in ${fn}` : bareTitle(b, 'suspicious RCU usage');
  checkComplete(b, ['held', 'backtrace'], {
    held: 'the held-locks section',
    backtrace: 'the stack backtrace',
  });
  return finish(b);
}
