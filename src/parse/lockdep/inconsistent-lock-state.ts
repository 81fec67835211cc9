// print_usage_bug(): "inconsistent lock state" ("inconsistent {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W} usage.").
import type { Report } from '../../model/types';
import { bareTitle, checkComplete, fillCommon, finish, type ReportBuilder } from './builder';
import { readScenarioInto } from './circular-dependency';
import { fromFrames, fromLock, pickGuiltyFunction } from './guilty-function';
import { readIrqStamp } from './irq-stamp';
import { printedAt } from './lock-section';
import { readUsageTrace } from './usage-trace';

export function assembleInconsistent(b: ReportBuilder): Report {
  fillCommon(b);
  const usage = b.section('inconsistent-usage');
  if (usage?.header) {
    b.detail('usageChange', `{${usage.header.data}} -> {${usage.header.data2}}`);
    if (usage.line) b.span(usage.line, 'other', null);
  }
  const takes = b.section('takes');
  b.detail('irqFlags', takes?.header?.data2);
  const lock = printedAt(takes);
  if (lock) b.addClass(lock.lock, lock.line);
  const reg = b.section('usage-trace');
  if (reg) {
    const frames = readUsageTrace(reg.body);
    b.detail('registeredUsage', reg.header?.data);
    const fn = pickGuiltyFunction(fromFrames(frames));
    b.detail('registeredAt', fn);
  }
  const stampSection = b.section('irq-stamp');
  if (stampSection) {
    const stamp = readIrqStamp(stampSection);
    b.detail('irqEventStamp', stamp.stamp);
    for (const [k, v] of Object.entries(stamp.events)) b.detail(k, v);
    for (const l of stamp.lines) b.span(l, 'irq-stamp', null);
  }
  readScenarioInto(b, 'single');
  const fn = pickGuiltyFunction([fromLock(lock?.lock), ...fromFrames(b.report.trace)]);
  b.report.title = fn
    ? `inconsistent lock state in ${fn}`
    : bareTitle(b, 'inconsistent lock state');
  checkComplete(b, ['inconsistent-usage', 'takes', 'usage-trace', 'held', 'backtrace'], {
    'inconsistent-usage': 'the "inconsistent {…} -> {…} usage" line',
    takes: 'the lock taken',
    'usage-trace': 'the trace where the earlier usage was registered',
    held: 'the held-locks section',
    backtrace: 'the stack backtrace',
  });
  return finish(b);
}
