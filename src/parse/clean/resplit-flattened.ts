// Reports whose newlines became single spaces (CVE feeds, JSON "description" fields, HTML):
// "… [1] WARNING: lock held when returning to user space! 6.13.0-rc3-… #0 Not tainted ------…"
// A long line is cut before each word where a format's line-start vocabulary matches.
import type { LineStarts } from './line-starts';
import type { WorkLine } from './work-line';

/** Shorter lines are left alone: a printed line this long is rare, a flattened report is not. */
export const FLATTENED_MIN_LENGTH = 200;
const MIN_CUTS = 2;

export function resplitFlattened(
  lines: WorkLine[],
  starts: LineStarts,
): { lines: WorkLine[]; resplit: number[] } {
  if (starts.empty) return { lines, resplit: [] };
  const resplit: number[] = [];
  // copied only from the first line that is cut: most pastes hold none and keep their array
  let out: WorkLine[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.text.length < FLATTENED_MIN_LENGTH) {
      out?.push(line);
      continue;
    }
    const cuts = findCuts(line.text, starts);
    if (cuts.length < MIN_CUTS) {
      out?.push(line);
      continue;
    }
    const into = (out ??= lines.slice(0, i));
    resplit.push(line.origin);
    let from = 0;
    cuts.push(line.text.length);
    cuts.forEach((cut, k) => {
      into.push({
        ...line,
        text: line.text.slice(from, cut).trimEnd(),
        first: line.first && k === 0,
        last: line.last && k === cuts.length - 1,
        stream: k === 0 ? line.stream : null,
        prefixed: k === 0 && line.prefixed,
        continuation: k === 0 && line.continuation,
      });
      from = cut;
    });
  }
  return { lines: out ?? lines, resplit };
}

/** Word starts (after a blank) where a line start matches, except an address's frame ("at: f+0x1/0x2"). */
function findCuts(text: string, starts: LineStarts): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < text.length; i++) {
    const prev = text.charCodeAt(i - 1);
    if ((prev !== 32 && prev !== 9) || text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)
      continue;
    if (!starts.startsLine(text, i)) continue;
    if (glued(text, i)) continue;
    cuts.push(i);
  }
  return cuts;
}

// The frame after "at:", " at ", an address "[<c017f754>] " or an unreliable "? ", and the lock after a held-lock
// index or an instance address ("#0: ffff888071cffc00 (&sb->s_type->i_mutex_key#9){++++}"),
// belong to the line they are on.
const GLUE = /(?:^|\s)(?:\S*>\]|[0-9a-f]{8,16}|#\d{1,4}:|-> #\d{1,4}|\?)\s+$/;
const AT = /(?:^|\s)at:?\s+$/;
// "… established at: #0 0xffffc00037d2c0 at …" does start a line after "at:"
const FRAME_START = /[A-Za-z_.[]/;

function glued(text: string, i: number): boolean {
  const before = text.slice(Math.max(0, i - 40), i);
  return GLUE.test(before) || (AT.test(before) && FRAME_START.test(text[i]!));
}
