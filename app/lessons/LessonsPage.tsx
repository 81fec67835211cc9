// The Lessons page: the lesson list, the lesson (explanation, question, fix, sources), and the
// lock graph with the stepper, the same components the Report page uses.
import { lazy, Suspense } from 'react';
import { LESSONS } from '../../src/lessons';
import { Stepper } from '../components/Stepper/Stepper';
import { selectLesson, useAppStore } from '../store';
import { LessonText } from './LessonText';
import './LessonsPage.css';

const LockGraphView = lazy(() => import('../components/LockGraphView/LockGraphView'));

export function LessonsPage() {
  const lesson = useAppStore(selectLesson);
  const openLesson = useAppStore((s) => s.openLesson);
  const presenting = useAppStore((s) => s.presenting);
  const drawable = useAppStore((s) => (s.output?.reports.length ?? 0) > 0);
  return (
    <main className="lessons" data-testid="lessons.page">
      <nav className="lessons__list" aria-label="Lessons">
        <h2>Lessons</h2>
        <ol>
          {LESSONS.map((l) => (
            <li key={l.id}>
              <button
                type="button"
                className="lessons__item"
                aria-current={l.id === lesson?.id ? 'page' : undefined}
                data-testid={`lessons.open.${l.id}`}
                onClick={() => void openLesson(l.id)}
              >
                <span className="lessons__item-title">{l.title}</span>
                <span className="lessons__item-summary">{l.summary}</span>
              </button>
            </li>
          ))}
        </ol>
      </nav>
      {lesson ? (
        <>
          <article className="lessons__lesson" aria-labelledby="lesson-title">
            <LessonText lesson={lesson} />
          </article>
          <section className="lessons__graph" aria-label="The lock graph and the stepper">
            {drawable ? (
              <Suspense fallback={<p className="muted">Drawing the graph…</p>}>
                <LockGraphView key={presenting ? 'present' : 'page'} />
              </Suspense>
            ) : null}
            <Stepper />
          </section>
        </>
      ) : (
        <p className="lessons__pick muted">Pick a lesson to start.</p>
      )}
    </main>
  );
}
