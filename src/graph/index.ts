// The lock graph: build it from reports, find its cycles, lay it out.
export * from './types';
export { buildLockGraph, waiterNodeId, type BuildOptions } from './build';
export {
  adjacencyOf,
  cycleEdgeIds,
  findCycles,
  pathBetween,
  shortestCycleThrough,
  type FindCyclesOptions,
  type FoundCycles,
} from './cycles';
export { edgeLabel } from './edge-label';
export { isTakenBefore, suggestedLockOrder, type BackEdge, type LockOrder } from './lock-order';
export {
  neighbourhood,
  neighboursOf,
  reverseAdjacencyOf,
  type NeighbourNode,
  type Neighbourhood,
  type NeighbourhoodOptions,
  type NeighbourSide,
} from './neighbourhood';
export {
  MAX_REPRESENTATIVE_CYCLES,
  representativeCycles,
  type RepresentativeCycles,
} from './representative-cycles';
export { searchClasses, type ClassMatch } from './search-classes';
export {
  layeredLayout,
  type LayeredLayout,
  type LayoutGraph,
  type LayoutOptions,
  type Size,
} from './layout';
