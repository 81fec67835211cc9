// A schedule played again from the start, step by step: the sentence for each step, and the
// lock trace lockdep would have seen (TraceEvent, src/trace/types.ts) for the validator.
import type { TraceEvent } from '../../trace/types';
import type { Program, Step } from '../program';
import { Machine, type State, type Transition } from './machine';

export interface ScheduleStep {
  /** the context that moved: "T1", "irq i915_irq_handler", "kworker reset_work" */
  context: string;
  /** its CPU, null for work items */
  cpu: string | null;
  kind: 'step' | 'wait' | 'interrupt' | 'start';
  /** "T1: mutex_lock(&a) in i915_gem_userptr_init()" */
  text: string;
  /** the program line of the call, null for interrupts firing and work starting */
  line: number | null;
  column: number | null;
}

export interface Replay {
  steps: ScheduleStep[];
  trace: TraceEvent[];
  states: State[];
}

function where(step: Step, ctxName: string): string {
  const fn = step.stack[0];
  return fn && fn !== ctxName && !ctxName.endsWith(` ${fn}`) ? ` in ${fn}()` : '';
}

function lockClass(p: Program, step: Step): string {
  const lock = p.locks[step.lock];
  if (!lock) return '';
  return step.subclass ? `${lock.class}/${step.subclass}` : lock.class;
}

/** The thread name events carry: a handler's events nest on the thread it interrupted. */
function eventThread(p: Program, c: number): string {
  const ctx = p.contexts[c]!;
  if (ctx.kind === 'hardirq' || ctx.kind === 'softirq')
    return p.contexts[p.threadOfCpu[ctx.cpu]!]!.name;
  return ctx.name;
}

function holdersText(m: Machine, s: State, c: number): string {
  const names = m
    .blockers(s, c)
    .map(
      (b) =>
        `${m.contexts[b.holder]!.name}${b.reason === 'queued-writer' ? ' (queued to write)' : ''}`,
    );
  const step = m.step(s, c)!;
  const lock = m.program.locks[step.lock];
  if (step.kind === 'wait') return `${lock?.name ?? 'the completion'} has not been completed`;
  if (step.kind === 'flush') return `${lock?.name ?? 'the work'} is still queued or running`;
  if (step.kind === 'fence-wait')
    return `a fence signalling section is open in ${names.join(', ')}`;
  return `${lock?.name ?? 'the lock'} is held by ${names.join(', ') || 'someone'}`;
}

export function replaySchedule(program: Program, path: readonly Transition[]): Replay {
  const m = new Machine(program);
  let s = m.initial();
  const states = [s];
  const steps: ScheduleStep[] = [];
  const trace: TraceEvent[] = [];
  for (const t of path) {
    const ctx = m.contexts[t.ctx]!;
    const cpu = ctx.cpu >= 0 ? (program.cpus[ctx.cpu] ?? null) : null;
    const thread = eventThread(program, t.ctx);
    const base = { context: ctx.name, cpu };
    if (t.kind === 'fire') {
      const under = program.contexts[m.active(s, ctx.cpu)]!.name;
      steps.push({
        ...base,
        kind: 'interrupt',
        text: `${ctx.name} fires on ${cpu}, interrupting ${under}`,
        line: ctx.line,
        column: ctx.column,
      });
      trace.push({
        thread,
        op: ctx.kind === 'hardirq' ? 'hardirq-enter' : 'softirq-enter',
        stack: [ctx.name.replace(/^\w+ /, '')],
        line: ctx.line,
      });
    } else if (t.kind === 'start') {
      const fn = ctx.steps[0]?.stack[ctx.steps[0].stack.length - 1] ?? '';
      steps.push({
        ...base,
        kind: 'start',
        text: `${ctx.name} starts ${fn}()`,
        line: ctx.line,
        column: ctx.column,
      });
      const work = program.locks[ctx.work];
      if (work)
        trace.push({
          thread,
          op: 'acquire',
          lock: work.class,
          mode: 'write',
          stack: ['process_one_work', fn],
          line: ctx.line,
        });
    } else {
      const step = m.step(s, t.ctx)!;
      const pc = m.pc(s, t.ctx);
      const wasWaiting = m.waiting(s, t.ctx);
      const text = `${ctx.name}: ${step.text}${where(step, ctx.name)}`;
      if (t.kind === 'wait')
        steps.push({
          ...base,
          kind: 'wait',
          text: `${text} waits: ${holdersText(m, s, t.ctx)}`,
          line: step.line,
          column: step.column,
        });
      else steps.push({ ...base, kind: 'step', text, line: step.line, column: step.column });
      traceStep(program, t.ctx, pc, step, t.kind, wasWaiting, thread, trace);
    }
    s = m.apply(s, t);
    states.push(s);
    if (t.kind !== 'wait' && ctx.kind !== 'thread' && !m.running(s, t.ctx))
      traceEnd(program, t.ctx, thread, trace);
  }
  return { steps, trace, states };
}

function traceStep(
  p: Program,
  c: number,
  pc: number,
  step: Step,
  kind: 'step' | 'wait',
  wasWaiting: boolean,
  thread: string,
  out: TraceEvent[],
): void {
  const ctx = p.contexts[c]!;
  const ev = { thread, stack: [step.op, ...step.stack], line: step.line };
  const cls = lockClass(p, step);
  const first = kind === 'wait' || !wasWaiting;
  const settled = kind === 'step';
  const offBefore = ctx.irqOff[pc]!;
  const bhBefore = ctx.bhOff[pc]!;
  switch (step.kind) {
    case 'acquire':
      if (!first) return;
      if ((step.irq === 'irq' || step.irq === 'irqsave') && !offBefore)
        out.push({ ...ev, op: 'hardirq-off' });
      if (step.irq === 'bh' && !bhBefore) out.push({ ...ev, op: 'softirq-off' });
      out.push({
        ...ev,
        op: 'acquire',
        lock: cls,
        mode: step.mode,
        ...(step.try ? { try: true } : {}),
      });
      return;
    case 'release':
      out.push({ ...ev, op: 'release', lock: cls });
      if (offBefore && !ctx.irqOff[pc + 1]) out.push({ ...ev, op: 'hardirq-on' });
      if (bhBefore && !ctx.bhOff[pc + 1]) out.push({ ...ev, op: 'softirq-on' });
      return;
    case 'irq-off':
    case 'irq-on':
      if (offBefore !== ctx.irqOff[pc + 1])
        out.push({ ...ev, op: step.kind === 'irq-off' ? 'hardirq-off' : 'hardirq-on' });
      return;
    case 'bh-off':
    case 'bh-on':
      if (bhBefore !== ctx.bhOff[pc + 1])
        out.push({ ...ev, op: step.kind === 'bh-off' ? 'softirq-off' : 'softirq-on' });
      return;
    case 'wait':
      // wait_for_completion() and complete() have had no lockdep annotation since cross-release
      // was removed (4.15): lockdep, and so the trace, sees nothing here. The explorer still
      // finds the deadlocks a completion closes; the trace validator, like lockdep, cannot.
      return;
    case 'flush':
    case 'fence-wait':
      // __flush_work() and __dma_fence_might_wait() take the work's / dma_fence_map's lockdep map
      // and let it go at once: an acquisition while the caller's locks are held
      if (first) out.push({ ...ev, op: 'acquire', lock: cls, mode: 'write' });
      if (settled) out.push({ ...ev, op: 'release', lock: cls });
      return;
    default:
      return;
  }
}

function traceEnd(p: Program, c: number, thread: string, out: TraceEvent[]): void {
  const ctx = p.contexts[c]!;
  if (ctx.kind === 'hardirq') out.push({ thread, op: 'hardirq-exit', line: ctx.line });
  if (ctx.kind === 'softirq') out.push({ thread, op: 'softirq-exit', line: ctx.line });
  const work = p.locks[ctx.work];
  if (ctx.kind === 'work' && work)
    out.push({ thread, op: 'release', lock: work.class, line: ctx.line });
}
