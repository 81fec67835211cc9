import type { Frame } from '../../../src/model/types';
import { frameText } from '../../format/report-text';

/** The report's own backtrace; "?" frames (unreliable) are shown dimmed, as printed. */
export function StackTrace({ trace }: { trace: readonly Frame[] }) {
  return (
    <details className="stack-trace" data-testid="report.trace">
      <summary>Stack backtrace ({trace.length} frames)</summary>
      <ol className="frames">
        {trace.map((f, i) => (
          <li key={i} className={f.unreliable ? 'frames__unreliable' : undefined}>
            <code>
              {f.unreliable ? '? ' : ''}
              {frameText(f)}
            </code>
          </li>
        ))}
      </ol>
    </details>
  );
}
