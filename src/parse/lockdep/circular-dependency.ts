// print_circular_bug(): "possible circular locking dependency detected".
import type { Report } from '../../model/types';
import { checkComplete, fillCommon, finish, type ReportBuilder, bareTitle } from './builder';
import { readChainSummary } from './chain-summary';
import { chainDependencies, describeMissing, readChain } from './dependency-chain';
import { fromFrames, fromLock, pickGuiltyFunction } from './guilty-function';
import { printedAt } from './lock-section';
import { readScenario } from './scenario';

export const CIRCULAR_SECTIONS = {
  acquire: 'the lock being acquired',
  holding: 'the lock already held',
  chain: 'the dependency chain',
  'other-info': '"other info that might help us debug this"',
  held: 'the held-locks section',
  backtrace: 'the stack backtrace',
};

export function assembleCircular(b: ReportBuilder): Report {
  fillCommon(b);
  const acq = printedAt(b.section('acquire'));
  const hold = printedAt(b.section('holding'));
  if (acq) b.addClass(acq.lock, acq.line);
  if (hold) b.addClass(hold.lock, hold.line);

  const chain = readChain(b.rl.sections);
  // printed order (#N first) for the classes list; ascending for the cycle
  for (const e of [...chain.entries].reverse()) {
    b.addClass(e, e.line, 'chain-entry');
  }
  const deps = chainDependencies(chain, hold?.lock.name ?? null);
  // by k, not entries.find() per dependency: a 12,000-entry chain made that quadratic
  const entryByK = new Map(chain.entries.map((e) => [e.k, e]));
  for (const d of deps) {
    const e = d.chainEntry === null ? undefined : entryByK.get(d.chainEntry);
    if (!e) continue;
    const ref = `${d.prev} -> ${d.next}`;
    for (const l of e.frameLines) b.span(l, 'frame', ref);
  }
  const hasZero = chain.entries.some((e) => e.k === 0);
  if (!hasZero && acq && hold) {
    deps.push({
      prev: hold.lock.name,
      next: acq.lock.name,
      trace: b.report.trace,
      chainEntry: null,
      isNew: true,
    });
  }
  b.report.dependencies = deps;

  const missing = describeMissing(chain);
  if (chain.entries.length > 0 && chain.missing.length === 0 && chain.top >= 1) {
    b.report.cycle = chain.entries.map((e) => e.name);
  } else if (chain.entries.length > 0) {
    // partial chain: the header's two locks stand in for #0 and #N
    const names: string[] = [];
    const zero = chain.entries.find((e) => e.k === 0)?.name ?? acq?.lock.name;
    if (zero) names.push(zero);
    for (const e of chain.entries) if (e.k > 0) names.push(e.name);
    if (hold && names[names.length - 1] !== hold.lock.name) names.push(hold.lock.name);
    b.report.cycle = [...new Set(names)];
    if (missing)
      b.truncate(
        `${missing}; the cycle is completed from the report's header`,
        chain.entries[0]!.line,
      );
  } else if (acq && hold) {
    b.report.cycle =
      acq.lock.name === hold.lock.name ? [acq.lock.name] : [acq.lock.name, hold.lock.name];
    if (b.has('chain'))
      b.truncate(
        'the dependency chain has no "-> #k" entries: the cycle holds only the two locks of the header',
      );
  }
  if (chain.entries.length > 0) {
    const zero = chain.entries.find((e) => e.k === 0);
    const top = chain.entries.find((e) => e.k === chain.top);
    if (zero && acq && zero.name !== acq.lock.name) {
      b.diag(
        zero.line,
        'warning',
        `chain entry #0 is "${zero.name}" but the lock being acquired is "${acq.lock.name}"`,
      );
    }
    if (top && hold && chain.top >= 1 && top.name !== hold.lock.name) {
      b.diag(
        top.line,
        'warning',
        `chain entry #${top.k} is "${top.name}" but the lock already held is "${hold.lock.name}"`,
      );
    }
  }

  const summarySection = b.section('chain-summary');
  const summary = summarySection ? readChainSummary(summarySection) : null;
  if (summary) {
    b.detail('chainSummary', summary.classes.join(' --> '));
    b.span(summary.line, 'chain-summary', null);
  }
  readScenarioInto(b, 'circular');

  // The candidates in turn: the locks' at: sites, the chain's frames from #N down, the backtrace.
  // Part by part it is the same first pick as one list of them all, without listing every frame
  // of a 12,000-entry chain.
  let fn = pickGuiltyFunction([fromLock(acq?.lock), fromLock(hold?.lock)]);
  for (let i = chain.entries.length - 1; fn === null && i >= 0; i--)
    fn = pickGuiltyFunction(fromFrames(chain.entries[i]!.frames));
  fn ??= pickGuiltyFunction(fromFrames(b.report.trace));
  b.report.title = fn
    ? `possible deadlock in ${fn}`
    : bareTitle(b, 'possible circular locking dependency detected');
  checkComplete(
    b,
    ['acquire', 'holding', 'chain', 'other-info', 'held', 'backtrace'],
    CIRCULAR_SECTIONS,
  );
  return finish(b);
}

export function readScenarioInto(b: ReportBuilder, shape: 'circular' | 'irq' | 'single'): void {
  const s = b.section('scenario');
  if (!s) return;
  const r = readScenario(s.body, shape);
  if (!r) return;
  b.report.scenario = r.scenario;
  r.scenario.steps.forEach((step, i) => b.span(r.lines[i]!, 'scenario', step.class));
  if (r.guessed && r.scenario.cpus.length > 1) {
    b.diag(
      s.line,
      'info',
      'the scenario columns lost their alignment: CPUs were assigned from the usual shape of this table',
    );
  }
  for (const step of r.scenario.steps)
    if (step.class && !b.hasClass(step.class)) b.addClass(step.class);
}
