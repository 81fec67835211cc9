// A trace's call stacks ("foo", "foo+0x1c/0x40", "foo+0x1c/0x40 [mod]") as report frames, printed
// the way lockdep prints them: a frame without an offset gets "+0x0/0x0".
import type { Frame } from '../../model/types';
import { firstInterestingFrame, makeFrame } from '../../model/frame';
import { parseFrameLine } from '../../parse/frames/parse-line';

export function stackFrame(text: string): Frame {
  const parsed = parseFrameLine(text);
  if (parsed && !parsed.unreliable && parsed.file === null) {
    return { ...parsed, offset: parsed.offset ?? '0x0/0x0' };
  }
  // anything else becomes a symbol-like name, so that the printed text reads back the same
  const name =
    text
      .trim()
      .replace(/[^\w.]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'unknown';
  return makeFrame({ function: /^[A-Za-z_]/.test(name) ? name : `_${name}`, offset: '0x0/0x0' });
}

export function stackFrames(stack: readonly string[]): Frame[] {
  return stack.map(stackFrame);
}

/**
 * The "at:" of a lock line: acquire_ip, the caller of the locking function (the first frame past
 * _raw_spin_lock, __mutex_lock and the like), or null when the trace has no stack.
 */
export function acquireAt(stack: readonly string[]): string | null {
  const f = firstInterestingFrame(stackFrames(stack));
  if (!f) return null;
  return `${f.function}+${f.offset}${f.module ? ` [${f.module}]` : ''}`;
}

/**
 * A frame as lockdep's stack_trace_print() shows it: "func+0x1c/0x40 [mod]". %pS always prints
 * an offset, and a bare name would not read back as a frame: none known prints as +0x0/0x0.
 */
export function frameText(f: Frame): string {
  return `${f.function}+${f.offset ?? '0x0/0x0'}${f.module ? ` [${f.module}]` : ''}`;
}
