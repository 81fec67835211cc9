// The lesson's design as a lock program (src/sim's example of the same deadlock), read-only.
// Running it is the Simulator page's job; the lesson only shows it.
import { useId } from 'react';
import { lessonProgram, type Lesson } from '../../src/lessons';

export function LessonProgram({ lesson }: { lesson: Lesson }) {
  const id = useId();
  const example = lessonProgram(lesson);
  if (!example) return null;
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
    </section>
  );
}
