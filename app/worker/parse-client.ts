// The page's handle on the parse worker: one request at a time, the newest wins.
import type { ParseOutput } from '../../src/model/types';
import type { ParseFn } from '../store/types';
import type { ParseRequest, ParseResponse } from './messages';

export class ParseSuperseded extends Error {
  constructor() {
    super('a newer parse replaced this one');
    this.name = 'ParseSuperseded';
  }
}

interface Pending {
  id: number;
  resolve: (o: ParseOutput) => void;
  reject: (e: Error) => void;
}

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./parse.worker.ts', import.meta.url), {
    type: 'module',
    name: 'lockscope-parse',
  });

/**
 * A ParseFn backed by a Web Worker. A new request while one is running terminates the busy
 * worker (a stale 50 MB parse is not worth waiting for) and starts a fresh one.
 */
export function createWorkerParser(factory: WorkerFactory = defaultFactory): ParseFn {
  let worker: Worker | null = null;
  let pending: Pending | null = null;
  let nextId = 1;

  const start = (): Worker => {
    const w = factory();
    w.onmessage = (event: MessageEvent<ParseResponse>) => {
      const msg = event.data;
      if (!pending || msg.id !== pending.id) return;
      const p = pending;
      pending = null;
      if (msg.ok) p.resolve(msg.output);
      else p.reject(new Error(`the parser failed: ${msg.error}`));
    };
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      const p = pending;
      pending = null;
      worker?.terminate();
      worker = null;
      p?.reject(new Error(`the parse worker crashed: ${event.message || 'unknown error'}`));
    };
    return w;
  };

  return (text: string) =>
    new Promise<ParseOutput>((resolve, reject) => {
      if (pending) {
        pending.reject(new ParseSuperseded());
        pending = null;
        worker?.terminate();
        worker = null;
      }
      worker ??= start();
      const id = nextId++;
      pending = { id, resolve, reject };
      const request: ParseRequest = { id, text };
      worker.postMessage(request);
    });
}
