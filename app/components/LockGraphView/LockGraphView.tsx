// The lock graph on a canvas (Cytoscape, canvas renderer). The only component that touches
// Cytoscape; loaded lazily so the first page stays small. What it shows comes from the store.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Core } from 'cytoscape';
import { setGraphProbe, type GraphGeometry } from '../../api/graph-probe';
import { setGraphSnapshot } from '../ExportMenu/graph-snapshot';
import { graphSnapshot } from './snapshot';
import { useCytoscape } from '../../hooks/useCytoscape';
import {
  selectGraphKey,
  selectHighlight,
  selectLockGraph,
  selectReports,
  selectStepperModel,
  useAppStore,
} from '../../store';
import { GraphControls, GraphLegend } from './GraphControls';
import { graphStylesheet, readPalette } from './graph-style';
import { stepperOverlay, type StepperOverlay } from './stepper-overlay';
import { useConcealCycle } from './useConcealCycle';
import { useGraphClasses } from './useGraphClasses';
import { fitGraph, useGraphContent } from './useGraphContent';
import { useStepperOverlay } from './useStepperOverlay';
import './LockGraphView.css';

export default function LockGraphView() {
  const graph = useAppStore(selectLockGraph);
  const key = useAppStore(selectGraphKey);
  const reports = useAppStore(selectReports);
  const merged = useAppStore((s) => s.merged);
  const highlight = useAppStore(selectHighlight);
  const selection = useAppStore((s) => s.graphSelection);
  const select = useAppStore((s) => s.selectGraphElement);
  const markDrawn = useAppStore((s) => s.markDrawn);
  const stepper = useAppStore(selectStepperModel);
  // Presentation mode draws for the back of the room (the view remounts when it toggles).
  const variant = useAppStore((s) => (s.presenting ? 'present' : 'page'));
  const overlay = useMemo(() => stepperOverlay(stepper), [stepper]);
  const box = useRef<HTMLDivElement>(null);
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  useEffect(() => setContainer(box.current), []);

  const cy = useCytoscape(box, {
    onTap: (t) => select(t ? { kind: t.group === 'nodes' ? 'node' : 'edge', id: t.id } : null),
    style: (el) => graphStylesheet(readPalette(el), variant),
  });
  const { placed, error } = useGraphContent(
    cy,
    container,
    graph,
    key,
    reports,
    merged,
    markDrawn,
    variant,
  );
  useGraphClasses(cy, placed, highlight, selection);
  useStepperOverlay(cy, placed, overlay);
  useConcealCycle(cy, placed);
  useEffect(() => {
    if (cy && container) cy.style(graphStylesheet(readPalette(container), variant));
  }, [cy, container, variant]);

  const overlayRef = useRef(overlay);
  useEffect(() => {
    overlayRef.current = overlay;
  });
  useEffect(() => {
    if (!cy || !container) return;
    setGraphProbe(() => geometry(cy, container, overlayRef.current));
    setGraphSnapshot(graphSnapshot(cy, container));
    return () => {
      setGraphProbe(null);
      setGraphSnapshot(null);
    };
  }, [cy, container]);

  const recentre = useCallback(() => {
    if (!cy) return;
    const cycle = cy.elements('.in-cycle');
    fitGraph(cy, cycle.nonempty() ? cycle : cy.elements());
  }, [cy]);
  const zoom = useCallback(
    (factor: number) => {
      if (!cy) return;
      cy.zoom({
        level: cy.zoom() * factor,
        renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 },
      });
    },
    [cy],
  );

  const nodes = graph?.nodes.length ?? 0;
  const edges = graph?.edges.length ?? 0;
  return (
    <div className="lock-graph" data-testid="graph.view">
      <GraphControls
        onFit={() => cy && fitGraph(cy)}
        onZoom={zoom}
        onRecentre={recentre}
        hasCycle={(graph?.cycle?.length ?? 0) > 0}
      />
      <div
        ref={box}
        className="lock-graph__canvas"
        data-testid="graph.canvas"
        data-placed={placed !== null && placed === key ? 'true' : 'false'}
        role="img"
        aria-label={`Lock graph: ${nodes} lock classes, ${edges} dependencies. The same selections can be made from the lists below.`}
      />
      {error ? (
        <p className="lock-graph__error" role="alert">
          The graph could not be laid out: {error}
        </p>
      ) : null}
      <GraphLegend merged={merged} stepper={stepper !== null} />
    </div>
  );
}

function geometry(cy: Core, container: HTMLElement, overlay: StepperOverlay): GraphGeometry {
  const origin = container.getBoundingClientRect();
  const at = (p: { x: number; y: number }) => ({ x: origin.left + p.x, y: origin.top + p.y });
  const drawn = (id: string) => cy.getElementById(id).nonempty();
  return {
    zoom: cy.zoom(),
    stepper: {
      badges: overlay.badges
        .filter((b) => drawn(b.id))
        .map((b) => ({ label: b.label, lock: b.lock, waiting: b.waitingOnly })),
      waits: overlay.waits
        .filter((w) => drawn(w.id))
        .map((w) => ({ lock: w.lock, cpu: w.cpu, inCycle: w.inCycle })),
      changed: overlay.changed.filter(drawn),
    },
    nodes: cy.nodes(':not(.step)').map((n) => ({ id: n.id(), ...at(n.renderedPosition()) })),
    edges: cy.edges(':not(.step)').map((e) => {
      const mid = e.renderedMidpoint();
      return { id: e.id(), prev: e.source().id(), next: e.target().id(), ...at(mid) };
    }),
  };
}
