// Frames back to text, the way the x86 kernel (and syzbot, for file:line) would print them.
import type { Frame } from '../../model/types';

/** `? lock_acquire+0x92/0x1f0 [i915] kernel/locking/lockdep.c:5666` */
export function formatFrame(frame: Frame): string {
  let s = frame.unreliable ? '? ' + frame.function : frame.function;
  if (frame.offset !== null) s += '+' + frame.offset;
  if (frame.module !== null) s += ' [' + frame.module + ']';
  if (frame.file !== null) s += ' ' + frame.file + (frame.line !== null ? ':' + frame.line : '');
  return s;
}
