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

/**
 * The form most frames take, read by hand before the general readers below, with their result:
 * /^(\? )?([A-Za-z_][\w.]*)\+(0x[0-9a-fA-F]+\/0x[0-9a-fA-F]+)(?: \[([\w-]+)\])?$/ —
 * "lock_acquire+0xd3/0x2e0", "? foo+0x1/0x2", "bar+0x1a/0x90 [btrfs]" (no arm ` from `, no
 * address, no symbolizer suffix, a name that needs no cleaning). Null for anything else.
 */
export function parseCanonicalFrame(t: string): Frame | null {
  const unreliable = t.charCodeAt(0) === 0x3f /* ? */ && t.charCodeAt(1) === 0x20;
  const nameStart = unreliable ? 2 : 0;
  if (!isNameStart(t.charCodeAt(nameStart))) return null;
  let i = nameStart + 1;
  while (isWord(t.charCodeAt(i)) || t.charCodeAt(i) === 0x2e /* . */) i++;
  const nameEnd = i;
  if (t.charCodeAt(i) !== 0x2b /* + */) return null;
  const offsetStart = i + 1;
  i = hexNumberEnd(t, offsetStart);
  if (i < 0 || t.charCodeAt(i) !== 0x2f /* / */) return null;
  i = hexNumberEnd(t, i + 1);
  if (i < 0) return null;
  const offsetEnd = i;
  let module: string | null = null;
  if (i < t.length) {
    // " [module]"
    const last = t.length - 1;
    if (t.charCodeAt(i) !== 0x20 || t.charCodeAt(i + 1) !== 0x5b || t.charCodeAt(last) !== 0x5d)
      return null;
    if (last === i + 2) return null;
    for (let k = i + 2; k < last; k++) {
      const c = t.charCodeAt(k);
      if (!isWord(c) && c !== 0x2d /* - */) return null;
    }
    module = t.slice(i + 2, last);
  }
  return {
    function: t.slice(nameStart, nameEnd),
    offset: t.slice(offsetStart, offsetEnd),
    module,
    unreliable,
    file: null,
    line: null,
    address: null,
  };
}

function isNameStart(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
}

/** \w */
function isWord(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39);
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** End of "0x" and at least one hex digit starting at `from`, or -1. */
function hexNumberEnd(t: string, from: number): number {
  if (
    t.charCodeAt(from) !== 0x30 ||
    t.charCodeAt(from + 1) !== 0x78 ||
    !isHex(t.charCodeAt(from + 2))
  )
    return -1;
  let i = from + 3;
  while (isHex(t.charCodeAt(i))) i++;
  return i;
}

/** parseFrameLine for a line already trimmed (readTrace trims once for all its checks). */
export function parseTrimmedFrameLine(t: string): Frame | null {
  const quick = parseCanonicalFrame(t);
  if (quick) return quick;
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
