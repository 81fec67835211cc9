// What the lock-graph explorer draws, derived from the selected lock-graph report and the
// explorer's query, memoised on exactly those: a neighbourhood of a few dozen classes out of
// 8,000, a path, a cycle, or (asked for) the whole graph.
import {
  buildLockGraph,
  cycleEdgeIds,
  edgeId,
  findCycles,
  isTakenBefore,
  type LockGraph,
} from '../../src/graph';
import type { Report } from '../../src/model/types';
import type { AppState } from './create-app-store';
import { selectGraphKey, selectLockGraph, type Highlight } from './graph-selectors';
import { selectExplorerQuery, type ExplorerQuery } from './lock-graph-slice';
import {
  edgesAmong,
  explorerNeighbourhood,
  hasClass,
  type ExplorerNeighbourhood,
} from './lock-graph-queries';
import { selectSelectedReport } from './selectors';

/** The selected report when it is a whole-kernel dependency dump, else null. */
export const selectLockGraphReport = (s: AppState): Report | null => {
  const r = selectSelectedReport(s);
  return r?.kind === 'lock-graph' ? r : null;
};

let ownGraph: { report: Report; graph: LockGraph } | null = null;

/** The dump's graph: every class and dependency (shared with the usual graph selector). */
export const selectDumpGraph = (s: AppState): LockGraph | null => {
  const report = selectLockGraphReport(s);
  if (!report) return null;
  if (!s.merged) return selectLockGraph(s);
  if (ownGraph?.report !== report) ownGraph = { report, graph: buildLockGraph([report]) };
  return ownGraph.graph;
};

const NO_CYCLES: readonly (readonly string[])[] = Object.freeze([]);
let cyclesMemo: { report: Report; cycles: readonly (readonly string[])[] } | null = null;

/**
 * The dump's cycles as the parser lists them (`cycles`); for a parser that lists none, the
 * graph's own, bounded (findCycles), shortest first.
 */
export const selectDumpCycles = (s: AppState): readonly (readonly string[])[] => {
  const report = selectLockGraphReport(s);
  if (!report) return NO_CYCLES;
  if (cyclesMemo?.report === report) return cyclesMemo.cycles;
  const listed = (report as Report & { cycles?: string[][] }).cycles;
  let cycles: readonly (readonly string[])[] = listed ?? NO_CYCLES;
  if (!listed) {
    const graph = selectDumpGraph(s);
    if (graph)
      cycles = findCycles(graph, { limit: 500 }).cycles.sort((a, b) => a.length - b.length);
  }
  cyclesMemo = { report, cycles };
  return cycles;
};

export interface ExplorerView {
  query: ExplorerQuery;
  /** what is drawn: a LockGraph holding the dump's own nodes and edges */
  graph: LockGraph;
  /** neighbourhood: the class asked about */
  focus: string | null;
  /** path: A …→ B when A is ever taken before B, else null */
  path: string[] | null;
  /** path with no A …→ B: B …→ A when B is taken before A instead, else null */
  reversePath: string[] | null;
  /** neighbourhood: neighbours left out, per class and direction ("N more") */
  hidden: ExplorerNeighbourhood['hidden'];
  /** names asked about that the dump does not hold */
  unknown: string[];
  /** classes and dependencies lit up: the path, the cycle, the focus */
  highlight: Highlight;
}

let viewInputs: [LockGraph | null, ExplorerQuery | null, readonly (readonly string[])[]] | null =
  null;
let viewMemo: ExplorerView | null = null;

export const selectExplorerView = (s: AppState): ExplorerView | null => {
  const graph = selectDumpGraph(s);
  const query = selectExplorerQuery(s);
  const cycles = query?.mode === 'cycle' ? selectDumpCycles(s) : NO_CYCLES;
  if (viewInputs && viewInputs[0] === graph && viewInputs[1] === query && viewInputs[2] === cycles)
    return viewMemo;
  viewInputs = [graph, query, cycles];
  viewMemo = graph && query ? explorerView(graph, query, cycles) : null;
  return viewMemo;
};

export function explorerView(
  full: LockGraph,
  query: ExplorerQuery,
  cycles: readonly (readonly string[])[],
): ExplorerView {
  const view: ExplorerView = {
    query,
    graph: full,
    focus: null,
    path: null,
    reversePath: null,
    hidden: [],
    unknown: [],
    highlight: { nodes: [], edges: [] },
  };
  const known = (name: string) => hasClass(full, name);
  const sub = (names: readonly string[], cycle: readonly string[] | null): LockGraph => {
    const keep = new Set(names);
    return {
      nodes: full.nodes.filter((n) => keep.has(n.id)),
      edges: edgesAmong(full, names),
      cycle: cycle ? [...cycle] : null,
      sccs: [],
    };
  };
  switch (query.mode) {
    case 'whole':
      return view;
    case 'neighbourhood': {
      const hood = explorerNeighbourhood(full, query.focus, { depth: query.depth });
      if (hood.unknown) view.unknown = [query.focus];
      view.focus = hood.unknown ? null : query.focus;
      view.hidden = hood.hidden;
      view.graph = { nodes: [], edges: hood.edges, cycle: null, sccs: [] };
      const keep = new Set(hood.nodes);
      view.graph.nodes = full.nodes.filter((n) => keep.has(n.id));
      // the focus first, so the layout starts its walk there
      view.graph.nodes.sort((a, b) => Number(b.id === query.focus) - Number(a.id === query.focus));
      view.highlight = { nodes: view.focus ? [view.focus] : [], edges: [] };
      return view;
    }
    case 'path': {
      view.unknown = [query.from, query.to].filter((n) => !known(n));
      if (view.unknown.length) {
        view.graph = sub([query.from, query.to].filter(known), null);
        return view;
      }
      view.path = isTakenBefore(full, query.from, query.to);
      if (!view.path && query.from !== query.to)
        view.reversePath = isTakenBefore(full, query.to, query.from);
      const shown = view.path ?? view.reversePath ?? [query.from, query.to];
      view.graph = sub(shown, null);
      const lit = view.path ?? view.reversePath;
      // A before A is the shortest cycle through A: only its dependencies are drawn
      view.graph.edges = view.graph.edges.filter((e) => !lit || onPath(lit, e.prev, e.next));
      view.highlight = lit
        ? { nodes: lit, edges: lit.slice(1).map((_, i) => edgeId(lit[i]!, lit[i + 1]!)) }
        : { nodes: [], edges: [] };
      return view;
    }
    case 'cycle': {
      const cycle = cycles[query.index];
      if (!cycle) {
        view.graph = sub([], null);
        return view;
      }
      view.graph = sub(cycle, cycle);
      view.highlight = { nodes: [...cycle], edges: cycleEdgeIds(cycle) };
      return view;
    }
  }
}

function onPath(path: readonly string[], prev: string, next: string): boolean {
  for (let i = 0; i + 1 < path.length; i++)
    if (path[i] === prev && path[i + 1] === next) return true;
  return false;
}

/**
 * Names what the explorer should have on screen now (the graph, the query, the renderer); the
 * view marks it drawn (markDrawn) once painted. Null when the explorer has nothing to draw.
 */
export const selectExplorerKey = (s: AppState): string | null => {
  if (!selectLockGraphReport(s)) return null;
  const query = selectExplorerQuery(s);
  if (!query) return null;
  return `${selectGraphKey(s)}|lock-graph|${JSON.stringify(query)}|${s.explorerRenderer}`;
};

/** Is what the explorer should show on screen? null when the selected report is no lock graph. */
export const selectExplorerDrawn = (s: AppState): boolean | null => {
  if (!selectLockGraphReport(s)) return null;
  if (s.status === 'parsing') return false;
  const key = selectExplorerKey(s);
  return key === null || s.drawn.key === key;
};
