// Order within ranks: a few barycenter sweeps (Sugiyama's heuristic) to cut edge crossings.
// Each sweep is O(E + V log V); the number of sweeps is fixed, so the whole stays near-linear.
import type { Adjacency } from '../adjacency';

/**
 * Layers as arrays of node indexes, top rank first. Starts from `initial` (an order of all nodes,
 * the depth-first preorder keeps neighbours together), then alternates a downward sweep (each
 * node moves to the mean position of its neighbours above) and an upward one. Positions are
 * centred on the layer (index - (size - 1) / 2) because rows are drawn centred, so a long edge
 * pulls toward where its other end is drawn. Self-loops are ignored; back edges count.
 */
export function orderLayers(
  adj: Adjacency,
  rank: Int32Array,
  initial: Int32Array,
  sweeps: number,
): number[][] {
  const { start, target } = adj;
  const n = start.length - 1;
  let ranks = 0;
  for (let v = 0; v < n; v++) ranks = Math.max(ranks, rank[v]! + 1);
  const layers: number[][] = Array.from({ length: ranks }, () => []);
  for (const v of initial) layers[rank[v]!]!.push(v);

  // undirected neighbours, each once per edge, without self-loops
  const degree = new Int32Array(n + 1);
  for (let v = 0; v < n; v++) {
    for (let s = start[v]!; s < start[v + 1]!; s++) {
      const w = target[s]!;
      if (w === v) continue;
      degree[v + 1]!++;
      degree[w + 1]!++;
    }
  }
  for (let v = 0; v < n; v++) degree[v + 1]! += degree[v]!;
  const fill = degree.slice(0, n);
  const neighbour = new Int32Array(degree[n]!);
  for (let v = 0; v < n; v++) {
    for (let s = start[v]!; s < start[v + 1]!; s++) {
      const w = target[s]!;
      if (w === v) continue;
      neighbour[fill[v]!++] = w;
      neighbour[fill[w]!++] = v;
    }
  }

  const x = new Float64Array(n);
  const place = (layer: number[]) => {
    const mid = (layer.length - 1) / 2;
    for (let i = 0; i < layer.length; i++) x[layer[i]!] = i - mid;
  };
  for (const layer of layers) place(layer);

  const key = new Float64Array(n);
  const sweep = (r: number, above: boolean) => {
    const layer = layers[r]!;
    for (const v of layer) {
      let sum = 0;
      let count = 0;
      for (let k = degree[v]!; k < degree[v + 1]!; k++) {
        const w = neighbour[k]!;
        const rw = rank[w]!;
        if (above ? rw < r : rw > r) {
          sum += x[w]!;
          count++;
        }
      }
      key[v] = count ? sum / count : x[v]!;
    }
    // stable: ties keep their current order
    layer.sort((a, b) => key[a]! - key[b]! || x[a]! - x[b]!);
    place(layer);
  };
  for (let i = 0; i < sweeps; i++) {
    for (let r = 1; r < ranks; r++) sweep(r, true);
    for (let r = ranks - 2; r >= 0; r--) sweep(r, false);
  }
  return layers;
}
