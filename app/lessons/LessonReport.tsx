// The lesson's report as the kernel printed it, read-only, with the same notation explanations
// as the Report page's box: point at "{+.+.}" or "-> #1" (or move the caret there, Tab reaches
// the text) and the box under it says what it means. The user's own text is never touched.
import { useId, useRef } from 'react';
import type { Lesson } from '../../src/lessons';
import { NotationTip } from '../components/InputPanel/NotationTip';

export function LessonReport({ lesson }: { lesson: Lesson }) {
  const box = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const lines = lesson.report.split('\n').length;
  return (
    <section className="lessons__report" aria-labelledby={id}>
      <h3 id={id}>The report</h3>
      <p className="muted">
        Point at a piece of notation, or Tab into the text and move the caret onto it.
      </p>
      <textarea
        ref={box}
        className="lessons__report-text"
        data-testid="lesson.report"
        aria-labelledby={id}
        // Not readOnly: Chromium gives a read-only box no caret, and the caret is how the keyboard
        // reaches the explanations. Edits are refused (the value is the lesson's, always).
        aria-readonly="true"
        onChange={() => {}}
        wrap="off"
        spellCheck={false}
        rows={Math.min(lines, 16)}
        value={lesson.report}
      />
      <NotationTip box={box} testId="lesson.notation" />
    </section>
  );
}
