// What the lock-graph explorer shows, as Cytoscape elements: the classes and dependencies drawn,
// the focus and the path lit by class, and a dashed "+N more" stub for each capped neighbour list.
import type { ElementDefinition } from 'cytoscape';
import { edgeId } from '../../../src/graph';
import type { ExplorerView } from '../../store';
import type { NodeLabel } from './label';

/** A stub's id cannot clash with a class name: names never hold NUL. */
export const moreId = (name: string, direction: 'in' | 'out') =>
  `more\u0000${direction}\u0000${name}`;

export function isMoreId(id: string): boolean {
  return id.startsWith('more\u0000');
}

/** The class a "+N more" stub belongs to. */
export function moreOwner(id: string): { name: string; direction: 'in' | 'out' } | null {
  if (!isMoreId(id)) return null;
  const [, direction, ...rest] = id.split('\u0000');
  return { name: rest.join('\u0000'), direction: direction === 'in' ? 'in' : 'out' };
}

export function moreLabel(count: number, direction: 'in' | 'out'): string {
  return `+${count} more\n${direction === 'out' ? 'taken after' : 'taken before'}`;
}

export function explorerElements(
  view: ExplorerView,
  labels: ReadonlyMap<string, NodeLabel>,
): ElementDefinition[] {
  const { graph } = view;
  const path = view.path ?? view.reversePath;
  const pathClass = view.path ? 'on-path' : 'reverse-path';
  const lit = new Set(path ?? (view.query.mode === 'cycle' ? (graph.cycle ?? []) : []));
  const litEdges = new Set(view.highlight.edges);
  const out: ElementDefinition[] = [];
  for (const n of graph.nodes) {
    const label = labels.get(n.id)!;
    const classes = [
      n.scc >= 0 ? 'in-scc' : '',
      n.id === view.focus ? 'focus' : '',
      lit.has(n.id) ? (path ? pathClass : 'in-cycle') : '',
    ];
    out.push({
      group: 'nodes',
      data: { id: n.id, label: label.text, w: label.width, h: label.height },
      classes: classes.filter(Boolean).join(' '),
    });
  }
  for (const e of graph.edges) {
    const classes = [
      e.inScc ? 'in-scc' : '',
      litEdges.has(e.id) ? (path ? pathClass : 'in-cycle') : '',
    ];
    out.push({
      group: 'edges',
      data: { id: e.id, source: e.prev, target: e.next, label: '', bow: 0 },
      classes: classes.filter(Boolean).join(' '),
    });
  }
  for (const h of view.hidden) {
    const id = moreId(h.name, h.direction);
    const label = labels.get(id)!;
    out.push({
      group: 'nodes',
      data: { id, label: label.text, w: label.width, h: label.height },
      classes: 'more',
    });
    const [source, target] = h.direction === 'out' ? [h.name, id] : [id, h.name];
    out.push({
      group: 'edges',
      data: { id: edgeId(source, target), source, target, label: '', bow: 0 },
      classes: 'more',
    });
  }
  return out;
}
