// The lessons slice: which lesson is open, the student's answer, whether it has been revealed,
// and presentation mode. The lesson itself, the verdict and what is concealed are derived
// (lessons-selectors), never stored. Until the answer is revealed the stepper is held at the
// lesson's question step, and a click on a lock in the graph answers a "which lock" question.
// The lesson's report borrows the page's box (report-slice showLessonInput): it is never saved as
// the user's input, and leaving the Lessons page gives the user's own box back as it was.
import type { StateCreator } from 'zustand';
import { lessonById } from '../../src/lessons';
import type { AppState } from './create-app-store';

export interface LessonState {
  id: string | null;
  /** the lock class, CPU name or option id the student chose; null before they choose */
  answer: string | null;
  revealed: boolean;
}

export interface LessonsSlice {
  lesson: LessonState;
  /** large type, high contrast, keyboard driven: the page as a projector shows it */
  presenting: boolean;
  /** open a lesson: the Lessons page, its report shown (the user's input kept aside), a fresh
   * question; false if unknown */
  openLesson(id: string): Promise<boolean>;
  /** commit an answer (before the reveal only); false when the lesson is not asking for one */
  answerLesson(answer: string): boolean;
  revealLesson(): void;
  setPresenting(presenting: boolean): void;
}

const NO_LESSON: LessonState = Object.freeze({ id: null, answer: null, revealed: false });

export const createLessonsSlice: StateCreator<AppState, [], [], LessonsSlice> = (set, get, api) => {
  api.subscribe((s, prev) => {
    if (s.page !== prev.page) {
      const open = lessonById(s.lesson.id);
      if (prev.page === 'lessons' && s.inputSource === 'lesson') void s.returnLentBox();
      // Back on the Lessons tab with a lesson open: its report again, its question as it was.
      else if (s.page === 'lessons' && open && prev.lesson.id === s.lesson.id)
        void s.showLessonInput(open.report, open.title);
    }
    const lesson = s.page === 'lessons' && !s.lesson.revealed ? lessonById(s.lesson.id) : null;
    if (!lesson) return;
    // The question step is as far as the stepper goes before the reveal.
    if (s.stepper !== prev.stepper && s.stepper.index > lesson.askAt) s.stepTo(lesson.askAt);
    // A click on a lock in the graph is an answer to "which lock…?".
    const sel = s.graphSelection;
    if (sel !== prev.graphSelection && sel?.kind === 'node' && lesson.question.kind === 'lock')
      s.answerLesson(sel.id);
  });

  return {
    lesson: NO_LESSON,
    presenting: false,

    async openLesson(id) {
      const lesson = lessonById(id);
      if (!lesson) return false;
      set({ lesson: { id, answer: null, revealed: false }, page: 'lessons' });
      const s = get();
      if (s.inputSource === 'lesson' && s.input === lesson.report && s.status === 'done')
        set({ graphSelection: null, stepper: { ...s.stepper, index: 0, playing: false } });
      else await s.showLessonInput(lesson.report, lesson.title);
      return true;
    },

    answerLesson(answer) {
      const { lesson } = get();
      if (!lesson.id || lesson.revealed) return false;
      set({ lesson: { ...lesson, answer: String(answer) } });
      return true;
    },

    revealLesson() {
      const { lesson } = get();
      if (lesson.id && !lesson.revealed) set({ lesson: { ...lesson, revealed: true } });
    },

    setPresenting(presenting) {
      if (get().presenting !== presenting) set({ presenting });
    },
  };
};
