// A lesson's words: title, explanation, (after the reveal) the fix, and the sources.
import { Fragment } from 'react';
import type { Lesson } from '../../src/lessons';
import { selectLessonIndex, useAppStore } from '../store';
import { LESSONS } from '../../src/lessons';
import { PresentButton } from './PresentButton';

/** "`code` and words" → words with <code> spans. */
export function Prose({ text }: { text: string }) {
  const parts = text.split('`');
  return (
    <>
      {parts.map((p, i) => (i % 2 ? <code key={i}>{p}</code> : <Fragment key={i}>{p}</Fragment>))}
    </>
  );
}

export function LessonText({ lesson }: { lesson: Lesson }) {
  const index = useAppStore(selectLessonIndex);
  const revealed = useAppStore((s) => s.lesson.revealed);
  const setPage = useAppStore((s) => s.setPage);
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
      {lesson.explanation.map((p, i) => (
        <p key={i}>
          <Prose text={p} />
        </p>
      ))}
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
        <button type="button" className="button" onClick={() => setPage('report')}>
          Read the report text (hover or move the caret over its notation)
        </button>
      </section>
    </>
  );
}
