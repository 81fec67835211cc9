// The page's handle on the layout worker: one layout at a time, the newest wins (a layout of a
// graph no longer shown is not worth finishing).
import type { LayoutGraph, Size } from '../../src/graph';
import type { LayoutAnswer, LayoutRequest, LayoutResponse } from './layout-messages';

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
  let worker: Worker | null = null;
  let pending: {
    id: number;
    resolve: (a: LayoutAnswer) => void;
    reject: (e: Error) => void;
  } | null = null;
  let nextId = 1;

  const start = (): Worker => {
    const w = factory();
    w.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const msg = event.data;
      if (!pending || msg.id !== pending.id) return;
      const p = pending;
      pending = null;
      if (msg.ok) p.resolve(msg);
      else p.reject(new Error(`the layout failed: ${msg.error}`));
    };
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      const p = pending;
      pending = null;
      worker?.terminate();
      worker = null;
      p?.reject(new Error(`the layout worker crashed: ${event.message || 'unknown error'}`));
    };
    return w;
  };

  return (graph, sizes, options = {}) =>
    new Promise<LayoutAnswer>((resolve, reject) => {
      if (pending) {
        pending.reject(new LayoutSuperseded());
        pending = null;
        worker?.terminate();
        worker = null;
      }
      worker ??= start();
      const id = nextId++;
      pending = { id, resolve, reject };
      // Only the shape crosses to the worker: no usage strings, report refs or SCC lists.
      const shape: LayoutGraph = {
        nodes: graph.nodes.map((n) => ({ id: n.id })),
        edges: graph.edges.map((e) => ({ id: e.id, prev: e.prev, next: e.next })),
        cycle: graph.cycle,
      };
      const request: LayoutRequest = { id, graph: shape, sizes, options };
      worker.postMessage(request);
    });
}
