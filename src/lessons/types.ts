// A lesson: a report (and the simulator program of the same design) a teacher walks a class
// through, with a short explanation, a question to predict before the answer is revealed, and
// the sources it is drawn from.
import type { ReportKind } from '../model/types';

export interface LessonSource {
  label: string;
  url: string;
}

/**
 * What the student is asked. `lock`: click the lock in the graph (or pick it from a list);
 * `cpu`: choose a CPU from the stepper's; `choice`: one of the options given.
 */
export type LessonQuestion =
  | { kind: 'lock'; prompt: string; answer: string; why: string }
  | { kind: 'cpu'; prompt: string; answer: string; why: string }
  | {
      kind: 'choice';
      prompt: string;
      options: readonly { id: string; label: string }[];
      answer: string;
      why: string;
    };

export interface Lesson {
  /** the `?lesson=` value: short, kebab-case, stable once shared */
  id: string;
  title: string;
  /** one line for the lesson list */
  summary: string;
  /** lockdep-format text written for the lesson (abridged, for the real cases) */
  report: string;
  /**
   * The id of the SIM_EXAMPLES program (src/sim) with the same design: the lesson shows it as a
   * lock program one can run. Its class names are the program's own (`a`, `b` for a toy);
   * src/lessons/programs.test.ts holds each to the lesson's cycle, and says where they differ.
   */
  program?: string;
  /** what happens, in paragraphs; `backticks` mark code */
  explanation: readonly string[];
  /** for real cases: what the fix was and why it works */
  fix?: readonly string[];
  question: LessonQuestion;
  /** what stays hidden until the answer is revealed: the cycle's colours in the graph, or nothing */
  conceal: 'cycle' | 'none';
  /**
   * The stepper step the question is asked at (0: before any step). Until the answer is
   * revealed the stepper does not go past it, so the next step cannot give the answer away.
   */
  askAt: number;
  /** what the report must parse to (unit tests hold every lesson to it) */
  expect: {
    kind: ReportKind;
    format: 'linux-lockdep' | 'freebsd-witness';
    deadlock: boolean;
    /** the report ends early, as the real one it is abridged from does */
    truncated?: boolean;
  };
  sources: readonly LessonSource[];
}
