// Queries over a whole-kernel lock graph (8,000 classes, 32,000 dependencies) for the explorer:
// find a class by name, its neighbourhood, a suggested lock order. Linear or better, no recursion.
// INTERIM: src/graph/ is getting searchClasses / neighbourhood / suggestedLockOrder (issue #8);
// once they land these become thin adapters over them (the lead consolidates).
import { adjacencyOf } from '../../src/graph/cycles';
import { buildAdjacency, type Adjacency } from '../../src/graph/adjacency';
import { findBackEdges } from '../../src/graph/layout/back-edges';
import type { LockEdge, LockGraph } from '../../src/graph';

/** Out- and in-adjacency of a graph, and each class's degree, built once per graph. */
export interface ClassIndex {
  graph: LockGraph;
  out: Adjacency;
  in: Adjacency;
  /** lower-cased names, for case-insensitive search */
  lower: string[];
}

const indexes = new WeakMap<LockGraph, ClassIndex>();

export function indexClasses(graph: LockGraph): ClassIndex {
  let ix = indexes.get(graph);
  if (!ix) {
    const out = adjacencyOf(graph);
    ix = {
      graph,
      out,
      in: buildAdjacency(graph.nodes, graph.edges, true, out.index),
      lower: graph.nodes.map((n) => n.id.toLowerCase()),
    };
    indexes.set(graph, ix);
  }
  return ix;
}

export const outDegree = (ix: ClassIndex, v: number) => ix.out.start[v + 1]! - ix.out.start[v]!;
export const inDegree = (ix: ClassIndex, v: number) => ix.in.start[v + 1]! - ix.in.start[v]!;

export interface ClassMatch {
  name: string;
  /** taken after this many classes (dependencies into it) and before this many (out of it) */
  in: number;
  out: number;
}

// Where a query may start inside a name: after these, a new word begins ("&sb->s_type->i_mutex").
const WORD_START = /[&>.(/_:\s-]/;

/**
 * Classes whose name contains `query` (case-insensitive), best first: the exact name, then names
 * starting with it, then names with a word starting with it, then any other; within each, shorter
 * names, then more dependencies (a kernel developer looks for the busy locks), then by name.
 */
export function searchClasses(ix: ClassIndex, query: string, limit = 20): ClassMatch[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const hits: { v: number; rank: number }[] = [];
  for (let v = 0; v < ix.lower.length; v++) {
    const name = ix.lower[v]!;
    const at = name.indexOf(q);
    if (at < 0) continue;
    let rank = 3;
    if (name === q) rank = 0;
    else if (at === 0) rank = 1;
    else {
      // any occurrence at a word start counts, not only the first
      for (let i = at; i >= 0; i = name.indexOf(q, i + 1))
        if (WORD_START.test(name[i - 1]!)) {
          rank = 2;
          break;
        }
    }
    hits.push({ v, rank });
  }
  const nodes = ix.graph.nodes;
  const degree = (v: number) => inDegree(ix, v) + outDegree(ix, v);
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      nodes[a.v]!.id.length - nodes[b.v]!.id.length ||
      degree(b.v) - degree(a.v) ||
      (nodes[a.v]!.id < nodes[b.v]!.id ? -1 : 1),
  );
  return hits.slice(0, limit).map(({ v }) => ({
    name: nodes[v]!.id,
    in: inDegree(ix, v),
    out: outDegree(ix, v),
  }));
}

/** Neighbours of one class in one direction, in the order the explorer lists them. */
export function neighbours(ix: ClassIndex, name: string, direction: 'in' | 'out'): string[] {
  const adj = direction === 'out' ? ix.out : ix.in;
  const v = adj.index.get(name);
  if (v === undefined) return [];
  const nodes = ix.graph.nodes;
  const scc = nodes[v]!.scc;
  const list: number[] = [];
  for (let s = adj.start[v]!; s < adj.start[v + 1]!; s++)
    if (adj.target[s] !== v) list.push(adj.target[s]!);
  // Classes on a cycle with this one first (what a developer chasing a deadlock wants), then
  // the busiest, then by name: the same order every time.
  const degree = (w: number) => inDegree(ix, w) + outDegree(ix, w);
  list.sort(
    (a, b) =>
      Number(scc >= 0 && nodes[b]!.scc === scc) - Number(scc >= 0 && nodes[a]!.scc === scc) ||
      degree(b) - degree(a) ||
      (nodes[a]!.id < nodes[b]!.id ? -1 : 1),
  );
  return list.map((w) => nodes[w]!.id);
}

export interface Neighbourhood {
  /** classes drawn, the focus first */
  nodes: string[];
  /** dependencies drawn: every one between two drawn classes, up to the edge cap */
  edges: LockEdge[];
  /** classes with more neighbours than drawn: how many were left out, per direction */
  hidden: { name: string; direction: 'in' | 'out'; count: number }[];
  /** the focus is not a class of the graph */
  unknown: boolean;
}

export interface NeighbourhoodOptions {
  /** 1: the classes taken right before and after; 2: and theirs (default 1) */
  depth?: number;
  /** neighbours drawn per class and direction at the first step (default 30) */
  perClass?: number;
  /** …and at the second step, from each of those (default 6) */
  perClassFar?: number;
  /** dependencies drawn at most (default 600) */
  maxEdges?: number;
}

/**
 * The classes taken before `focus` (walking dependencies backwards) and after it (forwards), up
 * to `depth` steps each way, capped per class so that a hub with hundreds of neighbours draws
 * as its first few plus "N more". Never mixes directions: depth 2 is no siblings.
 */
export function neighbourhood(
  ix: ClassIndex,
  focus: string,
  options: NeighbourhoodOptions = {},
): Neighbourhood {
  const depth = Math.max(1, Math.min(2, Math.floor(options.depth ?? 1)));
  const caps = [options.perClass ?? 30, options.perClassFar ?? 6];
  if (!ix.out.index.has(focus)) return { nodes: [], edges: [], hidden: [], unknown: true };
  const drawn = new Set<string>([focus]);
  const hidden: Neighbourhood['hidden'] = [];
  for (const direction of ['out', 'in'] as const) {
    let frontier = [focus];
    for (let d = 0; d < depth; d++) {
      const next: string[] = [];
      for (const name of frontier) {
        const list = neighbours(ix, name, direction);
        const shown = list.slice(0, caps[d]!);
        if (list.length > shown.length)
          hidden.push({ name, direction, count: list.length - shown.length });
        for (const w of shown) {
          if (drawn.has(w)) continue;
          drawn.add(w);
          next.push(w);
        }
      }
      frontier = next;
    }
  }
  const nodes = [...drawn];
  return { nodes, edges: edgesAmong(ix, nodes, options.maxEdges ?? 600), hidden, unknown: false };
}

/** Every dependency between two of `names` (self-loops included), at most `max`. */
export function edgesAmong(ix: ClassIndex, names: readonly string[], max = Infinity): LockEdge[] {
  const { start, target, edge, index } = ix.out;
  const inSet = new Set<number>();
  for (const n of names) {
    const v = index.get(n);
    if (v !== undefined) inSet.add(v);
  }
  const out: LockEdge[] = [];
  for (const v of inSet)
    for (let s = start[v]!; s < start[v + 1]! && out.length < max; s++)
      if (inSet.has(target[s]!)) out.push(ix.graph.edges[edge[s]!]!);
  return out;
}

export interface LockOrder {
  /** every class, each once: a lock may be taken while any lock before it is held */
  order: string[];
  /** dependencies that go against `order` (each closes a cycle), in edge order */
  backEdges: LockEdge[];
}

/**
 * A topological order of the classes once the dependencies that close cycles are set aside
 * (a depth-first walk names them: each points back to a class still on the walk's stack).
 * Kahn's algorithm in node order, so the same graph gives the same order.
 */
export function suggestedLockOrder(graph: LockGraph): LockOrder {
  const ix = indexClasses(graph);
  const n = graph.nodes.length;
  const { back } = findBackEdges(
    ix.out,
    graph.edges.length,
    new Uint8Array(graph.edges.length),
    -1,
  );
  const indegree = new Int32Array(n);
  const { start, target, edge } = ix.out;
  for (let s = 0; s < target.length; s++) if (!back[edge[s]!]) indegree[target[s]!]!++;
  const queue = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) if (indegree[v] === 0) queue[tail++] = v;
  while (head < tail) {
    const v = queue[head++]!;
    for (let s = start[v]!; s < start[v + 1]!; s++) {
      if (back[edge[s]!]) continue;
      const w = target[s]!;
      if (--indegree[w]! === 0) queue[tail++] = w;
    }
  }
  return {
    order: Array.from(queue.subarray(0, tail), (v) => graph.nodes[v]!.id),
    backEdges: graph.edges.filter((_, i) => back[i]),
  };
}
