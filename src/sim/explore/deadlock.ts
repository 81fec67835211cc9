// A deadlock the explorer found, told the way lockdep tells one: the cycle of lock classes in
// taken-before order (report-json.md), the stack where each dependency was taken, the locks each
// stuck context holds, and a scenario table the stepper can play (src/scenario).
import { firstInterestingFrame } from '../../model/frame';
import type {
  Dependency,
  Frame,
  HeldLock,
  LockClass,
  Report,
  Scenario,
  ScenarioStep,
  Task,
} from '../../model/types';
import { makeFrame } from '../../model/frame';
import { scenarioStep } from '../../model/report';
import type { TraceEvent } from '../../trace/types';
import type { Program } from '../program';
import type { FoundDeadlock } from './explore';
import { Machine, type State } from './machine';
import { replaySchedule, type ScheduleStep } from './replay';
import type { WaitFor } from './stuck';

export type DeadlockKind = 'circular-wait' | 'self-deadlock' | 'interrupt' | 'never-signalled';

export interface Deadlock {
  id: string;
  kind: DeadlockKind;
  /** "Circular wait: T1 -> T2 -> T1" */
  title: string;
  /** one sentence: who holds what and waits for what */
  summary: string;
  /** the shortest schedule that reaches it, one sentence per step */
  schedule: ScheduleStep[];
  /** lock classes in taken-before order (report-json.md "The cycle"); null when there is none */
  cycle: string[] | null;
  /** who is stuck and on what */
  stuck: { context: string; waitsFor: string; heldBy: string[] }[];
  report: Report;
  /** the lock trace of the schedule, for the validator */
  trace: TraceEvent[];
}

interface Edge {
  waiter: number;
  holder: number;
  resource: string;
  reason: WaitFor['reason'];
}

function frame(fn: string, line: number | null): Frame {
  return makeFrame({ function: fn, line });
}

/** A cycle of waits between participants (a CPU with its handlers, or a work item). */
function findCycle(m: Machine, stuck: readonly WaitFor[]): Edge[] {
  const part = (c: number) => (m.contexts[c]!.cpu >= 0 ? `cpu${m.contexts[c]!.cpu}` : `ctx${c}`);
  const out = new Map<string, Edge[]>();
  for (const w of stuck) {
    if (w.reason === 'interrupted') continue;
    for (const b of w.by)
      if (b >= 0)
        out.set(part(w.ctx), [
          ...(out.get(part(w.ctx)) ?? []),
          { waiter: w.ctx, holder: b, resource: w.resource, reason: w.reason },
        ]);
  }
  for (const startKey of [...out.keys()].sort()) {
    const path: Edge[] = [];
    const seen = new Map<string, number>();
    let at: string | undefined = startKey;
    while (at !== undefined && !seen.has(at)) {
      seen.set(at, path.length);
      const edges: Edge[] = out.get(at) ?? [];
      const e = edges.find((x) => part(x.holder) !== at) ?? edges[0];
      if (!e) break;
      path.push(e);
      at = part(e.holder);
    }
    if (at !== undefined && seen.has(at)) return path.slice(seen.get(at));
  }
  return [];
}

/**
 * The task lockdep would name for a context: a handler runs on the task it interrupted ("current"
 * in a hardirq is that task, and its locks go on that task's held-locks stack); work has its own.
 */
function taskOf(m: Machine, c: number): Task {
  const ctx = m.contexts[c]!;
  const t = ctx.cpu >= 0 ? m.program.threadOfCpu[ctx.cpu]! : c;
  return { comm: m.contexts[t]!.name, pid: t + 1 };
}

/** Each stuck task's held locks, numbered per task the way lockdep_print_held_locks() does. */
function heldLocks(m: Machine, s: State, stuck: readonly WaitFor[]): HeldLock[] {
  const out: HeldLock[] = [];
  const count = new Map<string, number>();
  for (const w of stuck) {
    const ctx = m.contexts[w.ctx]!;
    const task = taskOf(m, w.ctx);
    const key = `${task.comm}/${task.pid}`;
    for (const h of ctx.held[m.pc(s, w.ctx)]!) {
      const step = ctx.steps[h.at]!;
      const lock = m.program.locks[h.lock]!;
      const index = count.get(key) ?? 0;
      count.set(key, index + 1);
      out.push({
        index,
        class: step.subclass ? `${lock.class}/${step.subclass}` : lock.class,
        address: null,
        at: step.stack[0] ?? null,
        task,
      });
    }
  }
  return out;
}

/** The stack where context `c` took the lock of class `cls` it holds, innermost first. */
function heldStack(m: Machine, s: State, c: number, cls: string): string[] {
  const ctx = m.contexts[c]!;
  const h = ctx.held[m.pc(s, c)]!.find((x) => m.program.locks[x.lock]?.class === cls);
  const step = h ? ctx.steps[h.at] : undefined;
  return step ? [step.op, ...step.stack] : [];
}

function stackAt(m: Machine, s: State, c: number): Frame[] {
  const step = m.step(s, c);
  return step ? [step.op, ...step.stack].map((f) => frame(f, step.line)) : [];
}

function lastWait(path: FoundDeadlock['path'], ctxs: Set<number>): number {
  for (let i = path.length - 1; i >= 0; i--)
    if (path[i]!.kind === 'wait' && ctxs.has(path[i]!.ctx)) return path[i]!.ctx;
  return -1;
}

function modeOp(m: Machine, c: number, pcOrAt: number, s?: State): ScenarioStep['op'] {
  const step = m.contexts[c]!.steps[s ? m.pc(s, c) : pcOrAt];
  if (!step) return 'lock';
  if (step.kind === 'wait' || step.kind === 'flush' || step.kind === 'fence-wait') return 'sync';
  return step.mode === 'write' ? 'lock' : 'rlock';
}

export function buildDeadlock(program: Program, found: FoundDeadlock, index: number): Deadlock {
  const m = new Machine(program);
  const s = found.state;
  const replay = replaySchedule(program, found.path);
  const name = (c: number) => m.contexts[c]!.name;
  const cycleEdges = findCycle(m, found.stuck);
  const stuckSet = new Set(found.stuck.map((w) => w.ctx));
  const stuck = found.stuck.map((w) => ({
    context: name(w.ctx),
    waitsFor: w.reason === 'interrupted' ? `${name(w.by[0] ?? w.ctx)} to return` : w.resource,
    heldBy: w.by.filter((b) => b >= 0).map(name),
  }));
  // rotate so the last context to start waiting comes first: its wanted lock is c0 (report-json.md)
  const reporterCtx = lastWait(found.path, new Set(cycleEdges.map((e) => e.waiter)));
  const r = Math.max(
    0,
    cycleEdges.findIndex((e) => e.waiter === reporterCtx),
  );
  const edges = [...cycleEdges.slice(r), ...cycleEdges.slice(0, r)];
  const reporter = edges[0]?.waiter ?? lastWait(found.path, stuckSet);
  const rep = reporter >= 0 ? reporter : (found.stuck[0]?.ctx ?? 0);
  const trace = stackAt(m, s, rep);
  const innermost = trace[1]?.function ?? trace[0]?.function ?? 'the program';

  let kind: DeadlockKind = 'never-signalled';
  // no lockdep report: the hung-task detector and its debug_show_all_locks() tell it
  let reportKind: Report['kind'] = 'show-all-locks';
  let cycle: string[] | null = null;
  let scenario: Scenario | null = null;
  const details: Record<string, string> = {};
  const dependencies: Dependency[] = [];
  let headline = '';
  let summary: string;
  const partName = (c: number) => {
    const ctx = m.contexts[c]!;
    return ctx.cpu >= 0 ? name(program.threadOfCpu[ctx.cpu]!) : ctx.name;
  };
  const cpuOf = (c: number) => {
    const ctx = m.contexts[c]!;
    return ctx.cpu >= 0 ? program.cpus[ctx.cpu]! : ctx.name;
  };
  if (edges.length === 1 && edges[0]!.waiter === edges[0]!.holder) {
    const e = edges[0]!;
    kind = 'self-deadlock';
    reportKind = 'recursive-locking';
    headline = 'WARNING: possible recursive locking detected';
    cycle = [e.resource];
    dependencies.push({ prev: e.resource, next: e.resource, trace, chainEntry: null, isNew: true });
    scenario = {
      cpus: [cpuOf(e.waiter)],
      steps: [
        scenarioStep(0, 'lock', e.resource),
        scenarioStep(0, modeOp(m, e.waiter, 0, s), e.resource),
      ],
    };
    summary = `${name(e.waiter)} holds ${e.resource} and waits for ${e.resource}, which it holds itself: it can never move.`;
  } else if (edges.length === 1) {
    const e = edges[0]!;
    const soft = m.contexts[e.waiter]!.kind === 'softirq';
    kind = 'interrupt';
    reportKind = 'inconsistent-lock-state';
    headline = 'WARNING: inconsistent lock state';
    // print_usage_bug() from the handler: the lock was taken with interrupts on, now in one
    const on = soft ? 'SOFTIRQ-ON-W' : 'HARDIRQ-ON-W';
    details.usageChange = `{${on}} -> {${soft ? 'IN-SOFTIRQ-W' : 'IN-HARDIRQ-W'}}`;
    details.registeredUsage = on;
    details.irqFlags = soft ? 'HC0[0]:SC1[1]:HE1:SE0' : 'HC1[1]:SC0[0]:HE0:SE1';
    details.acquireLock = e.resource;
    const registered = heldStack(m, s, e.holder, e.resource);
    if (registered.length > 0) details.registeredTrace = registered.join('\n');
    scenario = {
      cpus: [cpuOf(e.waiter)],
      steps: [
        scenarioStep(0, 'lock', e.resource),
        scenarioStep(0, 'interrupt', null),
        scenarioStep(0, 'lock', e.resource, true),
      ],
    };
    summary = `${name(e.holder)} holds ${e.resource} on ${cpuOf(e.waiter)}; ${name(e.waiter)} interrupts it and waits for ${e.resource}, and ${name(e.holder)} cannot run until the handler returns: ${cpuOf(e.waiter)} can never move.`;
  } else if (edges.length > 1) {
    const n = edges.length;
    const sameClass = edges.every((e) => e.resource === edges[0]!.resource);
    kind = sameClass ? 'self-deadlock' : 'circular-wait';
    reportKind = sameClass ? 'recursive-locking' : 'circular-dependency';
    headline = sameClass
      ? 'WARNING: possible recursive locking detected'
      : 'WARNING: possible circular locking dependency detected';
    cycle = sameClass ? [edges[0]!.resource] : edges.map((e) => e.resource);
    edges.forEach((e, k) => {
      const held = edges[(k + n - 1) % n]!.resource;
      if (!sameClass || k === 0)
        dependencies.push({
          prev: held,
          next: e.resource,
          trace: stackAt(m, s, e.waiter),
          chainEntry: sameClass ? null : k,
          isNew: k === 0,
        });
    });
    // participants in the order their wants come, the reporter's last, each first taking what it holds
    const order = [...edges.slice(1), edges[0]!];
    const incoming = (e: Edge) => edges[(edges.indexOf(e) + n - 1) % n]!;
    const steps: ScenarioStep[] = [];
    order.forEach((e, j) => {
      const inc = incoming(e);
      if (inc.reason === 'queued-writer') return;
      const h = m.contexts[inc.holder]!.held[m.pc(s, inc.holder)]!.find(
        (x) => program.locks[x.lock]?.class === inc.resource,
      );
      steps.push(scenarioStep(j, h && h.mode !== 'write' ? 'rlock' : 'lock', inc.resource));
    });
    order.forEach((e, j) => {
      const ctx = m.contexts[e.waiter]!;
      const inIrq = ctx.kind === 'hardirq' || ctx.kind === 'softirq';
      if (inIrq) steps.push(scenarioStep(j, 'interrupt', null));
      steps.push(scenarioStep(j, modeOp(m, e.waiter, 0, s), e.resource, inIrq));
    });
    scenario = { cpus: order.map((e) => cpuOf(e.waiter)), steps };
    const parts = order.map((e) => {
      const inc = incoming(e);
      const ctx = m.contexts[e.waiter]!;
      const owner = partName(e.waiter);
      const has =
        inc.reason === 'queued-writer'
          ? `is queued to write ${inc.resource}`
          : inc.reason === 'completes'
            ? `is to complete ${inc.resource.replace(/^\(complete\)/, '')}`
            : inc.reason === 'running'
              ? `runs ${inc.resource}`
              : `holds ${inc.resource}`;
      const who =
        ctx.kind === 'hardirq' || ctx.kind === 'softirq'
          ? `${owner} ${has}; ${name(e.waiter)} on ${cpuOf(e.waiter)}`
          : `${owner} ${has} and`;
      return `${who} waits for ${e.resource}`;
    });
    summary = `${parts.join('; ')}: ${n === 2 ? 'neither' : 'none of them'} can move.`;
  } else {
    const w = found.stuck.find((x) => x.reason !== 'interrupted') ?? found.stuck[0];
    summary = w
      ? `${name(w.ctx)} waits for ${w.resource || 'a handler to return'}, and nothing left to run can ever give it: it waits for ever.`
      : 'Nothing can move.';
  }
  // the classes the report's lockdep text names (a hung-task dump names only held locks)
  const classNames = [
    ...new Set([
      ...(cycle ?? []),
      ...(reportKind === 'show-all-locks'
        ? []
        : stuck.map((x) => x.waitsFor).filter((x) => program.locks.some((l) => l.class === x))),
      ...heldLocks(m, s, found.stuck).map((h) => h.class),
    ]),
  ];
  const classes: LockClass[] = classNames.map((c) => ({ name: c, usage: null, waitType: null }));
  const held = heldLocks(m, s, found.stuck);
  const task = taskOf(m, rep);
  if (reportKind === 'show-all-locks')
    headline = `INFO: task ${task.comm}:${task.pid} blocked for more than 120 seconds.`;
  // what print_circular_bug_header(), print_deadlock_bug() and print_usage_bug() print first
  if (cycle && reportKind !== 'inconsistent-lock-state') {
    details.acquireLock = cycle[0]!;
    details.holdingLock = cycle[cycle.length - 1]!;
  }
  const acquireIp = firstInterestingFrame(trace)?.function; // the caller of the locking function
  if (acquireIp && details.acquireLock !== undefined) details.acquireAt = acquireIp;
  const holdingAt = held
    .filter((h) => h.class === details.holdingLock && h.task?.pid === task.pid && h.at)
    .pop()?.at;
  if (holdingAt) details.holdingAt = holdingAt;
  const repStep = m.step(s, rep);
  const line = repStep?.line ?? 1;
  const report: Report = {
    format: 'lockscope-trace',
    kind: reportKind,
    title: `${kind === 'interrupt' ? 'inconsistent lock state' : kind === 'never-signalled' ? 'task hung' : 'possible deadlock'} in ${innermost}`,
    lines: { start: line, end: line },
    truncated: false,
    kernel: null,
    task,
    classes,
    dependencies,
    cycle,
    scenario,
    heldLocks: held,
    trace,
    headline,
    details,
  };
  const who = [
    ...new Set([...edges.slice(1), ...edges.slice(0, 1)].map((e) => partName(e.waiter))),
  ];
  const title =
    kind === 'circular-wait'
      ? `Circular wait: ${[...who, who[0]].join(' -> ')} on ${cycle!.join(', ')}`
      : kind === 'self-deadlock' && edges.length > 1
        ? `Self-deadlock: ${name(rep)} takes ${cycle![0]} again behind a queued writer`
        : kind === 'self-deadlock'
          ? `Self-deadlock: ${name(rep)} takes ${cycle![0]} twice`
          : kind === 'interrupt'
            ? `Interrupt deadlock: ${name(rep)} waits for ${edges[0]!.resource} held by the code it interrupted`
            : `Waits for ever: ${found.stuck.map((w) => name(w.ctx)).join(', ')}`;
  return {
    id: `deadlock-${index + 1}`,
    kind,
    title,
    summary,
    schedule: replay.steps,
    cycle,
    stuck,
    report,
    trace: replay.trace,
  };
}
