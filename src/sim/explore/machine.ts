// The explorer's state machine. A state is a small Int32Array: per context its position, whether
// it is waiting, its status (handlers: unfired/running/done; work: idle/pending/running/running
// and queued again), then one counter per completion. What a context holds, and whether its
// interrupts are off, follows from its position (program.ts), so it is not stored.
import type { Context, Program, Step } from '../program';

export type State = Int32Array;

export type TransitionKind = 'step' | 'wait' | 'fire' | 'start';
export interface Transition {
  ctx: number;
  kind: TransitionKind;
}

/** complete_all(): every later wait_for_completion() passes */
export const ALL = 1 << 20;

export const HANDLER = { unfired: 0, running: 1, done: 2 } as const;
export const WORK = { idle: 0, pending: 1, running: 2, requeued: 3 } as const;

/** Why a context cannot take its next step: the contexts that keep it. */
export interface Blocker {
  holder: number;
  reason: 'holds' | 'queued-writer' | 'running';
}

export class Machine {
  readonly n: number;
  readonly contexts: Context[];
  /** hardirq and softirq handlers per CPU */
  readonly handlersOf: number[][];
  /** the work context of each work lock id */
  readonly workerOf = new Map<number, number>();

  constructor(readonly program: Program) {
    this.contexts = program.contexts;
    this.n = this.contexts.length;
    this.handlersOf = program.cpus.map(() => []);
    for (const c of this.contexts) {
      if (c.kind === 'hardirq' || c.kind === 'softirq') this.handlersOf[c.cpu]!.push(c.id);
      if (c.kind === 'work') this.workerOf.set(c.work, c.id);
    }
  }

  initial(): State {
    return new Int32Array(3 * this.n + this.program.locks.length);
  }

  pc(s: State, c: number): number {
    return s[c]!;
  }
  waiting(s: State, c: number): boolean {
    return s[this.n + c] === 1;
  }
  status(s: State, c: number): number {
    return s[2 * this.n + c]!;
  }
  count(s: State, lock: number): number {
    return s[3 * this.n + lock]!;
  }

  running(s: State, c: number): boolean {
    const ctx = this.contexts[c]!;
    if (ctx.kind === 'thread') return s[c]! < ctx.steps.length;
    if (ctx.kind === 'work') return this.status(s, c) >= WORK.running;
    return this.status(s, c) === HANDLER.running;
  }

  /** The context the CPU is running: a hardirq handler over a softirq handler over the thread. */
  active(s: State, cpu: number): number {
    let soft = -1;
    for (const h of this.handlersOf[cpu]!) {
      if (this.status(s, h) !== HANDLER.running) continue;
      if (this.contexts[h]!.kind === 'hardirq') return h;
      soft = h;
    }
    return soft >= 0 ? soft : this.program.threadOfCpu[cpu]!;
  }

  /** Running and on top of its CPU. */
  onCpu(s: State, c: number): boolean {
    const ctx = this.contexts[c]!;
    return this.running(s, c) && (ctx.cpu < 0 || this.active(s, ctx.cpu) === c);
  }

  step(s: State, c: number): Step | undefined {
    return this.contexts[c]!.steps[s[c]!];
  }

  irqOffNow(s: State, c: number): boolean {
    const ctx = this.contexts[c]!;
    const pc = s[c]!;
    return this.waiting(s, c) ? ctx.irqOffWaiting[pc]! : ctx.irqOff[pc]!;
  }

  bhOffNow(s: State, c: number): boolean {
    const ctx = this.contexts[c]!;
    const pc = s[c]!;
    return ctx.bhOff[pc]! || (this.waiting(s, c) && ctx.steps[pc]?.irq === 'bh');
  }

  /** Who keeps `c` from its next step; [] when it can go ahead. Completions: see `completionReady`. */
  blockers(s: State, c: number): Blocker[] {
    const step = this.step(s, c);
    if (!step) return [];
    const out: Blocker[] = [];
    if (step.kind === 'acquire' && !step.try) {
      for (let d = 0; d < this.n; d++) {
        if (!this.running(s, d)) continue;
        for (const h of this.contexts[d]!.held[s[d]!]!) {
          if (h.lock === step.lock && (step.mode === 'write' || h.mode === 'write')) {
            out.push({ holder: d, reason: 'holds' });
            break;
          }
        }
        // rw_semaphore fairness: a reader waits behind a queued writer (rwlock_t readers do not)
        if (step.mode === 'read' && d !== c && this.waiting(s, d)) {
          const theirs = this.step(s, d);
          if (theirs?.kind === 'acquire' && theirs.lock === step.lock && theirs.mode === 'write')
            out.push({ holder: d, reason: 'queued-writer' });
        }
      }
    } else if (step.kind === 'fence-wait') {
      for (let d = 0; d < this.n; d++) {
        if (!this.running(s, d)) continue;
        if (this.contexts[d]!.held[s[d]!]!.some((h) => h.lock === step.lock))
          out.push({ holder: d, reason: 'holds' });
      }
    } else if (step.kind === 'flush') {
      const w = this.workerOf.get(step.lock);
      if (w !== undefined && this.status(s, w) !== WORK.idle)
        out.push({ holder: w, reason: 'running' });
    }
    return out;
  }

  /** The next step can be taken now. */
  ready(s: State, c: number): boolean {
    const step = this.step(s, c);
    if (!step) return false;
    if (step.kind === 'wait') return this.count(s, step.lock) > 0;
    return this.blockers(s, c).length === 0;
  }

  canFire(s: State, h: number): boolean {
    const ctx = this.contexts[h]!;
    if (this.status(s, h) !== HANDLER.unfired) return false;
    const thread = this.program.threadOfCpu[ctx.cpu]!;
    if (!this.running(s, thread)) return false;
    const top = this.active(s, ctx.cpu);
    if (this.irqOffNow(s, top)) return false;
    if (ctx.kind === 'hardirq') return this.contexts[top]!.kind !== 'hardirq';
    return top === thread && !this.bhOffNow(s, top);
  }

  enabled(s: State): Transition[] {
    const out: Transition[] = [];
    for (let c = 0; c < this.n; c++) {
      const ctx = this.contexts[c]!;
      if (this.onCpu(s, c)) {
        if (this.ready(s, c)) out.push({ ctx: c, kind: 'step' });
        else if (!this.waiting(s, c)) out.push({ ctx: c, kind: 'wait' });
      } else if ((ctx.kind === 'hardirq' || ctx.kind === 'softirq') && this.canFire(s, c)) {
        out.push({ ctx: c, kind: 'fire' });
      } else if (ctx.kind === 'work' && this.status(s, c) === WORK.pending) {
        out.push({ ctx: c, kind: 'start' });
      }
    }
    return out;
  }

  apply(s: State, t: Transition): State {
    const next = s.slice();
    const n = this.n;
    const c = t.ctx;
    const ctx = this.contexts[c]!;
    if (t.kind === 'wait') {
      next[n + c] = 1;
      return next;
    }
    if (t.kind === 'fire' || t.kind === 'start') {
      next[2 * n + c] = t.kind === 'fire' ? HANDLER.running : WORK.running;
      next[c] = 0;
      if (ctx.steps.length === 0) this.finish(next, c);
      return next;
    }
    const step = ctx.steps[s[c]!]!;
    const at = 3 * n + step.lock;
    switch (step.kind) {
      case 'wait':
        if (next[at]! < ALL) next[at]!--;
        break;
      case 'complete':
        if (next[at]! < ALL) next[at] = Math.min(next[at]! + 1, 1000);
        break;
      case 'complete-all':
        next[at] = ALL;
        break;
      case 'queue': {
        const w = this.workerOf.get(step.lock);
        if (w !== undefined) {
          const st = next[2 * n + w]!;
          if (st === WORK.idle) next[2 * n + w] = WORK.pending;
          else if (st === WORK.running) next[2 * n + w] = WORK.requeued;
        }
        break;
      }
    }
    next[n + c] = 0;
    next[c] = s[c]! + 1;
    if (next[c] === ctx.steps.length) this.finish(next, c);
    return next;
  }

  private finish(s: State, c: number): void {
    const ctx = this.contexts[c]!;
    const at = 2 * this.n + c;
    if (ctx.kind === 'hardirq' || ctx.kind === 'softirq') s[at] = HANDLER.done;
    if (ctx.kind === 'work') {
      s[at] = s[at] === WORK.requeued ? WORK.pending : WORK.idle;
      s[c] = 0;
    }
  }

  /** Every thread has finished (handlers that never fired and idle work do not count). */
  finished(s: State): boolean {
    for (let c = 0; c < this.n; c++) if (this.running(s, c)) return false;
    for (let c = 0; c < this.n; c++)
      if (this.contexts[c]!.kind === 'work' && this.status(s, c) === WORK.pending) return false;
    return true;
  }
}
