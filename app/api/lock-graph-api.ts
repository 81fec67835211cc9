// window.lockscope's view of the lock-graph explorer: graphQuery() asks it something, and
// state().lockGraph says what it shows — the query, its answer, and what is on the canvas.
import type { AppState, AppStore, ExplorerMode, ExplorerQuery, ExplorerRenderer } from '../store';
import {
  selectDumpCycles,
  selectDumpGraph,
  selectExplorerQuery,
  selectExplorerView,
  selectLockGraphReport,
} from '../store';
import { readExplorerDrawing, type ExplorerDrawing } from './explorer-probe';

export type GraphQuery =
  | { focus: string; depth?: number }
  | { from: string; to: string }
  | { cycle: number }
  | { whole: true };

export interface ApiLockGraph {
  /** the whole dump */
  classes: number;
  dependencies: number;
  cycles: string[][];
  /** what the explorer shows; 'none' until something is asked */
  mode: ExplorerMode | 'none';
  query: ExplorerQuery | null;
  /** the classes and dependencies of the view (the whole graph: counted, not listed) */
  nodes: string[];
  edges: [prev: string, next: string][];
  nodeCount: number;
  edgeCount: number;
  /** neighbours left out of a neighbourhood ("N more"), per class and direction */
  hidden: { name: string; direction: 'in' | 'out'; count: number }[];
  /** path: is `from` ever taken before `to`? null for other modes */
  takenBefore: boolean | null;
  path: string[] | null;
  /** no path: `to` …→ `from` when `to` is taken before `from` instead */
  reversePath: string[] | null;
  /** names asked about that the dump does not hold */
  unknown: string[];
  /** the renderer asked for */
  renderer: ExplorerRenderer;
  /** what is on the canvas now (null before the view is mounted) */
  drawing: ExplorerDrawing | null;
}

const LISTED_MAX = 2000;

export function apiLockGraph(s: AppState): ApiLockGraph | null {
  const report = selectLockGraphReport(s);
  const graph = selectDumpGraph(s);
  if (!report || !graph) return null;
  const view = selectExplorerView(s);
  const query = selectExplorerQuery(s);
  const g = view?.graph;
  const listed = g && g.nodes.length <= LISTED_MAX && query?.mode !== 'whole';
  return {
    classes: graph.nodes.length,
    dependencies: graph.edges.length,
    cycles: selectDumpCycles(s).map((c) => [...c]),
    mode: query?.mode ?? 'none',
    query,
    nodes: listed ? g.nodes.map((n) => n.id) : [],
    edges: listed ? g.edges.map((e) => [e.prev, e.next]) : [],
    nodeCount: g?.nodes.length ?? 0,
    edgeCount: g?.edges.length ?? 0,
    hidden: view?.hidden ?? [],
    takenBefore: query?.mode === 'path' && view?.unknown.length === 0 ? view.path !== null : null,
    path: view?.path ?? null,
    reversePath: view?.reversePath ?? null,
    unknown: view?.unknown ?? [],
    renderer: s.explorerRenderer,
    drawing: readExplorerDrawing(),
  };
}

export function graphQuery(store: AppStore, q: GraphQuery | null): ApiLockGraph | null {
  const s = store.getState();
  if (!selectLockGraphReport(s)) return null;
  let query: ExplorerQuery | null = null;
  if (q && 'focus' in q)
    query = { mode: 'neighbourhood', focus: String(q.focus), depth: q.depth === 2 ? 2 : 1 };
  else if (q && 'from' in q) query = { mode: 'path', from: String(q.from), to: String(q.to) };
  else if (q && 'cycle' in q) query = { mode: 'cycle', index: Number(q.cycle) };
  else if (q && 'whole' in q) query = { mode: 'whole' };
  s.setExplorerQuery(query);
  return structuredClone(apiLockGraph(store.getState()));
}
