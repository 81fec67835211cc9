// print_bad_irq_dependency(): "HARDIRQ-safe -> HARDIRQ-unsafe lock order detected" (and the
// SOFTIRQ, RECLAIM_FS, -READ and 2.6.18 "hard"/"soft" variants).
import type { Dependency, Frame, Report } from '../../model/types';
import { bareTitle, checkComplete, fillCommon, finish, type ReportBuilder } from './builder';
import { readScenarioInto } from './circular-dependency';
import { fromFrames, fromLock, pickGuiltyFunction } from './guilty-function';
import { parseNewDependency } from './lock-line';
import { lockIn, printedAt } from './lock-section';
import { pathDependencies, readClassTree, readUsageTrace } from './usage-trace';

export function assembleSafeToUnsafe(b: ReportBuilder): Report {
  fillCommon(b);
  b.detail('irqClass', b.rl.title?.irqClass);
  const acquire = b.section('acquire');
  b.detail('irqFlags', acquire?.header?.data2);
  const next = printedAt(acquire);
  const prev = printedAt(b.section('holding'));
  if (next) b.addClass(next.lock, next.line);
  if (prev) b.addClass(prev.lock, prev.line);
  const nd = b.section('new-dependency');
  for (const l of nd?.body ?? []) {
    const d = parseNewDependency(l.text);
    if (!d) continue;
    b.addClass(d.prev, l);
    b.addClass(d.next, l);
    b.detail('newDependency', `${d.prev.name} -> ${d.next.name}`);
    break;
  }
  const safe = lockIn(b.section('safe-lock'));
  const unsafe = lockIn(b.section('unsafe-lock'));
  if (safe) b.addClass(safe.lock, safe.line);
  if (unsafe) b.addClass(unsafe.lock, unsafe.line);
  // "connects a HARDIRQ-irq-safe lock: (&dev->event_lock)" / "to a HARDIRQ-irq-unsafe lock: (…)":
  // the two ends of the inversion, which the interrupt scenario is about
  b.detail('safeLock', safe?.lock.name);
  b.detail('unsafeLock', unsafe?.lock.name);
  const safeTraceSection = b.section('safe-trace');
  const unsafeTraceSection = b.section('unsafe-trace');
  const safeTrace: Frame[] = safeTraceSection
    ? readUsageTrace(safeTraceSection.body, safeTraceSection.header?.rest)
    : [];
  const unsafeTrace: Frame[] = unsafeTraceSection
    ? readUsageTrace(unsafeTraceSection.body, unsafeTraceSection.header?.rest)
    : [];

  const deps: Dependency[] = [];
  const prevName = prev?.lock.name ?? null;
  const nextName = next?.lock.name ?? null;
  if (prevName && nextName)
    deps.push({
      prev: prevName,
      next: nextName,
      trace: b.report.trace,
      chainEntry: null,
      isNew: true,
    });
  for (const s of b.sections('dependency-path')) {
    const nodes = readClassTree(s.body);
    for (const n of nodes) b.addClass(n, n.line, 'lock');
    // safe → … → prev was found searching backwards from prev; next → … → unsafe forwards from next
    const dir = s.header?.data === 'safe-to-prev' ? 'backward' : 'forward';
    for (const d of pathDependencies(nodes, dir)) deps.push(d);
  }
  for (const s of b.sections('dependency-tree')) {
    const nodes = readClassTree(s.body);
    for (const n of nodes) b.addClass(n, n.line, 'lock');
    for (const d of pathDependencies(nodes, 'forward')) deps.push(d);
  }
  b.report.dependencies = deps;
  readScenarioInto(b, 'irq');
  const safeFn = pickGuiltyFunction(fromFrames(safeTrace));
  const unsafeFn = pickGuiltyFunction(fromFrames(unsafeTrace));
  b.detail('safeBecameAt', safeFn);
  b.detail('unsafeBecameAt', unsafeFn);
  // syzkaller names it after the irq-safe usage trace; cut reports fall back to the at: sites
  const fn = pickGuiltyFunction([
    ...fromFrames(safeTrace),
    ...fromFrames(unsafeTrace),
    fromLock(next?.lock),
    fromLock(prev?.lock),
    ...fromFrames(b.report.trace),
  ]);
  b.report.title = fn
    ? `possible deadlock in ${fn}`
    : bareTitle(b, 'irq-safe -> irq-unsafe lock order detected');
  checkComplete(b, ['acquire', 'holding', 'safe-lock', 'unsafe-lock', 'held', 'backtrace'], {
    acquire: 'the lock being acquired',
    holding: 'the lock already held',
    'safe-lock': 'the irq-safe lock',
    'unsafe-lock': 'the irq-unsafe lock',
    held: 'the held-locks section',
    backtrace: 'the stack backtrace',
  });
  return finish(b);
}
