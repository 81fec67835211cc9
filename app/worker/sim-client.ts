// The page's handle on the simulator worker: one exploration at a time, the newest wins (Run
// again, or a new program, stops a search that is still walking states).
import { latestOnlyWorker } from './latest-only-worker';
import type { SimAnswer, SimRequest } from './sim-messages';

export type SimulateFn = (text: string, options?: { stateBudget?: number }) => Promise<SimAnswer>;

export class SimSuperseded extends Error {
  constructor() {
    super('a newer run replaced this one');
    this.name = 'SimSuperseded';
  }
}

const startWorker = () =>
  new Worker(new URL('./sim.worker.ts', import.meta.url), {
    type: 'module',
    name: 'lockscope-sim',
  });

export function createSimClient(factory: () => Worker = startWorker): SimulateFn {
  const ask = latestOnlyWorker<Omit<SimRequest, 'id'>, SimAnswer>({
    factory,
    what: 'simulator',
    superseded: () => new SimSuperseded(),
  });
  return (text, options = {}) => ask({ text, ...options });
}
