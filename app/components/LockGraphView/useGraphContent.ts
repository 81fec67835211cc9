// Puts a graph into the Cytoscape instance: elements in one batch, the layout in the worker, the
// positions applied with the preset layout, then "drawn" once two frames have been painted.
import { useEffect, useState } from 'react';
import type { Core } from 'cytoscape';
import type { LockGraph } from '../../../src/graph';
import type { Report } from '../../../src/model/types';
import { createLayoutClient, LayoutSuperseded, type LayoutFn } from '../../worker/layout-client';
import { bowBackEdges } from './back-edge-bow';
import { graphElements } from './graph-elements';
import {
  LABEL_FONT_FAMILY,
  LABEL_LINE_HEIGHT,
  labelFontSize,
  type GraphVariant,
} from './graph-style';
import { labelSizes, layoutLabel, type LabelMetrics } from './label';

let layout: LayoutFn | null = null;
const metrics = new Map<GraphVariant, LabelMetrics>();

export function labelMetrics(variant: GraphVariant = 'page'): LabelMetrics {
  const known = metrics.get(variant);
  if (known) return known;
  const size = labelFontSize(variant);
  const k = size / labelFontSize('page');
  const ctx = document.createElement('canvas').getContext('2d');
  let charWidth = size * 0.6;
  if (ctx) {
    ctx.font = `${size}px ${LABEL_FONT_FAMILY}`;
    charWidth = ctx.measureText('0123456789').width / 10;
  }
  const lineHeight = size * LABEL_LINE_HEIGHT;
  const m = { charWidth, lineHeight, maxChars: 26, padX: 10 * k, padY: 7 * k };
  metrics.set(variant, m);
  return m;
}

/** The graph fills the view but never zooms in past 1.2: a two-lock graph should not shout. */
export function fitGraph(cy: Core, eles = cy.elements()): void {
  if (eles.empty()) return;
  cy.fit(eles, 28);
  if (cy.zoom() > 1.2) {
    cy.zoom(1.2);
    cy.center(eles);
  }
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

export interface GraphContent {
  /** the key of the graph whose positions are applied, null while a layout runs */
  placed: string | null;
  error: string | null;
}

export function useGraphContent(
  cy: Core | null,
  container: HTMLElement | null,
  graph: LockGraph | null,
  key: string,
  reports: readonly Report[],
  merged: boolean,
  markDrawn: (key: string) => void,
  variant: GraphVariant = 'page',
): GraphContent {
  const [placed, setPlaced] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!cy) return;
    setPlaced(null);
    setError(null);
    cy.batch(() => cy.elements().remove());
    if (!graph || graph.nodes.length === 0) return;
    let cancelled = false;
    const m = labelMetrics(variant);
    const labels = new Map(graph.nodes.map((n) => [n.id, layoutLabel(n.id, m)]));
    cy.batch(() => cy.add(graphElements(graph, labels, reports, merged)));
    const sizes = labelSizes(labels);
    layout ??= createLayoutClient();
    // Rows wrap near the view's width, so a wide rank does not shrink the whole picture.
    const maxRowWidth = Math.max(600, (container?.clientWidth ?? 800) / 0.8);
    layout(graph, sizes, { maxRowWidth }).then(
      (answer) => {
        if (cancelled) return;
        const pos = answer.positions;
        if (container) {
          container.style.height = `${Math.round(Math.min(680, Math.max(300, answer.height + 90)))}px`;
          cy.resize();
        }
        cy.layout({
          name: 'preset',
          positions: pos,
          fit: false,
          animate: false,
        }).run();
        bowBackEdges(cy, pos, labels, answer.backEdges, answer.width);
        fitGraph(cy);
        setPlaced(key);
        afterPaint(cy, () => {
          if (!cancelled) markDrawn(key);
        });
      },
      (err: unknown) => {
        if (cancelled || err instanceof LayoutSuperseded) return;
        setError(err instanceof Error ? err.message : String(err));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [cy, container, graph, key, reports, merged, markDrawn, variant]);

  return { placed, error };
}
