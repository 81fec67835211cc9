// The simulator program a lesson offers beside its report ("the same design as a lock program
// you can run"): looked up by id in src/sim's examples, so there is one copy of each program.
// The examples alone, not the explorer: the Lessons page shows the program, it does not run it.
import { SIM_EXAMPLES, type SimExample } from '../sim/examples';
import type { Lesson } from './types';

export function lessonProgram(lesson: Lesson): SimExample | null {
  if (!lesson.program) return null;
  return SIM_EXAMPLES.find((e) => e.id === lesson.program) ?? null;
}
