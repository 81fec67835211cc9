import type { LockGraph, LockNode } from '../../../src/graph';
import type { Report } from '../../../src/model/types';
import { readUsage, waitTypeText } from '../../format/lock-text';
import { DependencyButton } from '../SelectButtons/SelectButtons';
import { SpanLines } from './SpanLines';

const MAX_NEIGHBOURS = 12;

/** A lock class in words: usage bits for the report's kernel era, wait type, who holds it, where. */
export function NodeDetails({
  node,
  graph,
  reports,
  report,
}: {
  node: LockNode;
  graph: LockGraph;
  reports: readonly Report[];
  report: Report | null;
}) {
  const first = reports[node.reports[0] ?? -1];
  const usage = node.usage ? readUsage(node.usage, first?.usageEra) : null;
  const holders = node.reports.flatMap((r) =>
    (reports[r]?.heldLocks ?? [])
      .filter((h) => h.class === node.id)
      .map((h) => ({ h, task: h.task ?? reports[r]?.task ?? null })),
  );
  const acquirers = node.acquiring
    ? node.reports.map((r) => reports[r]?.task).filter((t) => t !== undefined)
    : [];
  const cyclePos = graph.cycle?.indexOf(node.id) ?? -1;
  const takenAfter = graph.edges.filter((e) => e.next === node.id && e.prev !== node.id);
  const takenBefore = graph.edges.filter((e) => e.prev === node.id);

  return (
    <article className="graph-details__item" data-testid="graph.node-details">
      <p className="graph-details__kind">Lock class</p>
      <h5 className="graph-details__name" data-testid="graph.details-name">
        <code>{node.id}</code>
      </h5>
      <dl className="graph-details__facts">
        <dt>Usage</dt>
        <dd data-testid="graph.node-usage">
          {usage && node.usage ? (
            <>
              <code>{`{${node.usage}}`}</code>, read {usage.eraText}
              {usage.guessed ? ' (the report does not say which kernel printed it)' : ''}:
              {usage.states.length === 0 ? (
                <span> no irq usage recorded.</span>
              ) : (
                <ul>
                  {usage.states.map((s) => (
                    <li key={`${s.context}-${s.access}`}>{s.sentence}</li>
                  ))}
                </ul>
              )}
            </>
          ) : (
            <span className="muted">not printed</span>
          )}
        </dd>
        <dt>Wait type</dt>
        <dd>
          {node.waitType ? (
            <>
              <code>{`{${node.waitType}}`}</code>: {waitTypeText(node.waitType)}
            </>
          ) : (
            <span className="muted">not printed</span>
          )}
        </dd>
        <dt>Held</dt>
        <dd data-testid="graph.node-held">
          {holders.length === 0
            ? 'not in a held-locks list'
            : holders.map(({ h, task }, i) => (
                <div key={i}>
                  held as #{h.index}
                  {task ? ` by ${task.comm}/${task.pid}` : ''}
                  {h.at ? (
                    <>
                      , taken at <code>{h.at}</code>
                    </>
                  ) : null}
                </div>
              ))}
        </dd>
        {node.acquiring ? (
          <>
            <dt>Acquiring</dt>
            <dd>
              {acquirers.length > 0 && acquirers[0]
                ? `${acquirers[0].comm}/${acquirers[0].pid} was trying to take it when the report fired`
                : 'the task was trying to take it when the report fired'}
            </dd>
          </>
        ) : null}
        {cyclePos >= 0 && graph.cycle ? (
          <>
            <dt>In the cycle</dt>
            <dd>
              lock {cyclePos + 1} of {graph.cycle.length}
            </dd>
          </>
        ) : null}
        <dt>Taken while holding</dt>
        <dd>
          <Neighbours edges={takenAfter} side="prev" />
        </dd>
        <dt>Held while taking</dt>
        <dd>
          <Neighbours edges={takenBefore} side="next" />
        </dd>
        <dt>In the text</dt>
        <dd>
          <SpanLines report={report} graph={graph} of={{ kind: 'node', id: node.id }} />
        </dd>
      </dl>
    </article>
  );
}

function Neighbours({ edges, side }: { edges: LockGraph['edges']; side: 'prev' | 'next' }) {
  if (edges.length === 0) return <span className="muted">none shown</span>;
  return (
    <ul className="graph-details__neighbours">
      {edges.slice(0, MAX_NEIGHBOURS).map((e) => (
        <li key={e.id}>
          <DependencyButton prev={e.prev} next={e.next}>
            <code>{side === 'prev' ? e.prev : e.next}</code>
          </DependencyButton>
        </li>
      ))}
      {edges.length > MAX_NEIGHBOURS ? (
        <li className="muted">and {edges.length - MAX_NEIGHBOURS} more</li>
      ) : null}
    </ul>
  );
}
