// The cycle of waits at a deadlock, and the sentence that explains it ("CPU0 holds A and waits
// for B; CPU1 holds B and waits for A: neither can move"). One CPU can deadlock alone: waiting for
// a lock it holds itself, or an interrupt handler spinning on a lock the code it interrupted holds.
import { blockers, nextOp, stuckCpus } from './machine';
import type { Scenario, State, WaitEdge } from './types';
import { cpuName, handlerName } from './words';

/**
 * The waits that close on themselves: each edge's waiter wants `class`, which the next edge's
 * waiter (`holder`) holds or is queued to write. Null when the CPUs are not deadlocked.
 */
export function waitCycle(scenario: Scenario, state: State): WaitEdge[] | null {
  const stuck = stuckCpus(scenario, state);
  const start = [...stuck].sort((a, b) => a - b)[0];
  if (start === undefined) return null;
  const path: WaitEdge[] = [];
  const seen = new Map<number, number>();
  let cpu = start;
  while (!seen.has(cpu)) {
    seen.set(cpu, path.length);
    const edges = blockers(scenario, state, cpu).filter((e) => stuck.has(e.holder));
    // a holder before a queued writer: holding is the plainer story
    const edge = edges.find((e) => e.reason === 'holds') ?? edges[0];
    if (!edge) return null;
    path.push(edge);
    cpu = edge.holder;
  }
  return path.slice(seen.get(cpu));
}

/** The locks `cpu` holds that the cycle is about: the one its predecessor waits for. */
function heldPart(scenario: Scenario, state: State, incoming: WaitEdge): string {
  if (incoming.reason === 'queued-writer') return ` is queued to write ${incoming.class}`;
  const mode = state.cpus[incoming.holder]?.holds.find((h) => h.class === incoming.class)?.mode;
  return ` holds ${incoming.class}${mode === 'read' ? ' for reading' : ''}`;
}

function waitPart(scenario: Scenario, state: State, edge: WaitEdge): string {
  const op = nextOp(scenario, state, edge.waiter);
  const subject = op?.inInterrupt
    ? ` ${handlerName(scenario)} on ${cpuName(scenario, edge.waiter)}`
    : '';
  const verb = subject ? `${subject} waits for` : ' waits for';
  const via = op?.via && op.via.length > 1 ? `, going on down ${op.via.join(' --> ')},` : '';
  const behind =
    edge.reason === 'queued-writer'
      ? ` behind ${cpuName(scenario, edge.holder)}'s queued write`
      : '';
  return subject ? `;${verb} ${edge.class}${behind}` : ` and${via}${verb} ${edge.class}${behind}`;
}

/** One sentence for the deadlock; "" when there is none. */
export function explainDeadlock(scenario: Scenario, state: State): string {
  const cycle = waitCycle(scenario, state);
  if (!cycle || cycle.length === 0) return '';
  if (cycle.length === 1) {
    const e = cycle[0]!;
    const name = cpuName(scenario, e.waiter);
    const op = nextOp(scenario, state, e.waiter);
    const hold = state.cpus[e.waiter]?.holds.find((h) => h.class === e.class);
    if (op?.inInterrupt && hold && !hold.inInterrupt)
      return (
        `${name} holds ${e.class}; ${handlerName(scenario)} on ${name} waits for ${e.class}, and the code ` +
        `holding it cannot run until the handler returns: ${name} can never move.`
      );
    return `${name} holds ${e.class} and waits for ${e.class}, which it holds itself: it can never move.`;
  }
  const parts = cycle.map((edge, i) => {
    const incoming = cycle[(i + cycle.length - 1) % cycle.length]!;
    return `${cpuName(scenario, edge.waiter)}${heldPart(scenario, state, incoming)}${waitPart(scenario, state, edge)}`;
  });
  return `${parts.join('; ')}: ${cycle.length === 2 ? 'neither' : 'none of them'} can move.`;
}
