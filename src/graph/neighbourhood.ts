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
}

export interface NeighbourhoodOptions {
  /** 'before' (predecessors), 'after' (successors) or 'both' (default) */
  direction?: 'before' | 'after' | 'both';
  /** classes at most, center included (default 500) */
  limit?: number;
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

  const walks: { adj: Adjacency; bit: number; frontier: number[] }[] = [];
  if (direction !== 'before') walks.push({ adj: out, bit: 1, frontier: [c] });
  if (direction !== 'after') walks.push({ adj: reverseAdjacencyOf(graph), bit: 2, frontier: [c] });
  for (let d = 1; d <= depth && !truncated; d++) {
    for (const walk of walks) {
      const next: number[] = [];
      for (const v of walk.frontier) {
        for (let s = walk.adj.start[v]!; s < walk.adj.start[v + 1]!; s++) {
          const w = walk.adj.target[s]!;
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
  };
}

function sideName(bits: number): NeighbourSide {
  return bits === 3 ? 'both' : bits === 1 ? 'after' : 'before';
}
