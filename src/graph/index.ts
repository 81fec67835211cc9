// The lock graph: build it from reports, find its cycles, lay it out.
export * from './types';
export { buildLockGraph, waiterNodeId, type BuildOptions } from './build';
export {
  cycleEdgeIds,
  findCycles,
  pathBetween,
  shortestCycleThrough,
  type FindCyclesOptions,
  type FoundCycles,
} from './cycles';
export {
  layeredLayout,
  type LayeredLayout,
  type LayoutGraph,
  type LayoutOptions,
  type Size,
} from './layout';
