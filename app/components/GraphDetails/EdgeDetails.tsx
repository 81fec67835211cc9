import type { LockEdge, LockGraph } from '../../../src/graph';
import type { Report } from '../../../src/model/types';
import { selectHighlight, useAppStore } from '../../store';
import { FrameList } from '../FrameList/FrameList';
import { ClassButton } from '../SelectButtons/SelectButtons';
import { SpanLines } from './SpanLines';

const MAX_STACKS = 4;

/** A dependency: where it was established (the `-> #k` entry's stack) and the cycle it closes. */
export function EdgeDetails({
  edge,
  graph,
  reports,
  report,
}: {
  edge: LockEdge;
  graph: LockGraph;
  reports: readonly Report[];
  report: Report | null;
}) {
  const highlight = useAppStore(selectHighlight);
  const cycle =
    highlight.edges.includes(edge.id) && highlight.nodes.length > 0 ? highlight.nodes : null;
  const several = (graph.shown?.length ?? 1) > 1;
  return (
    <article className="graph-details__item" data-testid="graph.edge-details">
      <p className="graph-details__kind">Dependency</p>
      <h5 className="graph-details__name" data-testid="graph.details-name">
        <code>{edge.prev}</code> → <code>{edge.next}</code>
      </h5>
      <p className="graph-details__sentence">
        <code>{edge.next}</code> was taken while <code>{edge.prev}</code> was held.
        {edge.isNew ? (
          <strong className="graph-details__new">
            {' '}
            This is the new acquisition that triggered the report.
          </strong>
        ) : null}
      </p>
      {edge.dependencies.length === 0 ? (
        <p className="muted" data-testid="graph.edge-no-trace">
          The report names this dependency only in its cycle; it printed no stack for it.
        </p>
      ) : null}
      {edge.dependencies.slice(0, MAX_STACKS).map((ref) => {
        const dep = reports[ref.report]?.dependencies[ref.index];
        if (!dep) return null;
        return (
          <section
            key={`${ref.report}:${ref.index}`}
            className="graph-details__stack"
            data-testid="graph.edge-stack"
          >
            <h6>
              {dep.chainEntry !== null ? (
                <>
                  Chain entry <code>-&gt; #{dep.chainEntry}</code>
                </>
              ) : (
                'Stack'
              )}
              {dep.isNew ? ' (new)' : ''}
              {several ? <span className="muted"> · report {ref.report + 1}</span> : null}
            </h6>
            {dep.trace.length > 0 ? (
              <FrameList trace={dep.trace} testId="graph.edge-frames" />
            ) : (
              <p className="muted">No stack printed for this entry.</p>
            )}
          </section>
        );
      })}
      {edge.dependencies.length > MAX_STACKS ? (
        <p className="muted">and {edge.dependencies.length - MAX_STACKS} more reports show it.</p>
      ) : null}
      <dl className="graph-details__facts">
        <dt>Shortest cycle through it</dt>
        <dd data-testid="graph.edge-cycle">
          {cycle ? (
            <ol className="graph-details__cycle">
              {cycle.map((name) => (
                <li key={name}>
                  <ClassButton name={name} />
                </li>
              ))}
            </ol>
          ) : (
            <span className="muted">none: this dependency is on no cycle</span>
          )}
        </dd>
        <dt>In the text</dt>
        <dd>
          <SpanLines report={report} graph={graph} of={{ kind: 'edge', id: edge.id }} max={6} />
        </dd>
      </dl>
    </article>
  );
}
