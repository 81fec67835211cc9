// Puts what the lock-graph explorer shows into its Cytoscape instance: the layered layout in the
// worker first (linear time: ~100 ms for a whole 8,000-class kernel), then the elements added
// once, in one batch, with their positions in them, and the viewport set from those positions —
// so Cytoscape computes styles and bounds once and renders once (adding first and moving after
// made it do all of it twice over 40,000 elements). "Drawn" once two frames have been painted.
import { useEffect, useState } from 'react';
import type { Core } from 'cytoscape';
import type { ExplorerView } from '../../store';
import { createLayoutClient, LayoutSuperseded, type LayoutFn } from '../../worker/layout-client';
import { bowBackEdges } from './back-edge-bow';
import { explorerElements, moreId, moreLabel } from './explorer-elements';
import { labelSizes, layoutLabel, type NodeLabel } from './label';
import { readPalette } from './graph-style';
import { fitGraph, labelMetrics } from './useGraphContent';
import { createEdgeLayer, type EdgeLayer } from './whole-edges';

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
    let edgeLayer: EdgeLayer | null = null;
    setPlaced(null);
    setError(null);
    const whole = view.query.mode === 'whole';
    const m = labelMetrics();
    const labels = new Map<string, NodeLabel>();
    for (const n of view.graph.nodes) labels.set(n.id, layoutLabel(n.id, m));
    for (const h of view.hidden)
      labels.set(moreId(h.name, h.direction), stubLabel(moreLabel(h.count, h.direction), m));
    const elements = explorerElements(view, labels);
    const sizes = labelSizes(labels);
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
        for (const e of elements) if (e.group === 'nodes') e.position = pos[e.data.id!];
        cy.autoungrabify(whole); // the edge layer does not follow a dragged class
        cy.batch(() => {
          cy.elements().remove();
          // the whole graph's dependencies go on a layer of their own (whole-edges.ts)
          cy.add(whole ? elements.filter((e) => e.group === 'nodes') : elements);
          if (whole) fitPositions(cy, pos, labels);
        });
        if (whole && container) {
          edgeLayer = createEdgeLayer(cy, container, {
            edges: view.graph.edges,
            positions: pos,
            sizes: labels,
            colours: readPalette(container),
          });
          container.dataset.edgeLayer = String(edgeLayer.count);
        } else {
          bowBackEdges(cy, pos, labels, answer.backEdges, answer.width);
          fitGraph(cy);
        }
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
      edgeLayer?.destroy();
      if (container) delete container.dataset.edgeLayer;
    };
  }, [cy, container, view, drawKey, markDrawn]);

  return { placed, error };
}

/**
 * cy.fit from the layout's own positions and box sizes: Cytoscape's bounding box of 8,000 nodes
 * measures every label first (seconds); this is one pass over numbers.
 */
function fitPositions(
  cy: Core,
  pos: Record<string, { x: number; y: number }>,
  sizes: ReadonlyMap<string, { width: number; height: number }>,
  padding = 28,
): void {
  let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [id, s] of sizes) {
    const p = pos[id];
    if (!p) continue;
    x1 = Math.min(x1, p.x - s.width / 2);
    x2 = Math.max(x2, p.x + s.width / 2);
    y1 = Math.min(y1, p.y - s.height / 2);
    y2 = Math.max(y2, p.y + s.height / 2);
  }
  if (!(x2 > x1 && y2 > y1)) return;
  const [w, h] = [cy.width(), cy.height()];
  const zoom = Math.min(
    cy.maxZoom(),
    Math.max(cy.minZoom(), Math.min((w - 2 * padding) / (x2 - x1), (h - 2 * padding) / (y2 - y1))),
  );
  cy.viewport({
    zoom,
    pan: { x: w / 2 - (zoom * (x1 + x2)) / 2, y: h / 2 - (zoom * (y1 + y2)) / 2 },
  });
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
