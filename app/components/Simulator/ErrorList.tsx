// The program's errors as a list under the editor: "line 4, column 3: expected ';' …", each a
// button that puts the caret on the spot.
import { useAppStore } from '../../store';

export function ErrorList() {
  const errors = useAppStore((s) => s.programErrors);
  const checked = useAppStore((s) => s.programChecked);
  const markProgram = useAppStore((s) => s.markProgram);
  if (!checked)
    return (
      <p className="sim-errors__status muted" role="status" data-testid="sim.checking">
        Checking…
      </p>
    );
  if (errors.length === 0)
    return (
      <p className="sim-errors__status sim-errors__status--ok" role="status" data-testid="sim.ok">
        The program reads fine.
      </p>
    );
  return (
    <div className="sim-errors" id="sim-errors" role="status" data-testid="sim.errors">
      <p className="sim-errors__count">
        {errors.length === 1 ? '1 error' : `${errors.length} errors`}:
      </p>
      <ul className="sim-errors__list">
        {errors.map((e, i) => (
          <li key={i}>
            <button
              type="button"
              className="sim-errors__item"
              data-testid="sim.error"
              onClick={() => markProgram(e.line, e.column, e.endColumn)}
            >
              <span className="sim-errors__where">
                line {e.line}, column {e.column}
              </span>
              : {e.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
