import { selectLockGraph, selectReports, selectSelectedReport, useAppStore } from '../../store';
import { EdgeDetails } from './EdgeDetails';
import { NodeDetails } from './NodeDetails';
import './GraphDetails.css';

/** What is selected in the graph, in words: a lock class or a dependency. */
export function GraphDetails() {
  const selection = useAppStore((s) => s.graphSelection);
  const graph = useAppStore(selectLockGraph);
  const reports = useAppStore(selectReports);
  const report = useAppStore(selectSelectedReport);
  const node = selection?.kind === 'node' ? graph?.nodes.find((n) => n.id === selection.id) : null;
  const edge = selection?.kind === 'edge' ? graph?.edges.find((e) => e.id === selection.id) : null;
  return (
    <section className="graph-details" data-testid="graph.details" aria-live="polite">
      {node && graph ? (
        <NodeDetails node={node} graph={graph} reports={reports} report={report} />
      ) : edge && graph ? (
        <EdgeDetails edge={edge} graph={graph} reports={reports} report={report} />
      ) : (
        <p className="muted graph-details__hint" data-testid="graph.details-hint">
          Choose a lock class or an arrow in the graph, a line of the report, or an entry in the
          lists below: its details show here.
        </p>
      )}
    </section>
  );
}
