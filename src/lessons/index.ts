// The lessons, in the order a class walks through them.
import { AA, ABBA, CYCLE_OF_THREE } from './basics';
import { IRQ_SAFE_UNSAFE, RWLOCK, SPIN_IRQ } from './interrupts';
import { DRM_SCHED_TDR, LINUXKPI_IRQ_WORK } from './real-fences';
import { I915_RESET, I915_USERPTR } from './real-i915';
import type { Lesson } from './types';
import { FLUSH_WORK } from './waiting';

export type { Lesson, LessonQuestion, LessonSource } from './types';
export { lessonProgram } from './program';

export const LESSONS: readonly Lesson[] = [
  ABBA,
  AA,
  CYCLE_OF_THREE,
  SPIN_IRQ,
  IRQ_SAFE_UNSAFE,
  RWLOCK,
  FLUSH_WORK,
  I915_USERPTR,
  I915_RESET,
  LINUXKPI_IRQ_WORK,
  DRM_SCHED_TDR,
];

export function lessonById(id: string | null | undefined): Lesson | null {
  return LESSONS.find((l) => l.id === id) ?? null;
}

/** The lesson `delta` places after (or before) this one; null past either end. */
export function lessonAfter(id: string, delta: number): Lesson | null {
  const i = LESSONS.findIndex((l) => l.id === id);
  if (i < 0) return null;
  return LESSONS[i + delta] ?? null;
}
