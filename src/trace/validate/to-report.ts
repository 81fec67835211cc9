// A finding as a Report (format 'lockscope-trace'), carrying in `details` what the lockdep text
// printer needs beyond the common model (the keys are listed in docs/trace-format.md).
import { firstInterestingFrame } from '../../model/frame';
import { emptyReport, scenarioStep as step } from '../../model/report';
import type { Dependency, Report, ScenarioStep, Span, Task } from '../../model/types';
import type { DepEdge, PathNode, Site } from './dependency-graph';
import type { Finding, HeldLock, IrqFlags } from './findings';
import { acquireAt, stackFrames } from './frames';
import type { LockdepState } from './lockdep-state';
import { USAGE_BITS, flag, usageName } from './usage-bits';

export const HEADLINES: Record<Finding['kind'], string> = {
  'circular-dependency': 'WARNING: possible circular locking dependency detected',
  'recursive-locking': 'WARNING: possible recursive locking detected',
  'inconsistent-lock-state': 'WARNING: inconsistent lock state',
  'irq-lock-inversion': 'WARNING: possible irq lock inversion dependency detected',
  'safe-to-unsafe': 'WARNING: %s-safe -> %s-unsafe lock order detected',
};

/** "kworker/0:1-12" (ftrace's comm-pid) -> kworker/0:1, 12; other names get their order of appearance. */
export function taskOf(thread: string, threads: readonly string[]): Task {
  const m = /^(.+)-(\d{1,9})$/.exec(thread);
  if (m) return { comm: m[1]!, pid: Number(m[2]) };
  return { comm: thread, pid: threads.indexOf(thread) + 1 };
}

export function findingToReport(f: Finding, s: LockdepState): Report {
  const threads = [...s.threads.keys()];
  const r = emptyReport('lockscope-trace', f.kind, { start: 1, end: 1 });
  const d: Record<string, string> = {};
  const sites: Site[] = [f.site, ...f.held.map((h) => h.site)];
  const spans: Span[] = [];
  const mark = (site: Site | undefined, role: Span['role'], ref: string | null) => {
    if (!site) return;
    sites.push(site);
    if (site.line !== undefined) spans.push({ line: site.line, role, ref });
  };
  r.task = taskOf(f.thread, threads);
  r.trace = stackFrames(f.site.stack);
  r.headline =
    f.kind === 'safe-to-unsafe'
      ? HEADLINES[f.kind].replaceAll('%s', f.irqClass)
      : HEADLINES[f.kind];
  r.usageEra = 'modern';
  r.heldLocks = f.held.map((h, index) => ({
    index,
    class: h.cls,
    address: h.instance ?? null,
    at: acquireAt(h.site.stack),
  }));
  for (const h of f.held) mark(h.site, 'held-lock', h.cls);
  const setLock = (key: 'acquire' | 'holding', h: HeldLock) => {
    d[`${key}Lock`] = h.cls;
    if (h.instance) d[`${key}Address`] = h.instance;
    const at = acquireAt(h.site.stack);
    if (at) d[`${key}At`] = at;
  };
  const deps: Dependency[] = [];
  const edgeDep = (e: DepEdge, chainEntry: number | null): Dependency => {
    mark(e.site, 'chain-entry', `${e.prev} -> ${e.next}`);
    return {
      prev: e.prev,
      next: e.next,
      trace: stackFrames(e.site.stack),
      chainEntry,
      isNew: false,
    };
  };
  let scenario: ScenarioStep[] = [];
  let cpus = ['CPU0', 'CPU1'];
  let named: string[] = [];

  switch (f.kind) {
    case 'circular-dependency': {
      const cycle = f.path.map((n) => n.cls);
      r.cycle = cycle;
      setLock('acquire', f.next);
      setLock('holding', f.prev);
      for (let k = 1; k < f.path.length; k++) deps.push(edgeDep(f.path[k]!.edge!, k));
      deps.push({ prev: f.prev.cls, next: f.next.cls, trace: r.trace, chainEntry: 0, isNew: true });
      const target = f.prev.cls;
      const parent = cycle[cycle.length - 2]!;
      scenario = [
        step(0, f.prev.mode === 'write' ? 'lock' : 'rlock', target),
        step(1, 'lock', parent),
        step(1, 'lock', target),
        step(0, f.next.mode === 'write' ? 'lock' : 'rlock', f.next.cls),
      ];
      named = cycle;
      r.title = titleOf(
        f.site,
        'possible deadlock in',
        `possible circular locking dependency: ${cycle.join(' -> ')}`,
      );
      break;
    }
    case 'recursive-locking': {
      r.cycle = [f.next.cls];
      setLock('acquire', f.next);
      setLock('holding', f.prev);
      deps.push({
        prev: f.prev.cls,
        next: f.next.cls,
        trace: r.trace,
        chainEntry: null,
        isNew: true,
      });
      cpus = ['CPU0'];
      scenario = [step(0, 'lock', f.prev.cls), step(0, 'lock', f.next.cls)];
      named = [f.next.cls];
      r.title = titleOf(
        f.site,
        'possible deadlock in',
        `possible recursive locking of ${f.next.cls}`,
      );
      break;
    }
    case 'inconsistent-lock-state': {
      setLock('acquire', f.lock);
      d['usageChange'] = `{${usageName(f.prevBit)}} -> {${usageName(f.newBit)}}`;
      d['irqFlags'] = flagsText(f.flags);
      d['registeredUsage'] = usageName(f.prevBit);
      if (f.registered) d['registeredTrace'] = f.registered.stack.join('\n');
      mark(f.registered, 'other', f.lock.cls);
      cpus = ['CPU0'];
      scenario = [
        step(0, 'lock', f.lock.cls),
        step(0, 'interrupt', null),
        step(0, 'lock', f.lock.cls, true),
      ];
      named = [f.lock.cls];
      r.title = titleOf(
        f.site,
        'inconsistent lock state in',
        `inconsistent lock state: ${f.lock.cls}`,
      );
      break;
    }
    case 'irq-lock-inversion': {
      setLock('acquire', f.lock);
      const other = f.path[f.path.length - 1]!.cls;
      d['otherLock'] = other;
      d['irqClass'] = f.irqClass;
      d['direction'] = f.forwards ? 'forwards' : 'backwards';
      d['path'] = f.path.map((n) => n.cls).join('\n');
      for (const n of f.path.slice(1)) deps.push(edgeDep(n.edge!, null));
      const middle = f.path[1]!.cls;
      const [safe, unsafe] = f.forwards ? [f.lock.cls, other] : [other, f.lock.cls];
      scenario = irqScenario(safe, unsafe, f.forwards ? middle : middle === safe ? unsafe : middle);
      named = f.path.map((n) => n.cls);
      addUsageTraces(d, s, named);
      r.title = titleOf(
        f.site,
        'possible deadlock in',
        `possible irq lock inversion: ${safe} and ${unsafe}`,
      );
      break;
    }
    case 'safe-to-unsafe': {
      setLock('acquire', f.next);
      setLock('holding', f.prev);
      d['irqClass'] = f.irqClass;
      d['irqFlags'] = flagsText(f.flags);
      d['newDependency'] = `${f.prev.cls} -> ${f.next.cls}`;
      d['safeLock'] = f.safe;
      d['unsafeLock'] = f.unsafe;
      d['safeUsage'] = usageName(f.safeBit);
      d['unsafeUsage'] = usageName(f.unsafeBit);
      if (f.safeSite) d['safeTrace'] = f.safeSite.stack.join('\n');
      if (f.unsafeSite) d['unsafeTrace'] = f.unsafeSite.stack.join('\n');
      mark(f.safeSite, 'other', f.safe);
      mark(f.unsafeSite, 'other', f.unsafe);
      d['safePath'] = pathNames(f.backPath);
      d['unsafePath'] = pathNames(f.forwardPath);
      deps.push({
        prev: f.prev.cls,
        next: f.next.cls,
        trace: r.trace,
        chainEntry: null,
        isNew: true,
      });
      for (const n of [...f.backPath.slice(1), ...f.forwardPath.slice(1)])
        deps.push(edgeDep(n.edge!, null));
      const middle = f.prev.cls === f.safe ? f.next.cls : f.prev.cls;
      scenario = irqScenario(f.safe, f.unsafe, middle);
      named = [
        f.next.cls,
        f.prev.cls,
        f.safe,
        f.unsafe,
        ...f.backPath.map((n) => n.cls),
        ...f.forwardPath.map((n) => n.cls),
      ];
      addUsageTraces(
        d,
        s,
        [...f.backPath, ...f.forwardPath].map((n) => n.cls),
      );
      r.title = titleOf(
        f.site,
        'possible deadlock in',
        `${f.irqClass}-safe -> ${f.irqClass}-unsafe: ${f.safe} -> ${f.unsafe}`,
      );
      break;
    }
  }
  mark(f.site, 'lock', named[0] ?? null);
  r.dependencies = deps;
  r.scenario = { cpus, steps: scenario };
  const seen = new Set<string>();
  for (const name of [...named, ...f.held.map((h) => h.cls)]) {
    if (seen.has(name)) continue;
    seen.add(name);
    r.classes.push({ name, usage: f.usage.get(name) ?? usageOfNow(s, name), waitType: null });
  }
  r.details = d;
  const lines = sites.map((x) => x.line).filter((l): l is number => l !== undefined);
  if (lines.length > 0) r.lines = { start: Math.min(...lines), end: Math.max(...lines) };
  r.spans = spans.sort((a, b) => a.line - b.line);
  return r;
}

/** print_irq_lock_scenario() */
function irqScenario(safe: string, unsafe: string, middle: string): ScenarioStep[] {
  return [
    step(0, 'lock', unsafe),
    step(1, 'irq-disable', null),
    step(1, 'lock', safe),
    step(1, 'lock', middle),
    step(0, 'interrupt', null),
    step(0, 'lock', safe, true),
  ];
}

function flagsText(f: IrqFlags): string {
  const hc = f.hardirqDepth > 0 ? 1 : 0;
  const sc = f.softirqDepth > 0 ? 1 : 0;
  return `HC${hc}[${f.hardirqDepth}]:SC${sc}[${f.softirqDepth}]:HE${f.hardirqsOn && !hc ? 1 : 0}:SE${f.softirqsOn ? 1 : 0}`;
}

function pathNames(path: readonly PathNode[]): string {
  return path.map((n) => n.cls).join('\n');
}

function titleOf(site: Site, prefix: string, fallback: string): string {
  const fn = firstInterestingFrame(stackFrames(site.stack))?.function ?? null;
  return fn ? `${prefix} ${fn}` : fallback;
}

function usageOfNow(s: LockdepState, name: string): string {
  return s.usageSnapshot([name]).get(name)!;
}

/** usage_traces[] of the classes in a printed dependency path, keyed "usage IN-HARDIRQ-W <class>" */
function addUsageTraces(
  d: Record<string, string>,
  s: LockdepState,
  names: readonly string[],
): void {
  for (const name of new Set(names)) {
    const c = s.classes.get(name);
    if (!c) continue;
    for (let bit = 0; bit < USAGE_BITS; bit++) {
      if (!(c.usage & flag(bit))) continue;
      d[`usage ${usageName(bit)} ${name}`] = (c.traces.get(bit)?.stack ?? []).join('\n');
    }
  }
}
