// Every interleaving of a program, breadth first so that each deadlock is found first by a
// shortest schedule. States are hashed (a visited set of canonical states). Partial-order
// reduction: a step that only touches what its own context uses (a lock no other context takes,
// interrupt flags of a CPU no handler targets) is independent of every other step, so when one
// is enabled it is the only one explored from that state (a singleton persistent/ample set;
// the state graph has no cycles, so no proviso is needed). Deadlocks are terminal for the
// search: a state where some contexts are stuck is recorded and not expanded.
import type { Program } from '../program';
import { Machine, type State, type Transition } from './machine';
import { blockedContexts, signature, stuckContexts, type WaitFor } from './stuck';

export const DEFAULT_STATE_BUDGET = 200_000;

export interface ExploreOptions {
  stateBudget?: number;
  /** partial-order reduction (default on); off explores every interleaving */
  reduce?: boolean;
}

export interface FoundDeadlock {
  signature: string;
  stuck: WaitFor[];
  /** the transitions from the initial state, shortest first */
  path: Transition[];
  state: State;
}

export interface SearchResult {
  found: FoundDeadlock[];
  statesExplored: number;
  complete: boolean;
  stateBudget: number;
}

/** local[c][pc]: context c's step pc commutes with every other context's steps. */
export function localSteps(program: Program): boolean[][] {
  const users = new Map<number, Set<number>>();
  for (const c of program.contexts)
    for (const s of c.steps)
      if (s.lock >= 0) users.set(s.lock, (users.get(s.lock) ?? new Set()).add(c.id));
  const targeted = new Set(
    program.contexts.filter((c) => c.kind === 'hardirq' || c.kind === 'softirq').map((c) => c.cpu),
  );
  return program.contexts.map((c) => {
    const eligible = (c.kind === 'thread' && !targeted.has(c.cpu)) || c.kind === 'work';
    return c.steps.map((s, pc) => {
      if (!eligible || (c.kind === 'work' && pc === c.steps.length - 1)) return false;
      if (s.kind === 'irq-off' || s.kind === 'irq-on' || s.kind === 'bh-off' || s.kind === 'bh-on')
        return true;
      if (s.kind !== 'acquire' && s.kind !== 'release') return false;
      return users.get(s.lock)?.size === 1;
    });
  });
}

function encode(t: Transition): number {
  return t.ctx * 4 + ['step', 'wait', 'fire', 'start'].indexOf(t.kind);
}

function decode(code: number): Transition {
  return { ctx: code >> 2, kind: (['step', 'wait', 'fire', 'start'] as const)[code & 3]! };
}

export function searchDeadlocks(program: Program, options: ExploreOptions = {}): SearchResult {
  const budget = Math.max(1, Math.floor(options.stateBudget ?? DEFAULT_STATE_BUDGET));
  const reduce = options.reduce ?? true;
  const m = new Machine(program);
  const local = reduce ? localSteps(program) : null;
  const visited = new Set<string>();
  const states: State[] = [];
  const parent: number[] = [];
  const via: number[] = [];
  const found = new Map<string, FoundDeadlock>();
  const start = m.initial();
  visited.add(start.join(','));
  states.push(start);
  parent.push(-1);
  via.push(-1);
  let complete = true;
  const pathTo = (i: number): Transition[] => {
    const out: Transition[] = [];
    for (let at = i; parent[at]! >= 0; at = parent[at]!) out.push(decode(via[at]!));
    return out.reverse();
  };
  for (let i = 0; i < states.length; i++) {
    const s = states[i]!;
    let stuck = stuckContexts(m, s);
    let moves = stuck.length > 0 ? [] : m.enabled(s);
    if (stuck.length === 0 && moves.length === 0 && !m.finished(s)) stuck = blockedContexts(m, s);
    if (stuck.length > 0) {
      const sig = signature(m, stuck);
      if (!found.has(sig)) found.set(sig, { signature: sig, stuck, path: pathTo(i), state: s });
      moves = [];
    }
    if (local && moves.length > 1) {
      const one = moves.find(
        (t) => t.kind !== 'fire' && t.kind !== 'start' && local[t.ctx]![m.pc(s, t.ctx)],
      );
      if (one) moves = [one];
    }
    for (const t of moves) {
      const next = m.apply(s, t);
      const key = next.join(',');
      if (visited.has(key)) continue;
      if (visited.size >= budget) {
        complete = false;
        break;
      }
      visited.add(key);
      states.push(next);
      parent.push(i);
      via.push(encode(t));
    }
    // drop states already expanded to keep memory flat on big searches (paths only need parents)
    states[i] = EMPTY;
  }
  const list = [...found.values()];
  if (local) for (const f of list) f.path = trimLocal(m, f, local);
  return { found: list, statesExplored: visited.size, complete, stateBudget: budget };
}

/**
 * The reduction runs an enabled local step at once, even one the deadlock does not need: drop
 * each context's trailing local steps when that context is not stuck (they commute with every
 * later step), and keep the shorter path only if it reaches the same deadlock.
 */
function trimLocal(m: Machine, f: FoundDeadlock, local: boolean[][]): Transition[] {
  const stuck = new Set(f.stuck.map((w) => w.ctx));
  const path = [...f.path];
  for (let changed = true; changed;) {
    changed = false;
    const lastOf = new Map<number, number>();
    path.forEach((t, i) => lastOf.set(t.ctx, i));
    for (const [ctx, i] of lastOf) {
      const t = path[i]!;
      if (stuck.has(ctx) || t.kind !== 'step' || m.contexts[ctx]!.kind !== 'thread') continue;
      const pc = path.slice(0, i).filter((x) => x.ctx === ctx && x.kind === 'step').length;
      if (!local[ctx]?.[pc]) continue;
      path.splice(i, 1);
      changed = true;
      break;
    }
  }
  if (path.length === f.path.length) return f.path;
  let s = m.initial();
  for (const t of path) {
    if (!m.enabled(s).some((x) => x.ctx === t.ctx && x.kind === t.kind)) return f.path;
    s = m.apply(s, t);
  }
  return signature(m, stuckContexts(m, s)) === f.signature ? path : f.path;
}

const EMPTY = new Int32Array(0);
