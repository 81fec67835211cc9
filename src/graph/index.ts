// The lock graph: build it from reports, find its cycles, lay it out.
export * from './types';
export { buildLockGraph, type BuildOptions } from './build';
