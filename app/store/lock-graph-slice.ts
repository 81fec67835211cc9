// The lock-graph explorer's slice: what a whole-kernel dependency dump (/proc/lockdep, WITNESS
// fullgraph) is showing — a class's neighbourhood, a path, a cycle, or on request everything —
// and which renderer draws it. What is drawn is derived from this (lock-graph-selectors.ts).
import type { StateCreator } from 'zustand';
import type { ParseOutput } from '../../src/model/types';
import type { AppState } from './create-app-store';

export type ExplorerQuery =
  | { mode: 'neighbourhood'; focus: string; depth: 1 | 2 }
  | { mode: 'path'; from: string; to: string }
  | { mode: 'cycle'; index: number }
  | { mode: 'whole' };

export type ExplorerMode = ExplorerQuery['mode'];

/** 'webgl' is Cytoscape's WebGL renderer: fast with a GPU, slower than canvas in software. */
export type ExplorerRenderer = 'canvas' | 'webgl';

export interface ExplorerState {
  query: ExplorerQuery | null;
  /** the parse and report the query was asked of: a new parse or report forgets it */
  output: ParseOutput | null;
  report: number | null;
}

export interface LockGraphSlice {
  explorer: ExplorerState;
  explorerRenderer: ExplorerRenderer;
  /** show this in the selected lock-graph report's explorer; null shows nothing */
  setExplorerQuery(query: ExplorerQuery | null): void;
  setExplorerRenderer(renderer: ExplorerRenderer): void;
}

export const createLockGraphSlice: StateCreator<AppState, [], [], LockGraphSlice> = (set, get) => ({
  explorer: { query: null, output: null, report: null },
  explorerRenderer: 'canvas',
  setExplorerQuery(query) {
    const s = get();
    set({ explorer: { query: query && normalise(query), output: s.output, report: s.selected } });
  },
  setExplorerRenderer(renderer) {
    if (renderer !== get().explorerRenderer) set({ explorerRenderer: renderer });
  },
});

function normalise(q: ExplorerQuery): ExplorerQuery {
  if (q.mode === 'neighbourhood') return { ...q, depth: q.depth === 2 ? 2 : 1 };
  if (q.mode === 'cycle') return { mode: 'cycle', index: Math.max(0, Math.floor(q.index)) };
  return q;
}

/** The query for the report shown now; null when none was asked of it. */
export const selectExplorerQuery = (s: AppState): ExplorerQuery | null =>
  s.explorer.output === s.output && s.explorer.report === s.selected ? s.explorer.query : null;
