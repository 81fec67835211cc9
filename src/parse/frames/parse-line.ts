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
  return parseTrimmedFrameLine(text.trim());
}

/** parseFrameLine for a line already trimmed (readTrace trims once for all its checks). */
export function parseTrimmedFrameLine(t: string): Frame | null {
  if (t.length < 2) return null;
  const c = t.charCodeAt(0);
  // most lines that are not frames leave here, before any regex runs
  if (
    t.indexOf('+0x') < 0 &&
    c !== 0x5b /* [ */ &&
    c !== 0x28 /* ( */ &&
    !t.startsWith('0x') &&
    t.indexOf('[<') < 0
  ) {
    // what is left are symbolizer frames without an offset: `__dump_stack lib/dump_stack.c:91 [inline]`,
    // `dump_stack_lvl (lib/dump_stack.c:107)`, `nf_tables_newrule (net/x.c:3865) nf_tables`,
    // and `Function entered at [<c0017b4c>] from [<c0014d10>]`
    if (t.indexOf(':') < 0) return null;
    const last = t.charCodeAt(t.length - 1);
    if (last !== 0x5d /* ] */ && last !== 0x29 /* ) */ && t.indexOf(') ') < 0) return null;
  }
  if (c === 0x28 /* ( */) return parseS390FrameLine(t);
  const arm = parseArmFrameLine(t);
  if (arm) return arm.frame;
  if (c === 0x5b /* [ */ && t.charCodeAt(1) !== 0x3c /* < */) {
    const frame = parsePowerpcFrameLine(t);
    if (frame) return frame;
  }
  return parseX86FrameLine(t);
}
