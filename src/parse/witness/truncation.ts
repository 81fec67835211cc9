// Telling a report the paste cut off from one that simply ended.
import type { CleanLine } from '../clean/types';
import type { Draft } from './draft';

/** True when nothing but blank lines follows lines[i]. */
export function isLastContent(lines: readonly CleanLine[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) if (lines[j]!.text.trim() !== '') return false;
  return true;
}

// A frame line cut mid-token: "#7 0xffffffc0002acebe a", "i915_gem_do_execbuffer() at i915_gem_do_exe",
// a quoted chain '"so_rcv" -> "tcp'
const CUT_LINE = /^\s*(?:#\d+\s|[A-Za-z_][\w.$]*\(|"[^"]*(?:"\s*->\s*"[^"]*)*$)/;

/**
 * After a reader stops at lines[i]: if that line is the paste's last and looks like the start of a
 * line the report would have printed, it is the cut-off end of this report.
 */
export function takeCutTail(
  lines: readonly CleanLine[],
  i: number,
  draft: Draft,
  what: string,
): boolean {
  const line = lines[i];
  if (!line || !isLastContent(lines, i) || !CUT_LINE.test(line.text)) return false;
  draft.take(i);
  markTruncated(
    draft,
    i,
    `The paste ends in the middle of ${what} ("${line.text.trim().slice(0, 60)}").`,
  );
  return true;
}

export function markTruncated(draft: Draft, i: number | null, message: string): void {
  if (!draft.report.truncated) {
    draft.report.truncated = true;
    draft.diag(i, 'warning', message);
  }
}

/** The last frame printed as "f() at f" with no offset, at the very end of the paste, was cut. */
export function checkCutFrame(lines: readonly CleanLine[], traceEnd: number, draft: Draft): void {
  const lastIdx = traceEnd - 1;
  const last = lines[lastIdx];
  if (!last || !isLastContent(lines, lastIdx)) return;
  const m = /^\s*([\w.$]+)\([^()]*\) at ([\w.$]+)\s*$/.exec(last.text);
  if (m)
    markTruncated(
      draft,
      lastIdx,
      `The last frame ("${last.text.trim().slice(0, 60)}") has no offset: the paste was probably cut there.`,
    );
}
