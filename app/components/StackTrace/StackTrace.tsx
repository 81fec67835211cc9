import type { Frame } from '../../../src/model/types';
import { formatFrame } from '../../../src/model/frame';

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
              {formatFrame(f)}
            </code>
          </li>
        ))}
      </ol>
    </details>
  );
}
