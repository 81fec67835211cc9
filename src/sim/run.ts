// One run of a program, for the trace validator: the deadlocks that did NOT happen on this run.
// By default each context runs until it finishes or blocks, then the next one (round robin);
// interrupt handlers fire as soon as they may and queued work starts when its queuer blocks or
// ends. When that order deadlocks, the next choices are tried (depth first) until a run finishes;
// a program that deadlocks whatever the order gives the first run found.
import type { TraceEvent } from '../trace/types';
import { Machine, type State, type Transition } from './explore/machine';
import { replaySchedule } from './explore/replay';
import type { Program } from './program';

const RUN_BUDGET = 200_000;

function order(m: Machine, s: State, moves: Transition[], last: number): Transition[] {
  const rank = (t: Transition) => {
    if (t.kind === 'fire') return 0;
    if (t.ctx === last) return 1;
    if (t.kind === 'start') return 3;
    return 2 + ((t.ctx - last + m.n) % m.n) / m.n;
  };
  return [...moves].sort((a, b) => rank(a) - rank(b));
}

/** Transitions of a completing run (or the first deadlocked one); `schedule` names contexts to move in turn. */
export function runSchedule(program: Program, schedule?: readonly string[]): Transition[] {
  const m = new Machine(program);
  if (schedule) {
    let s = m.initial();
    const path: Transition[] = [];
    for (const who of schedule) {
      const t = m.enabled(s).find((x) => m.contexts[x.ctx]!.name === who);
      if (!t) break;
      path.push(t);
      s = m.apply(s, t);
    }
    return path;
  }
  const visited = new Set<string>();
  let fallback: Transition[] | null = null;
  const stack: { s: State; path: Transition[]; last: number }[] = [
    { s: m.initial(), path: [], last: 0 },
  ];
  while (stack.length > 0 && visited.size < RUN_BUDGET) {
    const { s, path, last } = stack.pop()!;
    const key = s.join(',');
    if (visited.has(key)) continue;
    visited.add(key);
    const moves = m.enabled(s);
    if (moves.length === 0) {
      if (m.finished(s)) return path;
      fallback ??= path;
      continue;
    }
    const ranked = order(m, s, moves, last);
    for (let i = ranked.length - 1; i >= 0; i--) {
      const t = ranked[i]!;
      stack.push({ s: m.apply(s, t), path: [...path, t], last: t.kind === 'fire' ? last : t.ctx });
    }
  }
  return fallback ?? [];
}

/** The lock trace of one run of the program (see runSchedule). */
export function runProgram(program: Program, schedule?: readonly string[]): TraceEvent[] {
  return replaySchedule(program, runSchedule(program, schedule)).trace;
}
