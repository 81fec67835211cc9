// Puts what the lock-graph explorer shows into its Cytoscape instance: elements in one batch,
// the layered layout in the worker (linear time: ~100 ms for a whole 8,000-class kernel), the
// positions applied with the preset layout, then "drawn" once two frames have been painted.
import { useEffect, useState } from 'react';
import type { Core } from 'cytoscape';
import type { ExplorerView } from '../../store';
import { createLayoutClient, LayoutSuperseded, type LayoutFn } from '../../worker/layout-client';
import { backEdgeBow, type Box } from './back-edge-bow';
import { explorerElements, moreId, moreLabel } from './explorer-elements';
import { ARROW_ZOOM } from './explorer-style';
import { layoutLabel, type NodeLabel } from './label';
import { fitGraph, labelMetrics } from './useGraphContent';

let layout: LayoutFn | null = null;

/** Starts the layout worker before the first question, so the first answer draws as fast. */
export function warmExplorerLayout(): void {
  layout ??= createLayoutClient();
  layout({ nodes: [], edges: [], cycle: null }, {}).catch(() => {});
}

function afterPaint(cy: Core, done: () => void): void {
  let fired = false;
  const go = () => {
    if (fired) return;
    fired = true;
    requestAnimationFrame(() => requestAnimationFrame(done));
  };
  cy.one('render', go);
  setTimeout(go, 1000); // a graph already on screen in the same place renders nothing new
}

/** Whole graph: arrowheads only once zoomed in enough to see them (they cost per edge). */
function followZoom(cy: Core): () => void {
  let near: boolean | null = null;
  const update = () => {
    const now = cy.zoom() >= ARROW_ZOOM;
    if (now === near) return;
    near = now;
    cy.batch(() => cy.edges().toggleClass('arrows', now));
  };
  cy.on('zoom', update);
  update();
  return () => cy.off('zoom', update);
}

export function useExplorerContent(
  cy: Core | null,
  container: HTMLElement | null,
  view: ExplorerView | null,
  drawKey: string | null,
  markDrawn: (key: string) => void,
): { placed: string | null; error: string | null } {
  const [placed, setPlaced] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // a renderer change destroys the instance; this render still holds the old one
    if (!cy || cy.destroyed() || !view || drawKey === null) return;
    let cancelled = false;
    let stopZoom = () => {};
    setPlaced(null);
    setError(null);
    const whole = view.query.mode === 'whole';
    const m = labelMetrics();
    const labels = new Map<string, NodeLabel>();
    for (const n of view.graph.nodes) labels.set(n.id, layoutLabel(n.id, m));
    for (const h of view.hidden)
      labels.set(moreId(h.name, h.direction), stubLabel(moreLabel(h.count, h.direction), m));
    const elements = explorerElements(view, labels);
    cy.batch(() => {
      cy.elements().remove();
      cy.add(elements);
    });
    const sizes: Record<string, { width: number; height: number }> = Object.create(null);
    for (const [id, l] of labels) sizes[id] = { width: l.width, height: l.height };
    const shape = {
      nodes: [...labels.keys()].map((id) => ({ id })),
      edges: elements
        .filter((e) => e.group === 'edges')
        .map((e) => ({
          id: e.data.id!,
          prev: e.data.source as string,
          next: e.data.target as string,
        })),
      cycle: view.path ?? view.reversePath ?? view.graph.cycle,
    };
    layout ??= createLayoutClient();
    const width = container?.clientWidth ?? 800;
    // Neighbourhoods wrap near the view's width; the whole graph near a square's side.
    const maxRowWidth = whole ? undefined : Math.max(600, width / 0.8);
    layout(shape, sizes, maxRowWidth ? { maxRowWidth } : {}).then(
      (answer) => {
        if (cancelled || cy.destroyed()) return;
        const pos = answer.positions;
        if (container) {
          const h = whole ? 640 : Math.min(680, Math.max(320, answer.height + 90));
          container.style.height = `${Math.round(h)}px`;
          cy.resize();
        }
        cy.layout({ name: 'preset', positions: pos, fit: false, animate: false }).run();
        if (!whole) bowBackEdges(cy, pos, labels, answer.backEdges, answer.width);
        fitGraph(cy);
        if (whole) stopZoom = followZoom(cy);
        setPlaced(drawKey);
        afterPaint(cy, () => {
          if (!cancelled) markDrawn(drawKey);
        });
      },
      (err: unknown) => {
        if (cancelled || err instanceof LayoutSuperseded) return;
        setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      cancelled = true;
      stopZoom();
    };
  }, [cy, container, view, drawKey, markDrawn]);

  return { placed, error };
}

function stubLabel(text: string, m: ReturnType<typeof labelMetrics>): NodeLabel {
  const lines = text.split('\n');
  const longest = Math.max(...lines.map((l) => l.length));
  return {
    text,
    width: Math.ceil(longest * m.charWidth + 2 * m.padX),
    height: Math.ceil(lines.length * m.lineHeight + 2 * m.padY),
  };
}

/** The edges the layout set aside point back up: bow them clear of the boxes in their way. */
function bowBackEdges(
  cy: Core,
  pos: Record<string, { x: number; y: number }>,
  labels: ReadonlyMap<string, NodeLabel>,
  backEdges: readonly string[],
  width: number,
): void {
  const boxes: Box[] = [];
  for (const [id, l] of labels) {
    const p = pos[id];
    if (p) boxes.push({ x: p.x, y: p.y, w: l.width, h: l.height });
  }
  const back = new Set(backEdges);
  cy.batch(() =>
    cy.edges().forEach((e) => {
      const from = pos[e.source().id()];
      const to = pos[e.target().id()];
      const bow =
        back.has(e.id()) && from && to && from !== to
          ? backEdgeBow(from, to, boxes, from.x >= width / 2 ? 1 : -1)
          : 0;
      e.toggleClass('back', bow !== 0);
      e.data('bow', bow);
    }),
  );
}
