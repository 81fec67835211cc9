import { useId } from 'react';
import type { Report } from '../../../src/model/types';
import { cycleText } from '../../format/report-text';
import './GraphArea.css';

/**
 * Where the lock graph view will live (its own issue). Until then this region shows the cycle
 * as text and as a plain list, which is also what the graph view keeps for screen readers.
 */
export function GraphArea({ report }: { report: Report }) {
  const headingId = useId();
  const cycle = report.cycle;
  return (
    <section className="graph-area" data-testid="graph.area" aria-labelledby={headingId}>
      <h4 id={headingId}>The cycle</h4>
      {cycle && cycle.length > 0 ? (
        <>
          <p className="graph-area__cycle" data-testid="report.cycle" aria-label={cycleText(cycle)}>
            {/* Names break only at the arrows: "&mm->mmap_lock" must not wrap at its hyphen. */}
            {[...cycle, cycle[0]].map((name, i) => (
              <span key={i}>
                {i > 0 ? ' → ' : null}
                <span className="graph-area__name">{name}</span>
              </span>
            ))}
          </p>
          <ol
            className="graph-area__list"
            data-testid="report.cycle-list"
            aria-label="Locks in the cycle, in the order they are taken"
          >
            {cycle.map((name, i) => (
              <li key={i}>
                <code className="lock-class">{name}</code>
                <span className="muted">
                  {' '}
                  then takes <code className="lock-class">{cycle[(i + 1) % cycle.length]}</code>
                </span>
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p className="muted" data-testid="report.no-cycle">
          This report describes no cycle.
        </p>
      )}
      <p className="graph-area__note muted">The lock graph will be drawn here.</p>
    </section>
  );
}
