// The lock graph, derived from the parse output, the selected report and the merged flag, and
// memoised on exactly those: the view redraws when the graph changes, not on every state change.
import {
  buildLockGraph,
  cycleEdgeIds,
  shortestCycleThrough,
  type LockEdge,
  type LockGraph,
} from '../../src/graph';
import type { ParseOutput } from '../../src/model/types';
import type { AppState } from './create-app-store';
import type { GraphSelection } from './graph-slice';

let graphInputs: [ParseOutput | null, number | null, boolean] | null = null;
let graphMemo: LockGraph | null = null;

/** The graph the page shows: the selected report's, or every report's when merged; null when none. */
export const selectLockGraph = (s: AppState): LockGraph | null => {
  const output = s.status === 'failed' ? null : s.output;
  if (
    graphInputs &&
    graphInputs[0] === output &&
    graphInputs[1] === s.selected &&
    graphInputs[2] === s.merged
  )
    return graphMemo;
  graphInputs = [output, s.selected, s.merged];
  if (!output || output.reports.length === 0 || (s.selected === null && !s.merged)) {
    graphMemo = null;
  } else {
    graphMemo = buildLockGraph(output.reports, s.merged ? {} : { only: [s.selected!] });
  }
  return graphMemo;
};

// Parse outputs numbered as they are first seen, so a graph's key tells two parses apart.
const outputIds = new WeakMap<ParseOutput, number>();
let nextOutputId = 1;

/** Names the graph shown now; the view marks the key it drew, and whenDrawn() compares them. */
export const selectGraphKey = (s: AppState): string => {
  let id = 0;
  if (s.output) {
    id = outputIds.get(s.output) ?? nextOutputId++;
    outputIds.set(s.output, id);
  }
  return `${id}|${s.merged ? 'merged' : String(s.selected)}`;
};

export interface Highlight {
  /** class names, in cycle order for an edge's shortest cycle */
  nodes: readonly string[];
  /** edge ids */
  edges: readonly string[];
}

const NO_HIGHLIGHT: Highlight = Object.freeze({ nodes: [], edges: [] });
let highlightInputs: [LockGraph | null, GraphSelection | null, readonly string[] | null] | null =
  null;
let highlightMemo: Highlight = NO_HIGHLIGHT;

/**
 * What the selection lights up: the selected node, or the shortest cycle through the selected
 * edge, or the cycle focused in the list of every cycle.
 */
export const selectHighlight = (s: AppState): Highlight => {
  const graph = selectLockGraph(s);
  const sel = s.graphSelection;
  const focused = s.focusedCycle ?? null;
  if (
    highlightInputs &&
    highlightInputs[0] === graph &&
    highlightInputs[1] === sel &&
    highlightInputs[2] === focused
  )
    return highlightMemo;
  highlightInputs = [graph, sel, focused];
  highlightMemo = !sel && focused ? cycleHighlight(graph, focused) : computeHighlight(graph, sel);
  return highlightMemo;
};

/** A cycle lit up as a whole, when every one of its dependencies is in the graph shown. */
function cycleHighlight(graph: LockGraph | null, cycle: readonly string[]): Highlight {
  if (!graph) return NO_HIGHLIGHT;
  const edges = cycleEdgeIds(cycle);
  const known = new Set(graph.edges.map((e) => e.id));
  return edges.every((id) => known.has(id)) ? { nodes: [...cycle], edges } : NO_HIGHLIGHT;
}

function computeHighlight(graph: LockGraph | null, sel: GraphSelection | null): Highlight {
  if (!graph || !sel) return NO_HIGHLIGHT;
  if (sel.kind === 'node') {
    return graph.nodes.some((n) => n.id === sel.id) ? { nodes: [sel.id], edges: [] } : NO_HIGHLIGHT;
  }
  const edge = graph.edges.find((e) => e.id === sel.id);
  if (!edge) return NO_HIGHLIGHT;
  const cycle = shortestCycleThrough(graph, sel.id);
  if (!cycle) return { nodes: [edge.prev, edge.next], edges: [edge.id] };
  return { nodes: cycle, edges: cycleEdgeIds(cycle) };
}

/** The selected edge, or null. */
export const selectSelectedEdge = (s: AppState): LockEdge | null => {
  const sel = s.graphSelection;
  if (sel?.kind !== 'edge') return null;
  return selectLockGraph(s)?.edges.find((e) => e.id === sel.id) ?? null;
};
