// The graph slice: what is selected in the lock graph, whether all reports are merged, and how
// many times the graph view has finished drawing. The graph itself is derived (graph-selectors).
import type { StateCreator } from 'zustand';
import type { AppState } from './create-app-store';

/** A lock class (node id = class name) or a dependency (edge id = edgeId(prev, next)). */
export type GraphSelection = { kind: 'node'; id: string } | { kind: 'edge'; id: string };

export interface DrawnMark {
  /** bumps every time the view has drawn a graph (layout applied, frames painted) */
  count: number;
  /** selectGraphKey of the graph it drew */
  key: string | null;
}

export interface GraphSlice {
  graphSelection: GraphSelection | null;
  /** show every report's dependencies in one graph instead of the selected report's */
  merged: boolean;
  drawn: DrawnMark;
  /** a cycle lit up from the list of every cycle (taken-before order); null when none */
  focusedCycle: readonly string[] | null;
  selectGraphElement(selection: GraphSelection | null): void;
  /** light up a whole cycle (clears the graph selection); null clears */
  focusCycle(cycle: readonly string[] | null): void;
  setMerged(merged: boolean): void;
  /** the graph view reports that the graph with this key is on screen */
  markDrawn(key: string): void;
}

export const createGraphSlice: StateCreator<AppState, [], [], GraphSlice> = (set, get) => ({
  graphSelection: null,
  merged: false,
  drawn: { count: 0, key: null },
  focusedCycle: null,
  selectGraphElement(selection) {
    set({ graphSelection: selection, focusedCycle: null });
  },
  focusCycle(cycle) {
    set({ focusedCycle: cycle && cycle.length > 0 ? [...cycle] : null, graphSelection: null });
  },
  setMerged(merged) {
    if (merged !== get().merged) set({ merged, graphSelection: null, focusedCycle: null });
  },
  markDrawn(key) {
    set({ drawn: { count: get().drawn.count + 1, key } });
  },
});
