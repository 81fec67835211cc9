import type { Diagnostic } from '../../../src/model/types';
import { LineLink } from '../LineLink/LineLink';
import './DiagnosticList.css';

/** Diagnostics with their line numbers; a line number selects that line in the text. */
export function DiagnosticList({
  diagnostics,
  testId,
  label,
}: {
  diagnostics: readonly Diagnostic[];
  testId: string;
  label: string;
}) {
  if (diagnostics.length === 0) return null;
  return (
    <ul className="diagnostics" data-testid={testId} aria-label={label}>
      {diagnostics.map((d, i) => (
        <li key={i} className={`diagnostics__item diagnostics__item--${d.severity}`}>
          <span className="diagnostics__severity">{d.severity}</span>
          {d.line !== null ? <LineLink start={d.line} /> : null}
          <span className="diagnostics__message">{d.message}</span>
        </li>
      ))}
    </ul>
  );
}
