// A Web Worker used one request at a time, where the newest request wins: a new one terminates
// the busy worker (a stale 50 MB parse, or the layout of a graph no longer shown, is not worth
// finishing) and starts a fresh one. The parse and layout clients are both this.

export type WorkerReply<Ok> =
  ({ id: number; ok: true } & Ok) | { id: number; ok: false; error: string };

export interface LatestOnlyOptions<Ok> {
  factory: () => Worker;
  /** "parser", "layout": names the worker in error messages */
  what: string;
  /** the error a replaced request is rejected with (callers ignore it by its class) */
  superseded: () => Error;
  /** keeps only what the caller wants from a successful reply */
  answer?: (reply: { id: number; ok: true } & Ok) => Ok;
}

export function latestOnlyWorker<Req extends object, Ok extends object>(
  options: LatestOnlyOptions<Ok>,
): (request: Req) => Promise<Ok> {
  const { factory, what, superseded, answer = (r) => r } = options;
  let worker: Worker | null = null;
  let pending: { id: number; resolve: (o: Ok) => void; reject: (e: Error) => void } | null = null;
  let nextId = 1;

  const start = (): Worker => {
    const w = factory();
    w.onmessage = (event: MessageEvent<WorkerReply<Ok>>) => {
      const msg = event.data;
      if (!pending || msg.id !== pending.id) return;
      const p = pending;
      pending = null;
      if (msg.ok) p.resolve(answer(msg));
      else p.reject(new Error(`the ${what} failed: ${msg.error}`));
    };
    w.onerror = (event: ErrorEvent) => {
      event.preventDefault();
      const p = pending;
      pending = null;
      worker?.terminate();
      worker = null;
      p?.reject(new Error(`the ${what} worker crashed: ${event.message || 'unknown error'}`));
    };
    return w;
  };

  return (request) =>
    new Promise<Ok>((resolve, reject) => {
      if (pending) {
        pending.reject(superseded());
        pending = null;
        worker?.terminate();
        worker = null;
      }
      worker ??= start();
      const id = nextId++;
      pending = { id, resolve, reject };
      worker.postMessage({ ...request, id });
    });
}
