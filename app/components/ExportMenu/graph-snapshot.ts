// What the Export menu needs from the graph on screen, registered by the graph view while it is
// mounted (the store never holds the Cytoscape instance): a PNG of it and the drawing as shown.
import type { SvgDrawing, SvgPalette } from '../../../src/render/svg';

export interface GraphSnapshot {
  /** the whole graph as drawn now (highlight, fading, stepper badges), at `scale` */
  png(scale: number): Blob;
  /** positions, sizes, labels and view classes of every lock class and dependency drawn */
  drawing(): SvgDrawing;
  /** the page's theme colours, for an SVG that looks like the page */
  palette(): SvgPalette;
}

let current: GraphSnapshot | null = null;

export function setGraphSnapshot(next: GraphSnapshot | null): void {
  current = next;
}

export function readGraphSnapshot(): GraphSnapshot | null {
  return current;
}
