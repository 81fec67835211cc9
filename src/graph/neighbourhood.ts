// The part of a whole-kernel graph around one class: what was held before it and what was taken
// after it, a few dependencies away. Whole graphs have hubs (&rq->__lock, rcu_read_lock are
// taken under thousands of classes), so the walk is bounded by a node limit as well as by depth.
import { buildAdjacency, type Adjacency } from './adjacency';
import { adjacencyOf } from './cycles';
import type { LockGraph } from './types';

const reverseCache = new WeakMap<LockGraph, Adjacency>();

/** In-edges of the graph's nodes (`target` is the edge's prev), built once per graph. */
export function reverseAdjacencyOf(graph: LockGraph): Adjacency {
  let adj = reverseCache.get(graph);
  if (!adj) {
    adj = buildAdjacency(graph.nodes, graph.edges, true, adjacencyOf(graph).index);
    reverseCache.set(graph, adj);
  }
  return adj;
}

export type NeighbourSide = 'center' | 'before' | 'after' | 'both';

export interface NeighbourNode {
  id: string;
  /** dependencies away from the center (0 for the center) */
  distance: number;
  /** before: held when the center is taken (a path leads to it); after: taken while it is held */
  side: NeighbourSide;
}

export interface Neighbourhood {
  center: string;
  /** nearest first; ties in graph node order */
  nodes: NeighbourNode[];
  /** ids of every edge between two listed classes, in graph edge order */
  edges: string[];
  /** the node limit cut the walk short: there are more classes within `depth` */
  truncated: boolean;
  /**
   * with `perClass`: classes whose neighbours on a side were not all followed, and how many were
   * left out (a hub draws as its first few plus "N more")
   */
  hidden: { id: string; side: 'before' | 'after'; count: number }[];
}

export interface NeighbourhoodOptions {
  /** 'before' (predecessors), 'after' (successors) or 'both' (default) */
  direction?: 'before' | 'after' | 'both';
  /** classes at most, center included (default 500) */
  limit?: number;
  /**
   * neighbours followed from each class per side, by step (`[30, 6]`: 30 from the center, 6 from
   * each of those; the last applies further out), in neighboursOf's order; default all
   */
  perClass?: number | readonly number[];
}

/**
 * The classes taken right after `id` (`after`) or right before it (`before`), the class itself
 * left out: those on a cycle with it first (what a developer chasing a deadlock wants), then the
 * busiest (most dependencies in and out), then graph order. Empty for an unknown class.
 */
export function neighboursOf(graph: LockGraph, id: string, side: 'before' | 'after'): string[] {
  const out = adjacencyOf(graph);
  const v = out.index.get(id);
  if (v === undefined) return [];
  return orderedNeighbours(graph, side === 'after' ? out : reverseAdjacencyOf(graph), v).map(
    (w) => graph.nodes[w]!.id,
  );
}

function orderedNeighbours(graph: LockGraph, adj: Adjacency, v: number): number[] {
  const out = adjacencyOf(graph);
  const inn = reverseAdjacencyOf(graph);
  const nodes = graph.nodes;
  const scc = nodes[v]!.scc;
  const list = [...new Set(adj.target.subarray(adj.start[v]!, adj.start[v + 1]!))].filter(
    (w) => w !== v,
  );
  const mate = (w: number) => Number(scc >= 0 && nodes[w]!.scc === scc);
  const degree = (w: number) =>
    out.start[w + 1]! - out.start[w]! + inn.start[w + 1]! - inn.start[w]!;
  return list.sort((a, b) => mate(b) - mate(a) || degree(b) - degree(a) || a - b);
}

/**
 * Classes within `depth` dependencies of `center`, following edges forwards (after) and
 * backwards (before) but never mixing the two (a sibling under a shared hub is not a neighbour).
 * Breadth-first one level at a time on both sides; null when the class is unknown.
 */
export function neighbourhood(
  graph: LockGraph,
  center: string,
  depth: number,
  options: NeighbourhoodOptions = {},
): Neighbourhood | null {
  const out = adjacencyOf(graph);
  const c = out.index.get(center);
  if (c === undefined) return null;
  const direction = options.direction ?? 'both';
  const limit = Math.max(1, options.limit ?? 500);
  const n = graph.nodes.length;
  // bit 1: reached forwards, bit 2: reached backwards
  const side = new Uint8Array(n);
  const distance = new Int32Array(n).fill(-1);
  const picked: number[] = [c];
  distance[c] = 0;
  let truncated = false;
  const caps = options.perClass === undefined ? null : [options.perClass].flat();
  const hidden: Neighbourhood['hidden'] = [];

  const walks: { adj: Adjacency; bit: number; frontier: number[] }[] = [];
  if (direction !== 'before') walks.push({ adj: out, bit: 1, frontier: [c] });
  if (direction !== 'after') walks.push({ adj: reverseAdjacencyOf(graph), bit: 2, frontier: [c] });
  for (let d = 1; d <= depth && !truncated; d++) {
    for (const walk of walks) {
      const next: number[] = [];
      const cap = caps ? Math.max(0, caps[Math.min(d, caps.length) - 1] ?? Infinity) : Infinity;
      for (const v of walk.frontier) {
        let followed: Iterable<number> = walk.adj.target.subarray(
          walk.adj.start[v]!,
          walk.adj.start[v + 1]!,
        );
        if (caps) {
          const all = orderedNeighbours(graph, walk.adj, v);
          followed = all.slice(0, cap);
          if (all.length > cap)
            hidden.push({
              id: graph.nodes[v]!.id,
              side: walk.bit === 1 ? 'after' : 'before',
              count: all.length - cap,
            });
        }
        for (const w of followed) {
          if (w === c || side[w]! & walk.bit) continue;
          if (distance[w] === -1) {
            if (picked.length >= limit) {
              truncated = true;
              continue;
            }
            distance[w] = d;
            picked.push(w);
          }
          side[w]! |= walk.bit;
          next.push(w);
        }
      }
      walk.frontier = next;
    }
  }

  picked.sort((a, b) => distance[a]! - distance[b]! || a - b);
  const chosen = new Uint8Array(n);
  for (const v of picked) chosen[v] = 1;
  const edgeIndexes: number[] = [];
  for (const v of picked) {
    for (let s = out.start[v]!; s < out.start[v + 1]!; s++)
      if (chosen[out.target[s]!]) edgeIndexes.push(out.edge[s]!);
  }
  edgeIndexes.sort((a, b) => a - b);
  return {
    center,
    nodes: picked.map((v) => ({
      id: graph.nodes[v]!.id,
      distance: distance[v]!,
      side: v === c ? 'center' : sideName(side[v]!),
    })),
    edges: edgeIndexes.map((e) => graph.edges[e]!.id),
    truncated,
    hidden,
  };
}

function sideName(bits: number): NeighbourSide {
  return bits === 3 ? 'both' : bits === 1 ? 'after' : 'before';
}
