// The explorer's side of the src/graph queries (docs/lock-graph.md): what the UI needs on top of
// them — a class's dependency counts, a neighbourhood shaped for drawing (a hub as its first few
// plus "N more", an edge cap), the dependencies among a set of classes — on their cached indexes.
import {
  adjacencyOf,
  neighbourhood,
  neighboursOf,
  reverseAdjacencyOf,
  type LockEdge,
  type LockGraph,
} from '../../src/graph';

export {
  searchClasses,
  suggestedLockOrder,
  type ClassMatch,
  type LockOrder,
} from '../../src/graph';

export const hasClass = (graph: LockGraph, name: string): boolean =>
  adjacencyOf(graph).index.has(name);

/** How many dependencies lead into `name` (taken after those) and out of it. */
export function degreeOf(graph: LockGraph, name: string): { in: number; out: number } {
  const out = adjacencyOf(graph);
  const inn = reverseAdjacencyOf(graph);
  const v = out.index.get(name);
  if (v === undefined) return { in: 0, out: 0 };
  return { in: inn.start[v + 1]! - inn.start[v]!, out: out.start[v + 1]! - out.start[v]! };
}

/** Neighbours of one class ('out': taken while it is held), in the order the explorer lists them. */
export const neighbours = (graph: LockGraph, name: string, direction: 'in' | 'out'): string[] =>
  neighboursOf(graph, name, direction === 'out' ? 'after' : 'before');

export interface ExplorerNeighbourhood {
  /** classes drawn, the focus first */
  nodes: string[];
  /** every dependency between two drawn classes, up to the edge cap */
  edges: LockEdge[];
  /** classes with more neighbours than drawn: how many were left out, per direction */
  hidden: { name: string; direction: 'in' | 'out'; count: number }[];
  /** the focus is not a class of the graph */
  unknown: boolean;
}

export interface ExplorerNeighbourhoodOptions {
  /** 1: the classes taken right before and after; 2: and theirs */
  depth: number;
  /** neighbours drawn per class and direction, by step (default 30 then 6) */
  perClass?: readonly number[];
  /** dependencies drawn at most (default 600) */
  maxEdges?: number;
}

/** A class's neighbourhood as the explorer draws it: readable even around a hub. */
export function explorerNeighbourhood(
  graph: LockGraph,
  focus: string,
  { depth, perClass = [30, 6], maxEdges = 600 }: ExplorerNeighbourhoodOptions,
): ExplorerNeighbourhood {
  const hood = neighbourhood(graph, focus, Math.max(1, Math.min(2, depth)), { perClass });
  if (!hood) return { nodes: [], edges: [], hidden: [], unknown: true };
  const nodes = hood.nodes.map((n) => n.id);
  return {
    nodes,
    edges: edgesAmong(graph, nodes, maxEdges),
    hidden: hood.hidden.map((h) => ({
      name: h.id,
      direction: h.side === 'after' ? 'out' : 'in',
      count: h.count,
    })),
    unknown: false,
  };
}

/** Every dependency between two of `names` (self-loops included), at most `max`. */
export function edgesAmong(graph: LockGraph, names: readonly string[], max = Infinity): LockEdge[] {
  const { start, target, edge, index } = adjacencyOf(graph);
  const inSet = new Set<number>();
  for (const n of names) {
    const v = index.get(n);
    if (v !== undefined) inSet.add(v);
  }
  const out: LockEdge[] = [];
  for (const v of inSet)
    for (let s = start[v]!; s < start[v + 1]! && out.length < max; s++)
      if (inSet.has(target[s]!)) out.push(graph.edges[edge[s]!]!);
  return out;
}
