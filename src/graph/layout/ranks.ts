// Ranks by longest path over the dependencies that were not set aside: every kept edge points
// down (rank(next) > rank(prev)), so lock order reads top to bottom.
import type { Adjacency } from '../adjacency';

/**
 * Kahn's order, then classes nothing leads to are pulled down to just above their highest
 * successor, so a held lock taken before one deep class does not sit alone at the top.
 */
export function rankNodes(adj: Adjacency, back: Uint8Array): Int32Array {
  const { start, target, edge } = adj;
  const n = start.length - 1;
  const indegree = new Int32Array(n);
  for (let s = 0; s < target.length; s++) if (!back[edge[s]!]) indegree[target[s]!]!++;
  const sources = new Uint8Array(n);
  const topo = new Int32Array(n);
  let head = 0;
  let tail = 0;
  for (let v = 0; v < n; v++) {
    if (indegree[v] === 0) {
      sources[v] = 1;
      topo[tail++] = v;
    }
  }
  const rank = new Int32Array(n);
  while (head < tail) {
    const v = topo[head++]!;
    for (let s = start[v]!; s < start[v + 1]!; s++) {
      if (back[edge[s]!]) continue;
      const w = target[s]!;
      if (rank[v]! + 1 > rank[w]!) rank[w] = rank[v]! + 1;
      if (--indegree[w]! === 0) topo[tail++] = w;
    }
  }
  for (let i = tail - 1; i >= 0; i--) {
    const v = topo[i]!;
    if (!sources[v]) continue;
    let lowest = Infinity;
    for (let s = start[v]!; s < start[v + 1]!; s++) {
      if (!back[edge[s]!]) lowest = Math.min(lowest, rank[target[s]!]!);
    }
    if (lowest !== Infinity) rank[v] = lowest - 1;
  }
  return rank;
}
