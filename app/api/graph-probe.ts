// Where the drawn graph's elements are on screen, for browser tests that click them on the
// canvas. The graph view registers a probe while it is mounted; window.lockscope.geometry() asks.

export interface ElementPoint {
  id: string;
  /** viewport (client) coordinates, CSS px: a node's centre, an edge's midpoint */
  x: number;
  y: number;
}

export interface GraphGeometry {
  nodes: ElementPoint[];
  edges: (ElementPoint & { prev: string; next: string })[];
  zoom: number;
}

let probe: (() => GraphGeometry) | null = null;

export function setGraphProbe(next: (() => GraphGeometry) | null): void {
  probe = next;
}

export function readGraphGeometry(): GraphGeometry | null {
  return probe ? probe() : null;
}
