// Predict, then reveal: the question, the ways to answer it, and after the reveal the verdict.
import type { Lesson } from '../../src/lessons';
import { selectLockGraph, selectStepperModel, selectVerdict, useAppStore } from '../store';
import { Prose } from './Prose';

function useOptions(lesson: Lesson): { id: string; label: string }[] {
  const graph = useAppStore(selectLockGraph);
  const cpus = useAppStore((s) => selectStepperModel(s)?.view.cpus);
  const q = lesson.question;
  if (q.kind === 'choice') return [...q.options];
  if (q.kind === 'cpu') return (cpus ?? []).map((c) => ({ id: c, label: c }));
  return (graph?.nodes ?? []).map((n) => ({ id: n.id, label: n.id }));
}

export function LessonQuestion({ lesson }: { lesson: Lesson }) {
  const { answer, revealed } = useAppStore((s) => s.lesson);
  const verdict = useAppStore(selectVerdict);
  const answerLesson = useAppStore((s) => s.answerLesson);
  const reveal = useAppStore((s) => s.revealLesson);
  const atQuestion = useAppStore((s) => s.stepper.index >= lesson.askAt);
  const options = useOptions(lesson);
  const q = lesson.question;
  const how =
    q.kind === 'lock'
      ? 'Click the lock in the graph, or choose it here.'
      : q.kind === 'cpu'
        ? 'Choose a CPU.'
        : 'Choose one.';
  return (
    <section
      className="lesson-question"
      aria-labelledby="lesson-question"
      data-testid="lesson.question"
    >
      <h3 id="lesson-question">Predict, then reveal</h3>
      {lesson.askAt > 0 && !atQuestion && !revealed ? (
        <p className="muted" data-testid="lesson.play-first">
          Step the stepper (→) to step {lesson.askAt} first: the question is asked there.
        </p>
      ) : null}
      <p className="lesson-question__prompt">{q.prompt}</p>
      <p className="muted">{how}</p>
      <div className="lesson-question__options" role="group" aria-label="Answers">
        {options.map((o) => {
          const chosen = answer === o.id;
          const mark = revealed && o.id === q.answer ? 'right' : revealed && chosen ? 'wrong' : '';
          return (
            <button
              key={o.id}
              type="button"
              className="lesson-question__option"
              aria-pressed={chosen}
              data-mark={mark || undefined}
              data-testid={`lesson.option.${o.id}`}
              disabled={revealed}
              onClick={() => answerLesson(o.id)}
            >
              {o.label}
            </button>
          );
        })}
      </div>
      {revealed ? (
        <div
          className="lesson-question__verdict"
          data-verdict={verdict}
          data-testid="lesson.verdict"
          role="status"
        >
          <strong>
            {verdict === 'right'
              ? 'Right.'
              : verdict === 'wrong'
                ? `Not quite — the answer is ${labelOf(options, q.answer)}.`
                : `The answer is ${labelOf(options, q.answer)}.`}
          </strong>{' '}
          <Prose text={q.why} />
        </div>
      ) : (
        <button
          type="button"
          className="button button--primary"
          data-testid="lesson.reveal"
          onClick={reveal}
        >
          Reveal {answer === null ? '' : 'the answer '}(r)
        </button>
      )}
    </section>
  );
}

function labelOf(options: { id: string; label: string }[], id: string): string {
  return options.find((o) => o.id === id)?.label ?? id;
}
