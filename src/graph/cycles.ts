// Cycles in a lock graph: the shortest cycle through a clicked dependency, every elementary cycle
// (bounded), and "is A ever taken before B?" — breadth-first and iterative, for 32,000 edges.
import { buildAdjacency, type Adjacency } from './adjacency';
import { edgeId, type LockGraph } from './types';

const cache = new WeakMap<LockGraph, Adjacency>();

/** Out-edges of the graph's nodes, built once per graph (graphs are derived data: never mutated). */
export function adjacencyOf(graph: LockGraph): Adjacency {
  let adj = cache.get(graph);
  if (!adj) {
    adj = buildAdjacency(graph.nodes, graph.edges);
    cache.set(graph, adj);
  }
  return adj;
}

/** The edge ids of a cycle in taken-before order, the closing `c(n-1) -> c0` last. */
export function cycleEdgeIds(cycle: readonly string[]): string[] {
  return cycle.map((c, i) => edgeId(c, cycle[(i + 1) % cycle.length]!));
}

/**
 * The shortest cycle that uses edge `id` (`prev -> next`), in taken-before order starting at
 * `prev`: [prev, next, …]. A self-loop gives [prev]. Null when the edge is on no cycle or unknown.
 */
export function shortestCycleThrough(graph: LockGraph, id: string): string[] | null {
  const adj = adjacencyOf(graph);
  const edge = graph.edges.find((e) => e.id === id);
  if (!edge) return null;
  const from = adj.index.get(edge.next);
  const to = adj.index.get(edge.prev);
  if (from === undefined || to === undefined) return null;
  if (from === to) return [edge.prev];
  // a cycle never leaves its strongly connected component
  const scc = graph.nodes[from]!.scc;
  if (scc < 0 || graph.nodes[to]!.scc !== scc) return null;
  const path = bfs(adj, from, to, (v) => graph.nodes[v]!.scc === scc);
  return path && [edge.prev, ...path.slice(0, -1).map((v) => graph.nodes[v]!.id)];
}

/**
 * A shortest path of dependencies from `a` to `b` — [a, …, b] — when `b` can be acquired while
 * `a` is held through some order the graph records ("is A ever taken before B?"). [a] when
 * a === b; null when there is none or a class is unknown.
 */
export function pathBetween(graph: LockGraph, a: string, b: string): string[] | null {
  const adj = adjacencyOf(graph);
  const from = adj.index.get(a);
  const to = adj.index.get(b);
  if (from === undefined || to === undefined) return null;
  const path = bfs(adj, from, to, () => true);
  return path && path.map((v) => graph.nodes[v]!.id);
}

/** Breadth-first, edges in graph order, so the path found is the same every time. */
function bfs(
  adj: Adjacency,
  from: number,
  to: number,
  allowed: (v: number) => boolean,
): number[] | null {
  const n = adj.start.length - 1;
  const parent = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  queue[tail++] = from;
  parent[from] = from;
  while (head < tail && parent[to] === -1) {
    const v = queue[head++]!;
    for (let s = adj.start[v]!; s < adj.start[v + 1]!; s++) {
      const w = adj.target[s]!;
      if (parent[w] !== -1 || !allowed(w)) continue;
      parent[w] = v;
      queue[tail++] = w;
    }
  }
  if (parent[to] === -1) return null;
  const path = [to];
  for (let v = to; v !== from;) path.push((v = parent[v]!));
  return path.reverse();
}

export interface FindCyclesOptions {
  /** stop after this many cycles (default 100) */
  limit?: number;
  /** stop after this many edge visits (default 2,000,000: well under a second) */
  budget?: number;
}

export interface FoundCycles {
  /** elementary cycles, each starting at its earliest class in node order, taken-before order */
  cycles: string[][];
  /** every elementary cycle of the graph is listed (neither the limit nor the budget was hit) */
  complete: boolean;
}

/**
 * Every elementary cycle, by Johnson's algorithm made iterative, one strongly connected component
 * at a time, each cycle found from its earliest node. Johnson's blocking keeps the walk at
 * O(V + E) per cycle found; we skip its per-start SCC recomputation (quadratic on a whole-kernel
 * graph) and bound the work instead, so a huge graph gives a partial list (`complete: false`)
 * quickly. Cycles come in discovery order; callers that want the shortest first sort them.
 */
export function findCycles(graph: LockGraph, options: FindCyclesOptions = {}): FoundCycles {
  const limit = options.limit ?? 100;
  const budget = options.budget ?? 2_000_000;
  const { start, target } = adjacencyOf(graph);
  const n = graph.nodes.length;
  const scc = Int32Array.from(graph.nodes, (node) => node.scc);
  const blocked = new Uint8Array(n);
  const found = new Uint8Array(n);
  const cursor = new Int32Array(n);
  const blockers: (Set<number> | undefined)[] = new Array(n);
  const touched: number[] = [];
  const path: number[] = [];
  const cycles: string[][] = [];
  let work = 0;

  const unblock = (u: number) => {
    const stack = [u];
    while (stack.length) {
      const x = stack.pop()!;
      if (!blocked[x]) continue;
      blocked[x] = 0;
      const b = blockers[x];
      if (b) {
        work += b.size;
        for (const y of b) stack.push(y);
        b.clear();
      }
    }
  };

  for (let s = 0; s < n && cycles.length < limit && work < budget; s++) {
    const c = scc[s]!;
    if (c < 0) continue;
    const allowed = (w: number) => w >= s && scc[w] === c;
    for (const v of touched) {
      blocked[v] = 0;
      blockers[v] = undefined;
    }
    touched.length = 0;
    path.push(s);
    blocked[s] = 1;
    found[s] = 0;
    cursor[s] = start[s]!;
    touched.push(s);
    while (path.length && work < budget) {
      const v = path[path.length - 1]!;
      if (cursor[v]! < start[v + 1]!) {
        const w = target[cursor[v]!++]!;
        work++;
        if (!allowed(w)) continue;
        if (w === s) {
          cycles.push(path.map((x) => graph.nodes[x]!.id));
          found[v] = 1;
          if (cycles.length >= limit) break;
        } else if (!blocked[w]) {
          path.push(w);
          blocked[w] = 1;
          found[w] = 0;
          cursor[w] = start[w]!;
          touched.push(w);
        }
        continue;
      }
      path.pop();
      if (found[v]) {
        unblock(v);
      } else {
        // v stays blocked until one of its successors is unblocked
        for (let k = start[v]!; k < start[v + 1]!; k++) {
          const w = target[k]!;
          if (!allowed(w)) continue;
          (blockers[w] ??= new Set()).add(v);
        }
        work += start[v + 1]! - start[v]!;
      }
      if (path.length && found[v]) found[path[path.length - 1]!] = 1;
    }
    path.length = 0;
  }
  const complete = cycles.length < limit && work < budget;
  return { cycles, complete };
}
