// The lock graph as Cytoscape elements: data (label, size) and the classes the stylesheet reads.
import type { ElementDefinition } from 'cytoscape';
import { cycleEdgeIds, edgeLabel, type LockGraph } from '../../../src/graph';
import type { Report } from '../../../src/model/types';
import type { NodeLabel } from './label';

export function graphElements(
  graph: LockGraph,
  labels: ReadonlyMap<string, NodeLabel>,
  reports: readonly Report[],
  merged: boolean,
): ElementDefinition[] {
  const inCycle = new Set(graph.cycle ?? []);
  // Merged, every report's own cycle is drawn as the cycle (a log holds several deadlocks).
  const cycleEdges = new Set<string>();
  if (merged) {
    for (const r of graph.shown ?? []) {
      const cycle = reports[r]?.cycle ?? [];
      for (const name of cycle) inCycle.add(name);
      for (const id of cycleEdgeIds(cycle)) cycleEdges.add(id);
    }
  }
  const out: ElementDefinition[] = [];
  for (const n of graph.nodes) {
    const label = labels.get(n.id)!;
    const classes = [
      inCycle.has(n.id) ? 'in-cycle' : '',
      n.scc >= 0 ? 'in-scc' : '',
      n.held ? 'held' : '',
      n.acquiring ? 'acquiring' : '',
    ];
    out.push({
      group: 'nodes',
      data: { id: n.id, label: label.text, w: label.width, h: label.height },
      classes: classes.filter(Boolean).join(' '),
    });
  }
  for (const e of graph.edges) {
    const classes = [
      e.inCycle || cycleEdges.has(e.id) ? 'in-cycle' : '',
      e.inScc ? 'in-scc' : '',
      e.isNew ? 'new' : '',
    ];
    out.push({
      group: 'edges',
      data: {
        id: e.id,
        source: e.prev,
        target: e.next,
        label: edgeLabel(e, reports, merged),
        bow: 0,
      },
      classes: classes.filter(Boolean).join(' '),
    });
  }
  return out;
}
