// Which contexts can never move again, and what each waits for. A context is stuck when
// everyone who could let it go is stuck too: the holders of the lock it wants, the writer it
// queues behind, the work it flushes, the handler running on top of it, or everyone who could
// still complete() the completion it waits for (its future code, work it may queue, handlers
// that have not fired yet). A greatest fixpoint, like lockdep's "nobody can make progress".
import { HANDLER, WORK, type Machine, type State } from './machine';

export interface WaitFor {
  ctx: number;
  /** the lock class, completion or work it waits for; "" when a handler runs on top of it */
  resource: string;
  /** the contexts that could let it go (all stuck) */
  by: number[];
  reason: 'holds' | 'queued-writer' | 'running' | 'completes' | 'interrupted';
}

function releasers(m: Machine, s: State, c: number): WaitFor | null {
  const ctx = m.contexts[c]!;
  if (ctx.cpu >= 0) {
    const top = m.active(s, ctx.cpu);
    if (top !== c) return { ctx: c, resource: '', by: [top], reason: 'interrupted' };
  }
  if (!m.waiting(s, c) || m.ready(s, c)) return null;
  const step = m.step(s, c)!;
  const lock = m.program.locks[step.lock];
  const resource = lock?.class ?? '';
  if (step.kind === 'wait') {
    const by: number[] = [];
    for (let d = 0; d < m.n; d++) {
      const other = m.contexts[d]!;
      const st = m.status(s, d);
      const notStarted =
        ((other.kind === 'hardirq' || other.kind === 'softirq') && st === HANDLER.unfired) ||
        (other.kind === 'work' && st === WORK.pending);
      const pc = notStarted ? 0 : m.pc(s, d);
      if (!notStarted && !m.running(s, d)) continue;
      if (other.completes[pc]?.has(step.lock)) by.push(notStarted ? -1 - d : d);
    }
    return { ctx: c, resource, by, reason: 'completes' };
  }
  const b = m.blockers(s, c);
  return { ctx: c, resource, by: b.map((x) => x.holder), reason: b[0]?.reason ?? 'holds' };
}

/**
 * The stuck contexts with what each waits for; [] when nobody is stuck. `by` entries below 0
 * (-1 - ctx) name handlers or work that have not started and so cannot be stuck.
 */
export function stuckContexts(m: Machine, s: State): WaitFor[] {
  const waits = new Map<number, WaitFor>();
  for (let c = 0; c < m.n; c++) {
    if (!m.running(s, c)) continue;
    const w = releasers(m, s, c);
    if (w) waits.set(c, w);
  }
  if (waits.size === 0) return [];
  for (let changed = true; changed;) {
    changed = false;
    for (const [c, w] of waits) {
      if (w.by.some((d) => d < 0 || !waits.has(d))) {
        waits.delete(c);
        changed = true;
      }
    }
  }
  return [...waits.values()];
}

/** At a state with no move left but unfinished contexts: everyone still running waits for ever. */
export function blockedContexts(m: Machine, s: State): WaitFor[] {
  const out: WaitFor[] = [];
  for (let c = 0; c < m.n; c++) {
    if (!m.running(s, c)) continue;
    const w = releasers(m, s, c);
    const step = m.step(s, c);
    const resource = w?.resource ?? m.program.locks[step?.lock ?? -1]?.class ?? '';
    out.push({
      ctx: c,
      resource,
      by: (w?.by ?? []).filter((d) => d >= 0),
      reason: w?.reason ?? 'completes',
    });
  }
  return out;
}

/** Distinct by who is stuck and on what. */
export function signature(m: Machine, stuck: readonly WaitFor[]): string {
  return stuck
    .map(
      (w) =>
        `${m.contexts[w.ctx]!.name}\u0000${w.resource}\u0000${w.reason === 'interrupted' ? 'irq' : ''}`,
    )
    .sort()
    .join('\u0001');
}
