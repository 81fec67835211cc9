import type { LockGraph } from '../../../src/graph';
import type { Report } from '../../../src/model/types';
import type { GraphSelection } from '../../store';
import { LineLink } from '../LineLink/LineLink';
import { linesForSelection } from '../../format/report-lines';

/** The lines of the selected report that describe a class or dependency, as line buttons. */
export function SpanLines({
  report,
  graph,
  of,
  max = 12,
}: {
  report: Report | null;
  graph: LockGraph;
  of: GraphSelection;
  max?: number;
}) {
  const lines = linesForSelection(of, graph, report?.spans);
  if (lines.length === 0) return <span className="muted">not in the selected report’s lines</span>;
  // Runs of lines (a dependency's frames) as one range: "L43–L52".
  const runs: [number, number][] = [];
  for (const n of lines) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return (
    <span className="span-lines">
      {runs.slice(0, max).map(([a, b]) => (
        <LineLink key={a} start={a} end={b} />
      ))}
      {runs.length > max ? <span className="muted"> and {runs.length - max} more</span> : null}
    </span>
  );
}
