import { lazy, Suspense, useId } from 'react';
import { selectLockGraph, selectReports, useAppStore } from '../../store';
import { CycleList } from '../CycleList/CycleList';
import { ExportMenu } from '../ExportMenu/ExportMenu';
import { GraphDetails } from '../GraphDetails/GraphDetails';
import { Stepper } from '../Stepper/Stepper';
import './GraphArea.css';

// Cytoscape is most of the page's weight: it loads when there is a graph to draw.
const LockGraphView = lazy(() => import('../LockGraphView/LockGraphView'));

/** The lock graph, what is selected in it, and the cycle as a list (the keyboard path). */
export function GraphArea() {
  const headingId = useId();
  const graph = useAppStore(selectLockGraph);
  const reportCount = useAppStore((s) => selectReports(s).length);
  const merged = useAppStore((s) => s.merged);
  const setMerged = useAppStore((s) => s.setMerged);
  const drawable = (graph?.nodes.length ?? 0) > 0;
  return (
    <section className="graph-area" data-testid="graph.area" aria-labelledby={headingId}>
      <div className="graph-area__bar">
        <h4 id={headingId}>The lock graph</h4>
        {reportCount > 1 ? (
          <label className="graph-area__merged">
            <input
              type="checkbox"
              data-testid="graph.merged"
              checked={merged}
              onChange={(event) => setMerged(event.target.checked)}
            />{' '}
            all {reportCount} reports in one graph
          </label>
        ) : null}
        <ExportMenu />
      </div>
      {drawable ? (
        <Suspense
          fallback={
            <p className="graph-area__loading muted" data-testid="graph.loading">
              Drawing the graph…
            </p>
          }
        >
          <LockGraphView />
        </Suspense>
      ) : (
        <p className="muted" data-testid="graph.empty">
          This report names no lock dependencies to draw.
        </p>
      )}
      <Stepper />
      <GraphDetails />
      <h4>{merged ? 'Every cycle' : 'The cycle'}</h4>
      <CycleList graph={graph} />
    </section>
  );
}
