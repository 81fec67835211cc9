// A whole-kernel lock graph (/proc/lockdep, WITNESS fullgraph): 8,000 classes are read by
// asking — a class's neighbours, whether A is ever taken before B, a cycle — and drawn only on
// request as a whole. Shown instead of the usual report view for lock-graph reports.
import { lazy, Suspense, useId, useState } from 'react';
import type { Report } from '../../../src/model/types';
import { formatLabel } from '../../format/report-text';
import { selectDumpCycles, selectDumpGraph, selectExplorerQuery, useAppStore } from '../../store';
import { LineLink } from '../LineLink/LineLink';
import { DumpCycles } from './DumpCycles';
import { ExplorerAnswer } from './ExplorerAnswer';
import { ExportOrder } from './ExportOrder';
import { FocusQuery } from './FocusQuery';
import { NeighbourList } from './NeighbourList';
import { PathQuery } from './PathQuery';
import { WholeGraph } from './WholeGraph';
import './LockGraphExplorer.css';

// Cytoscape loads with the first thing to draw, as for the report graph.
const ExplorerGraphView = lazy(() => import('../LockGraphView/ExplorerGraphView'));

export function LockGraphExplorer({ report }: { report: Report }) {
  const titleId = useId();
  const graph = useAppStore(selectDumpGraph);
  const cycles = useAppStore(selectDumpCycles);
  const query = useAppStore(selectExplorerQuery);
  const [listed, setListed] = useState<{ name: string; direction: 'in' | 'out' } | null>(null);
  const n = (x: number) => x.toLocaleString('en');
  return (
    <article className="explorer" data-testid="explorer" aria-labelledby={titleId}>
      <h3 id={titleId} className="report-details__title" data-testid="report.title">
        {report.title}
      </h3>
      <p className="explorer__facts" data-testid="explorer.facts">
        {formatLabel(report.format)} · <strong>{n(graph?.nodes.length ?? 0)}</strong> lock classes ·{' '}
        <strong>{n(graph?.edges.length ?? 0)}</strong> dependencies ·{' '}
        <strong>{n(cycles.length)}</strong> {cycles.length === 1 ? 'cycle' : 'cycles'} ·{' '}
        <LineLink start={report.lines.start} end={report.lines.end} />
      </p>
      <div className="explorer__queries">
        <FocusQuery />
        <PathQuery />
      </div>
      <ExplorerAnswer onMore={(name, direction) => setListed({ name, direction })} />
      {listed ? (
        <NeighbourList
          key={`${listed.direction}:${listed.name}`}
          {...listed}
          onClose={() => setListed(null)}
        />
      ) : null}
      {query ? (
        <Suspense fallback={<p className="explorer__placeholder muted">Drawing…</p>}>
          <ExplorerGraphView onMore={(name, direction) => setListed({ name, direction })} />
        </Suspense>
      ) : (
        <p className="explorer__placeholder muted" data-testid="explorer.empty">
          Pick a class to see the locks taken before and after it, ask whether one lock is ever
          taken before another, or open a cycle. The whole graph is drawn only on request.
        </p>
      )}
      <div className="explorer__panels">
        <DumpCycles />
        <ExportOrder />
        <WholeGraph />
      </div>
    </article>
  );
}
