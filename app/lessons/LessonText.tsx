// A lesson's words: title, explanation, question, (after the reveal) fix, report, program, sources.
import type { Lesson } from '../../src/lessons';
import { selectLessonIndex, useAppStore } from '../store';
import { LESSONS } from '../../src/lessons';
import { LessonQuestion } from './LessonQuestion';
import { LessonProgram } from './LessonProgram';
import { LessonReport } from './LessonReport';
import { PresentButton } from './PresentButton';
import { Prose } from './Prose';

/** A lesson's words, the question after its explanation: the question stays in view in
 * presentation mode (presentation.css), the rest scrolls. */
export function LessonText({ lesson }: { lesson: Lesson }) {
  const index = useAppStore(selectLessonIndex);
  const revealed = useAppStore((s) => s.lesson.revealed);
  return (
    <>
      <p className="lessons__counter muted" data-testid="lesson.counter">
        Lesson {index + 1} of {LESSONS.length}
      </p>
      <div className="lessons__title-row">
        <h2 id="lesson-title" data-testid="lesson.title">
          {lesson.title}
        </h2>
        <PresentButton />
      </div>
      <div className="lessons__body" data-testid="lesson.body">
        {lesson.explanation.map((p, i) => (
          <p key={i}>
            <Prose text={p} />
          </p>
        ))}
        <LessonQuestion lesson={lesson} />
        {revealed && lesson.fix ? (
          <section className="lessons__fix" data-testid="lesson.fix">
            <h3>The fix, and why it works</h3>
            {lesson.fix.map((p, i) => (
              <p key={i}>
                <Prose text={p} />
              </p>
            ))}
          </section>
        ) : null}
        <LessonReport lesson={lesson} />
        <LessonProgram lesson={lesson} />
        <section className="lessons__sources">
          <h3>Sources</h3>
          <ul>
            {lesson.sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} rel="noreferrer noopener" target="_blank">
                  {s.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
