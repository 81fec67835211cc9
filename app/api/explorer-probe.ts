// What the lock-graph explorer has on its canvas now, for window.lockscope.state() and the
// benchmarks: element counts, the zoom, whether labels are drawn at it, and which renderer drew.
// The explorer's graph view registers the probe while it is mounted.

export interface ExplorerDrawing {
  /** elements on the canvas, "+N more" stubs included */
  nodes: number;
  edges: number;
  zoom: number;
  /** labels are drawn at this zoom (the whole graph hides them when zoomed out) */
  labelsShown: boolean;
  /** the renderer that drew it: 'webgl' only when asked for and the browser has WebGL2 */
  renderer: 'canvas' | 'webgl';
  /** viewport (client) centres of the drawn classes, for tests that click them */
  positions: { id: string; x: number; y: number }[];
}

let probe: (() => ExplorerDrawing) | null = null;

export function setExplorerProbe(next: (() => ExplorerDrawing) | null): void {
  probe = next;
}

export function readExplorerDrawing(): ExplorerDrawing | null {
  return probe ? probe() : null;
}
