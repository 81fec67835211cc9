import type { Dependency } from '../../../src/model/types';
import { firstInterestingFrame, formatFrame } from '../../../src/model/frame';
import { DependencyButton } from '../SelectButtons/SelectButtons';

/** The lock-order edges the report shows, with where each was taken. */
export function DependencyTable({ dependencies }: { dependencies: readonly Dependency[] }) {
  if (dependencies.length === 0) return null;
  return (
    <div className="table-scroll">
      <table className="data" data-testid="report.dependencies">
        <caption className="visually-hidden">
          Dependencies: the second lock was taken while the first was held
        </caption>
        <thead>
          <tr>
            <th scope="col">Entry</th>
            <th scope="col">Held → then took</th>
            <th scope="col">Where it was taken</th>
          </tr>
        </thead>
        <tbody>
          {dependencies.map((d, i) => {
            const at = firstInterestingFrame(d.trace);
            return (
              <tr key={i} data-testid="report.dependency">
                <td>
                  {d.chainEntry !== null ? `#${d.chainEntry}` : null}
                  {d.chainEntry !== null && d.isNew ? ' ' : null}
                  {d.isNew ? <strong>new</strong> : null}
                  {d.chainEntry === null && !d.isNew ? '–' : null}
                </td>
                <td>
                  <DependencyButton prev={d.prev} next={d.next} testId="dependency.select">
                    <code className="lock-class">{d.prev}</code>
                    <br />→ <code className="lock-class">{d.next}</code>
                  </DependencyButton>
                </td>
                <td>
                  {at ? <code>{formatFrame(at)}</code> : <span className="muted">no trace</span>}
                  {d.trace.length > 1 ? (
                    <details>
                      <summary className="muted">{d.trace.length} frames</summary>
                      <ol className="frames">
                        {d.trace.map((f, k) => (
                          <li key={k} className={f.unreliable ? 'frames__unreliable' : undefined}>
                            <code>
                              {f.unreliable ? '? ' : ''}
                              {formatFrame(f)}
                            </code>
                          </li>
                        ))}
                      </ol>
                    </details>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
