// The lesson's design as a lock program (src/sim's example of the same deadlock), read-only here;
// "Run it in the Simulator" hands it to the Simulator page (an edited program there is kept for Undo).
import { useId } from 'react';
import { lessonProgram, type Lesson } from '../../src/lessons';
import { useAppStore } from '../store';

export function LessonProgram({ lesson }: { lesson: Lesson }) {
  const id = useId();
  const example = lessonProgram(lesson);
  const loadProgramExample = useAppStore((s) => s.loadProgramExample);
  const setPage = useAppStore((s) => s.setPage);
  const runProgram = useAppStore((s) => s.runProgram);
  if (!example) return null;
  const openInSimulator = () => {
    if (!loadProgramExample(example.id)) return;
    setPage('simulator');
    void runProgram();
  };
  return (
    <section
      className="lessons__program"
      aria-labelledby={id}
      data-testid="lesson.program"
      data-program={example.id}
    >
      <h3 id={id}>The same design as a lock program you can run</h3>
      <p className="muted">
        {example.title} — {example.summary}
      </p>
      <pre className="lessons__program-text" tabIndex={0} aria-labelledby={id}>
        <code>{example.source}</code>
      </pre>
      <button type="button" onClick={openInSimulator} data-testid="lesson.open-simulator">
        Run it in the Simulator
      </button>
    </section>
  );
}
