// One printed backtrace line, whatever the architecture, to a Frame.
import type { Frame } from '../../model/types';
import { parseArmFrameLine } from './arm';
import { parsePowerpcFrameLine } from './powerpc';
import { parseS390FrameLine } from './s390';
import { parseX86FrameLine } from './x86';

/**
 * One printed line to a frame, or null when the line is not a frame. Leading and trailing blanks
 * are ignored (indentation does not survive transport). Also reads the `at:` tail of a held-lock
 * line: parseFrameLine('[<ffffffff81165c5d>] compaction_alloc+0x21b/0x2f0').
 * For an arm32 `(f) from (g+…)` line the frame is f, the function that was running; readTrace
 * also uses the `from` half.
 */
export function parseFrameLine(text: string): Frame | null {
  const t = text.trim();
  if (t.length < 2) return null;
  // most prose has none of these, and leaves here without a regex run
  if (t.indexOf('0x') < 0 && t.indexOf('[<') < 0 && t.indexOf(':') < 0) return null;
  const c = t.charCodeAt(0);
  if (c === 0x28 /* ( */) return parseS390FrameLine(t);
  const arm = parseArmFrameLine(t);
  if (arm) return arm.frame;
  if (c === 0x5b /* [ */ && t.charCodeAt(1) !== 0x3c /* < */) {
    const frame = parsePowerpcFrameLine(t);
    if (frame) return frame;
  }
  return parseX86FrameLine(t);
}
