// Derived lesson data: the open lesson, whether the answer is right, what the graph conceals.
import { LESSONS, lessonById, type Lesson } from '../../src/lessons';
import type { AppState } from './create-app-store';

export const selectLesson = (s: AppState): Lesson | null => lessonById(s.lesson.id);

export const selectLessonIndex = (s: AppState): number =>
  LESSONS.findIndex((l) => l.id === s.lesson.id);

/** 'right' or 'wrong' once revealed with an answer; 'unanswered' when revealed without one. */
export const selectVerdict = (s: AppState): 'right' | 'wrong' | 'unanswered' | null => {
  const lesson = selectLesson(s);
  if (!lesson || !s.lesson.revealed) return null;
  if (s.lesson.answer === null) return 'unanswered';
  return s.lesson.answer === lesson.question.answer ? 'right' : 'wrong';
};

/** The graph hides its cycle colours while a lesson that conceals them waits for its answer. */
export const selectConcealCycle = (s: AppState): boolean => {
  if (s.page !== 'lessons' || s.lesson.revealed) return false;
  return selectLesson(s)?.conceal === 'cycle';
};
