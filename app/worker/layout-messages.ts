// The messages between the page and the layout worker: the graph's bare shape and the node sizes
// go in, centres come back (plain objects, so they clone cheaply).
import type { LayoutGraph, Size } from '../../src/graph';

export interface LayoutRequest {
  id: number;
  graph: LayoutGraph;
  /** each node's box (its wrapped label), px */
  sizes: Record<string, Size>;
  options: { maxRowWidth?: number };
}

export interface LayoutAnswer {
  /** node centres, px, as Cytoscape's preset layout takes them */
  positions: Record<string, { x: number; y: number }>;
  /** ids of the edges set aside to break cycles: they point back up */
  backEdges: string[];
  width: number;
  height: number;
  /** time spent laying out in the worker, ms */
  ms: number;
}

export type LayoutResponse =
  ({ id: number; ok: true } & LayoutAnswer) | { id: number; ok: false; error: string };
