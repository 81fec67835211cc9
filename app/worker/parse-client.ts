// The page's handle on the parse worker: one request at a time, the newest wins.
import type { ParseOutput } from '../../src/model/types';
import type { ParseFn } from '../store/types';
import { latestOnlyWorker } from './latest-only-worker';
import type { ParseRequest } from './messages';

export class ParseSuperseded extends Error {
  constructor() {
    super('a newer parse replaced this one');
    this.name = 'ParseSuperseded';
  }
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
  const ask = latestOnlyWorker<Omit<ParseRequest, 'id'>, { output: ParseOutput }>({
    factory,
    what: 'parser',
    superseded: () => new ParseSuperseded(),
  });
  return async (text) => (await ask({ text })).output;
}
