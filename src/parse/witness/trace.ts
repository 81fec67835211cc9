// Reads one backtrace (stack(9), DDB, kgdb or OpenBSD stacktrace_print lines) starting at lines[i].
import type { Frame } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { Draft } from './draft';
import { isBsdTraceNoise, parseBsdFrames } from './frames';

export interface ReadTrace {
  frames: Frame[];
  /** index just past the last frame or noise line read (= i when none) */
  end: number;
}

/**
 * Frames from lines[i] on, skipping trap/arm64 noise and blank lines between frames, until the
 * first line that is neither. Each line read is taken into the draft as a frame span.
 */
export function readTrace(
  lines: readonly CleanLine[],
  i: number,
  draft: Draft | null,
  ref: string | null = null,
  glued?: string,
): ReadTrace {
  const frames: Frame[] = glued ? (parseBsdFrames(glued) ?? []) : [];
  let j = i;
  let end = i;
  while (j < lines.length) {
    const text = lines[j]!.text;
    if (text.trim() === '') {
      j++;
      continue;
    }
    const got = parseBsdFrames(text);
    if (got) for (const f of got) frames.push(f);
    else if (!isBsdTraceNoise(text)) break;
    draft?.take(j, got ? 'frame' : 'other', ref);
    j++;
    end = j;
  }
  return { frames, end };
}

/** Does a backtrace start at lines[i]? */
export function isFrameLine(text: string): boolean {
  return parseBsdFrames(text) !== null;
}

/**
 * A section header ("stack backtrace:", "… established at:") matched by re, whose optional last
 * group is a frame glued onto it; the glued text must be a frame for the header to count.
 */
export function sectionHeader(
  re: RegExp,
  text: string,
): { m: RegExpExecArray; glued: string | undefined } | null {
  const m = re.exec(text);
  if (!m) return null;
  const glued = m[m.length - 1];
  if (glued !== undefined && parseBsdFrames(glued) === null) return null;
  return { m, glued };
}
