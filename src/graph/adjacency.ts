// Compact adjacency (CSR) over a LockGraph's node indexes, so the graph algorithms walk typed
// arrays instead of maps and stay linear on whole-kernel graphs (8,000 classes, 32,000 edges).
import type { LockEdge, LockNode } from './types';

export interface Adjacency {
  /** node id -> index into the nodes array */
  index: Map<string, number>;
  /** out-edges of node v are start[v] .. start[v + 1] - 1 */
  start: Int32Array;
  /** the node at the far end of each slot */
  target: Int32Array;
  /** the index into the edges array of each slot */
  edge: Int32Array;
}

/**
 * Out-edges (`prev -> next`) in edge order, or in-edges when `reverse` (then `target` is the
 * edge's prev). Edges whose ends are not nodes are skipped.
 */
export function buildAdjacency(
  nodes: readonly Pick<LockNode, 'id'>[],
  edges: readonly Pick<LockEdge, 'prev' | 'next'>[],
  reverse = false,
  index: Map<string, number> = indexNodes(nodes),
): Adjacency {
  const n = nodes.length;
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  const start = new Int32Array(n + 1);
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i]!;
    const a = index.get(reverse ? e.next : e.prev);
    const b = index.get(reverse ? e.prev : e.next);
    from[i] = a ?? -1;
    to[i] = b ?? -1;
    if (a !== undefined && b !== undefined) start[a + 1]!++;
  }
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const fill = start.slice(0, n);
  const target = new Int32Array(start[n]!);
  const edge = new Int32Array(start[n]!);
  for (let i = 0; i < edges.length; i++) {
    const a = from[i]!;
    const b = to[i]!;
    if (a < 0 || b < 0) continue;
    const slot = fill[a]!++;
    target[slot] = b;
    edge[slot] = i;
  }
  return { index, start, target, edge };
}

export function indexNodes(nodes: readonly Pick<LockNode, 'id'>[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) index.set(nodes[i]!.id, i);
  return index;
}
