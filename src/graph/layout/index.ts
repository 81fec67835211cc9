// A layered (Sugiyama-style) layout in near-linear time, for a Web Worker (no DOM): lock order
// reads top to bottom and the edge that closes the shown cycle is the one pointing back up.
// General-purpose layouts take 10–110 s at 2,000 nodes here (toolchain.md §7); this takes ms.
import { buildAdjacency, indexNodes } from '../adjacency';
import { edgeId } from '../types';
import { findBackEdges } from './back-edges';
import { orderLayers } from './order';
import { placeLayers, type Size } from './place';
import { rankNodes } from './ranks';

export type { Size } from './place';

/** What the layout reads: a LockGraph will do, and so will a thin copy sent to a worker. */
export interface LayoutGraph {
  nodes: readonly { id: string }[];
  edges: readonly { id: string; prev: string; next: string }[];
  cycle: readonly string[] | null;
}

export interface LayoutOptions {
  /** the drawn size of a class (its wrapped label); called once per node */
  nodeSize?: (id: string) => Size;
  /** the same as a plain object, which can be posted to a worker; nodeSize wins when both given */
  sizes?: Readonly<Record<string, Size>>;
  /** for nodes neither gives (default 160 x 40) */
  defaultSize?: Size;
  /** horizontal gap between neighbours (default 40) */
  nodeGap?: number;
  /** vertical gap between ranks (default 60) */
  rankGap?: number;
  /** vertical gap between the rows of a wrapped rank (default 24) */
  rowGap?: number;
  /** a rank wider than this wraps onto several rows (default: about twice the side of a square holding every node, at least 1,600) */
  maxRowWidth?: number;
  /**
   * a drawing taller than this (and over 3 times taller than wide) folds its ranks into
   * side-by-side columns; edges between columns then point up and right (default 10,000)
   */
  foldHeight?: number;
  /** barycenter down-and-up sweeps (default 4) */
  sweeps?: number;
}

export interface LayeredLayout {
  /** node centres, from (0, 0) at the top left to (width, height) */
  positions: Record<string, { x: number; y: number }>;
  /** 0 at the top; every edge not in backEdges goes from a lower rank to a higher one */
  ranks: Record<string, number>;
  /** the column of a folded drawing each node is in; all 0 when not folded */
  columns: Record<string, number>;
  /** edges set aside to break cycles (they point up, or are self-loops), in edge order */
  backEdges: string[];
  width: number;
  height: number;
}

export function layeredLayout(graph: LayoutGraph, options: LayoutOptions = {}): LayeredLayout {
  const { nodes, edges } = graph;
  const n = nodes.length;
  const index = indexNodes(nodes);
  const adj = buildAdjacency(nodes, edges, false, index);

  const preferred = new Uint8Array(edges.length);
  const cycle = graph.cycle ?? [];
  const cycleKeys = new Set(cycle.map((c, i) => edgeId(c, cycle[(i + 1) % cycle.length]!)));
  edges.forEach((e, i) => {
    if (cycleKeys.has(edgeId(e.prev, e.next))) preferred[i] = 1;
  });
  const first = cycle.length ? (index.get(cycle[0]!) ?? -1) : -1;

  const { back, preorder } = findBackEdges(adj, edges.length, preferred, first);
  const rank = rankNodes(adj, back);
  const layers = orderLayers(adj, rank, preorder, options.sweeps ?? 4);

  const fallback = options.defaultSize ?? { width: 160, height: 40 };
  const size: Size[] = nodes.map(
    (node) => options.nodeSize?.(node.id) ?? options.sizes?.[node.id] ?? fallback,
  );
  const nodeGap = options.nodeGap ?? 40;
  const rankGap = options.rankGap ?? 60;
  let area = 0;
  for (const s of size) area += (s.width + nodeGap) * (s.height + rankGap);
  const placed = placeLayers(layers, size, {
    nodeGap,
    rankGap,
    rowGap: options.rowGap ?? 24,
    maxRowWidth: options.maxRowWidth ?? Math.max(1600, 2 * Math.sqrt(area)),
    foldHeight: options.foldHeight ?? 10_000,
  });

  // null prototype: a class may be called "__proto__" or "constructor"
  const positions: Record<string, { x: number; y: number }> = Object.create(null);
  const ranks: Record<string, number> = Object.create(null);
  const columns: Record<string, number> = Object.create(null);
  for (let v = 0; v < n; v++) {
    const id = nodes[v]!.id;
    positions[id] = { x: placed.x[v]!, y: placed.y[v]! };
    ranks[id] = rank[v]!;
    columns[id] = placed.column[v]!;
  }
  const backEdges: string[] = [];
  edges.forEach((e, i) => {
    if (back[i]) backEdges.push(e.id);
  });
  return { positions, ranks, columns, backEdges, width: placed.width, height: placed.height };
}
