import type { HeldLock } from '../../../src/model/types';

/** The locks the task held when the report was printed. */
export function HeldLocksTable({ heldLocks }: { heldLocks: readonly HeldLock[] }) {
  if (heldLocks.length === 0) {
    return (
      <p className="muted" data-testid="report.held-locks">
        No locks held.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="data" data-testid="report.held-locks">
        <caption className="visually-hidden">Held locks</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Lock class</th>
            <th scope="col">Taken at</th>
          </tr>
        </thead>
        <tbody>
          {heldLocks.map((h, i) => (
            <tr key={i}>
              <td>#{h.index}</td>
              <td>
                <code className="lock-class">{h.class}</code>
              </td>
              <td>{h.at ? <code>{h.at}</code> : <span className="muted">–</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
