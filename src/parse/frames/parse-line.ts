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

// The form most frames take, "lock_acquire+0xd3/0x2e0", "? foo+0x1/0x2", "bar+0x1a/0x90 [btrfs]":
// read with one small regex instead of the general readers below, with the same result
// (no arm ` from `, no address, no symbolizer suffix, a name that needs no cleaning).
const CANONICAL = /^(\? )?([A-Za-z_][\w.]*)\+(0x[0-9a-fA-F]+\/0x[0-9a-fA-F]+)(?: \[([\w-]+)\])?$/;

function canonicalFrame(m: RegExpExecArray): Frame {
  return {
    function: m[2]!,
    offset: m[3]!,
    module: m[4] ?? null,
    unreliable: m[1] !== undefined,
    file: null,
    line: null,
    address: null,
  };
}

/** parseFrameLine for a line already trimmed (readTrace trims once for all its checks). */
export function parseTrimmedFrameLine(t: string): Frame | null {
  const quick = CANONICAL.exec(t);
  if (quick) return canonicalFrame(quick);
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
