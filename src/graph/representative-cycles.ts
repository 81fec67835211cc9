// One cycle per strongly connected component of a whole-kernel graph: what `cycles` of a
// lock-graph report holds. Listing every elementary cycle can be exponential (findCycles bounds
// it); one short cycle per component is linear overall and names every tangle once.
import { buildAdjacency, type Adjacency } from './adjacency';
import { findSccs } from './scc';

/** Components listed at most: a report never carries more cycles than this. */
export const MAX_REPRESENTATIVE_CYCLES = 100;

/** Components up to this size get their shortest cycle; bigger ones one through their first class. */
const SMALL_COMPONENT = 64;

export interface RepresentativeCycles {
  /** taken-before order, the closing dependency back to the first class implied */
  cycles: string[][];
  /** strongly connected components with a cycle (may exceed cycles.length) */
  components: number;
}

/**
 * For each component with a cycle (largest first, ties by earliest class): in a component of up to
 * 64 classes its shortest cycle (the earliest such, starting at its earliest possible class), in a
 * bigger one the shortest cycle through its earliest class in `names` order, starting there.
 * Breadth-first inside the component only: O(64 × (classes + dependencies)) at worst.
 */
export function representativeCycles(
  names: readonly string[],
  dependencies: readonly { prev: string; next: string }[],
  limit = MAX_REPRESENTATIVE_CYCLES,
): RepresentativeCycles {
  const nodes = names.map((id) => ({ id }));
  const adj = buildAdjacency(nodes, dependencies);
  const sccs = findSccs(adj);
  const component = new Int32Array(names.length).fill(-1);
  sccs.forEach((members, k) => {
    for (const v of members) component[v] = k;
  });
  const search = newSearch(names.length);
  const cycles: string[][] = [];
  for (let k = 0; k < sccs.length && cycles.length < limit; k++) {
    const members = sccs[k]!; // sorted: the earliest class first
    const inside = (v: number) => component[v] === k;
    // a small tangle: its shortest cycle (from each member); a big one: through its first class
    const starts = members.length <= SMALL_COMPONENT ? members : [members[0]!];
    let best: number[] | null = null;
    for (const s of starts) {
      const path = shortestCycleFrom(adj, s, inside, search);
      if (path && (best === null || path.length < best.length)) best = path;
      if (best?.length === 1) break;
    }
    if (best) cycles.push(best.map((v) => names[v]!));
  }
  return { cycles, components: sccs.length };
}

interface Search {
  parent: Int32Array;
  queue: Int32Array;
}

function newSearch(n: number): Search {
  return { parent: new Int32Array(n).fill(-1), queue: new Int32Array(n) };
}

/** [s, …] where the last class leads back to s; [s] for a self-loop. Resets what it touched. */
function shortestCycleFrom(
  adj: Adjacency,
  s: number,
  allowed: (v: number) => boolean,
  { parent, queue }: Search,
): number[] | null {
  let head = 0;
  let tail = 0;
  queue[tail++] = s;
  parent[s] = s;
  let last = -1;
  search: while (head < tail) {
    const v = queue[head++]!;
    for (let slot = adj.start[v]!; slot < adj.start[v + 1]!; slot++) {
      const w = adj.target[slot]!;
      if (w === s) {
        last = v;
        break search;
      }
      if (parent[w] !== -1 || !allowed(w)) continue;
      parent[w] = v;
      queue[tail++] = w;
    }
  }
  let path: number[] | null = null;
  if (last !== -1) {
    path = [last];
    for (let v = last; v !== s;) path.push((v = parent[v]!));
    path.reverse();
  }
  for (let i = 0; i < tail; i++) parent[queue[i]!] = -1;
  return path;
}
