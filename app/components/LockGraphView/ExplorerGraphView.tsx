// The lock-graph explorer's canvas: what selectExplorerView says, drawn with the report graph's
// machinery (useCytoscape, the layered layout in the worker, the same styles). Lazy-loaded with
// Cytoscape. Clicking a class shows its neighbourhood; clicking "+N more" lists what was left out.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Core, NodeCollection } from 'cytoscape';
import { setExplorerProbe } from '../../api/explorer-probe';
import { useCytoscape } from '../../hooks/useCytoscape';
import {
  selectExplorerKey,
  selectExplorerQuery,
  selectExplorerView,
  useAppStore,
} from '../../store';
import { isMoreId, moreOwner } from './explorer-elements';
import { explorerStylesheet, labelsShownAt } from './explorer-style';
import { readPalette } from './graph-style';
import { fitGraph } from './useGraphContent';
import { useExplorerContent, warmExplorerLayout } from './useExplorerContent';
import './LockGraphView.css';

let webgl2: boolean | null = null;

/** Cytoscape's WebGL renderer needs WebGL2, and throws without it. */
export function hasWebgl2(): boolean {
  webgl2 ??= Boolean(document.createElement('canvas').getContext('webgl2'));
  return webgl2;
}

export interface ExplorerGraphViewProps {
  /** "+N more" was clicked: list the neighbours of `name` that were left out */
  onMore(name: string, direction: 'in' | 'out'): void;
}

export default function ExplorerGraphView({ onMore }: ExplorerGraphViewProps) {
  const view = useAppStore(selectExplorerView);
  const drawKey = useAppStore(selectExplorerKey);
  const query = useAppStore(selectExplorerQuery);
  const asked = useAppStore((s) => s.explorerRenderer);
  const setQuery = useAppStore((s) => s.setExplorerQuery);
  const markDrawn = useAppStore((s) => s.markDrawn);
  const whole = view?.query.mode === 'whole';
  const webgl = asked === 'webgl' && hasWebgl2();
  const box = useRef<HTMLDivElement>(null);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  useEffect(() => setContainer(box.current), []);
  useEffect(warmExplorerLayout, []);
  const depth = query?.mode === 'neighbourhood' ? query.depth : 1;
  const cy = useCytoscape(box, {
    onTap: (t) => {
      if (!t || t.group !== 'nodes') return;
      const more = moreOwner(t.id);
      if (more) onMore(more.name, more.direction);
      else setQuery({ mode: 'neighbourhood', focus: t.id, depth });
    },
    style: (el) => explorerStylesheet(readPalette(el), whole),
    renderer: { webgl, large: whole },
  });
  const { placed, error } = useExplorerContent(cy, container, view, drawKey, markDrawn);

  useEffect(() => {
    if (!cy || !container) return;
    setExplorerProbe(() => drawing(cy, container, webgl));
    return () => setExplorerProbe(null);
  }, [cy, container, webgl]);

  const zoom = useCallback(
    (factor: number) =>
      cy?.zoom({
        level: cy.zoom() * factor,
        renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
      }),
    [cy],
  );
  const nodes = view?.graph.nodes.length ?? 0;
  const edges = view?.graph.edges.length ?? 0;
  return (
    <div className="lock-graph" data-testid="explorer.view">
      <div className="lock-graph__controls" role="toolbar" aria-label="Graph view">
        <button type="button" className="button" onClick={() => cy && fitGraph(cy)}>
          Fit
        </button>
        <button type="button" className="button" aria-label="Zoom in" onClick={() => zoom(1.25)}>
          +
        </button>
        <button type="button" className="button" aria-label="Zoom out" onClick={() => zoom(0.8)}>
          −
        </button>
        {asked === 'webgl' && !webgl ? (
          <span className="muted" role="status">
            This browser has no WebGL2: drawn with canvas.
          </span>
        ) : null}
      </div>
      <div
        ref={box}
        className="lock-graph__canvas"
        data-testid="explorer.canvas"
        data-placed={placed !== null && placed === drawKey ? 'true' : 'false'}
        data-renderer={webgl ? 'webgl' : 'canvas'}
        role="img"
        aria-label={`Lock graph: ${nodes} lock classes, ${edges} dependencies drawn. The lists beside it hold the same.`}
      />
      {error ? (
        <p className="lock-graph__error" role="alert">
          The graph could not be laid out: {error}
        </p>
      ) : null}
    </div>
  );
}

function drawing(cy: Core, container: HTMLElement, webgl: boolean) {
  const origin = container.getBoundingClientRect();
  const classes = cy.nodes().filter((n) => !isMoreId(n.id())) as NodeCollection;
  return {
    nodes: cy.nodes().length,
    // the whole graph's dependencies are drawn on a layer of their own (whole-edges.ts)
    edges: cy.edges().length + Number(container.dataset.edgeLayer ?? 0),
    zoom: cy.zoom(),
    labelsShown: labelsShownAt(cy.zoom()),
    renderer: webgl ? ('webgl' as const) : ('canvas' as const),
    positions:
      classes.length > 2000
        ? []
        : classes.map((n) => {
            const p = n.renderedPosition();
            return { id: n.id(), x: origin.left + p.x, y: origin.top + p.y };
          }),
  };
}
