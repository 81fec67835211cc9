// print_irq_inversion_bug(): "possible irq lock inversion dependency detected".
import type { Dependency, Report } from '../../model/types';
import { bareTitle, checkComplete, fillCommon, finish, type ReportBuilder } from './builder';
import { readScenarioInto } from './circular-dependency';
import { fromFrames, fromLock, pickGuiltyFunction } from './guilty-function';
import { lockIn, printedAt } from './lock-section';
import { pathDependencies, readClassTree, type ClassNode } from './usage-trace';

export function assembleIrqInversion(b: ReportBuilder): Report {
  fillCommon(b);
  const changed = printedAt(b.section('changed'));
  if (changed) b.addClass(changed.lock, changed.line);
  const otherSection = b.section('other-lock');
  const other = lockIn(otherSection);
  if (other) b.addClass(other.lock, other.line);
  // "but this lock took another, HARDIRQ-unsafe lock" (forwards) / "was taken by another, …-safe lock" (backwards)
  const forwards = otherSection?.header?.data !== 'backwards';
  b.detail('irqClass', otherSection?.header?.irqClass);
  b.detail('direction', otherSection ? (forwards ? 'forwards' : 'backwards') : null);

  const deps: Dependency[] = [];
  const nodes: ClassNode[] = [];
  for (const s of b.sections('dependency-path'))
    for (const n of readClassTree(s.body)) nodes.push(n);
  const trees = b.sections('dependency-tree').map((s) => readClassTree(s.body));
  for (const n of [...nodes, ...trees.flat()]) b.addClass(n, n.line, 'lock');
  for (const d of pathDependencies(nodes, forwards ? 'forward' : 'backward')) deps.push(d);
  for (const t of trees) for (const d of pathDependencies(t, 'forward')) deps.push(d);
  if (deps.length === 0 && changed && other) {
    deps.push(
      forwards
        ? {
            prev: changed.lock.name,
            next: other.lock.name,
            trace: [],
            chainEntry: null,
            isNew: false,
          }
        : {
            prev: other.lock.name,
            next: changed.lock.name,
            trace: [],
            chainEntry: null,
            isNew: false,
          },
    );
  }
  b.report.dependencies = deps;
  readScenarioInto(b, 'irq');
  const fn = pickGuiltyFunction([fromLock(changed?.lock), ...fromFrames(b.report.trace)]);
  b.report.title = fn
    ? `possible deadlock in ${fn}`
    : bareTitle(b, 'possible irq lock inversion dependency detected');
  checkComplete(b, ['changed', 'other-lock', 'held', 'backtrace'], {
    changed: 'the lock whose state changed',
    'other-lock': 'the other lock',
    held: 'the held-locks section',
    backtrace: 'the stack backtrace',
  });
  return finish(b);
}
