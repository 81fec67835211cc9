// Lays the lock graph out in layers off the main thread; the page applies the positions.
import { layeredLayout } from '../../src/graph';
import type { LayoutRequest, LayoutResponse } from './layout-messages';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, graph, sizes, options } = event.data;
  let response: LayoutResponse;
  try {
    const t0 = performance.now();
    const { positions, backEdges, width, height } = layeredLayout(graph, { sizes, ...options });
    response = { id, ok: true, positions, backEdges, width, height, ms: performance.now() - t0 };
  } catch (err) {
    response = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response);
};
