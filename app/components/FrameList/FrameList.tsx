import type { Frame } from '../../../src/model/types';
import { firstInterestingFrame, formatFrame } from '../../../src/model/frame';
import './FrameList.css';

/**
 * A stack as a person reads it: function names first, offsets and "?" frames dimmed, modules
 * marked, and the frame that took the lock (past the locking machinery) pointed out.
 */
export function FrameList({ trace, testId }: { trace: readonly Frame[]; testId?: string }) {
  const taker = firstInterestingFrame(trace);
  return (
    <ol className="frame-list" data-testid={testId}>
      {trace.map((f, i) => (
        <li
          key={i}
          className={
            f.unreliable ? 'frame-list__frame frame-list__frame--unreliable' : 'frame-list__frame'
          }
          title={formatFrame(f)}
          data-testid="frame"
        >
          <code>
            {f.unreliable ? <span className="frame-list__dim">? </span> : null}
            <span className="frame-list__fn">{f.function}</span>
            {f.offset ? <span className="frame-list__dim">+{f.offset}</span> : null}
            {f.module ? <span className="frame-list__module">[{f.module}]</span> : null}
            {f.file ? (
              <span className="frame-list__dim">
                {' '}
                {f.file}
                {f.line !== null ? `:${f.line}` : ''}
              </span>
            ) : null}
          </code>
          {f === taker ? <span className="frame-list__taker"> ← took the lock here</span> : null}
        </li>
      ))}
    </ol>
  );
}
