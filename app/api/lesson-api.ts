// window.lockscope.state().lesson: the open lesson and its question, as plain JSON.
import { LESSONS } from '../../src/lessons';
import { selectLesson, selectLessonIndex, selectVerdict, type AppState } from '../store';

export interface ApiLesson {
  id: string;
  /** 0-based place in the lesson list, and its length */
  index: number;
  count: number;
  title: string;
  /** 'lock' (click a lock), 'cpu' (choose a CPU) or 'choice' */
  question: 'lock' | 'cpu' | 'choice';
  /** the option ids of a 'choice' question; [] otherwise */
  options: string[];
  /** the stepper step the question is asked at (the stepper waits there until the reveal) */
  askAt: number;
  answer: string | null;
  revealed: boolean;
  /** once revealed: 'right', 'wrong' or 'unanswered'; null before */
  verdict: 'right' | 'wrong' | 'unanswered' | null;
  /** the right answer, once revealed; null before (tests must not peek) */
  correct: string | null;
}

export function apiLesson(s: AppState): ApiLesson | null {
  const lesson = selectLesson(s);
  if (!lesson) return null;
  const q = lesson.question;
  return {
    id: lesson.id,
    index: selectLessonIndex(s),
    count: LESSONS.length,
    title: lesson.title,
    question: q.kind,
    options: q.kind === 'choice' ? q.options.map((o) => o.id) : [],
    askAt: lesson.askAt,
    answer: s.lesson.answer,
    revealed: s.lesson.revealed,
    verdict: selectVerdict(s),
    correct: s.lesson.revealed ? q.answer : null,
  };
}
