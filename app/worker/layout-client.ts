// The page's handle on the layout worker: one layout at a time, the newest wins (a layout of a
// graph no longer shown is not worth finishing).
import type { LayoutGraph, Size } from '../../src/graph';
import { latestOnlyWorker } from './latest-only-worker';
import type { LayoutAnswer, LayoutRequest } from './layout-messages';

export type LayoutFn = (
  graph: LayoutGraph,
  sizes: Record<string, Size>,
  options?: LayoutRequest['options'],
) => Promise<LayoutAnswer>;

export class LayoutSuperseded extends Error {
  constructor() {
    super('a newer layout replaced this one');
    this.name = 'LayoutSuperseded';
  }
}

const startWorker = () =>
  new Worker(new URL('./layout.worker.ts', import.meta.url), {
    type: 'module',
    name: 'lockscope-layout',
  });

export function createLayoutClient(factory: () => Worker = startWorker): LayoutFn {
  const ask = latestOnlyWorker<Omit<LayoutRequest, 'id'>, LayoutAnswer>({
    factory,
    what: 'layout',
    superseded: () => new LayoutSuperseded(),
  });
  return (graph, sizes, options = {}) => {
    // Only the shape crosses to the worker: no usage strings, report refs or SCC lists.
    const shape: LayoutGraph = {
      nodes: graph.nodes.map((n) => ({ id: n.id })),
      edges: graph.edges.map((e) => ({ id: e.id, prev: e.prev, next: e.next })),
      cycle: graph.cycle,
    };
    return ask({ graph: shape, sizes, options });
  };
}
