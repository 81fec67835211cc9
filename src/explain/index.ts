// Explains lockdep notation in report text: what "{+.+.}", "-{3:3}", "-> #3", "<Interrupt>"… mean,
// for the report's kernel era. Framework-free: the input panel asks it about the line and column
// under the pointer or the caret.
import type { UsageEra } from '../model/types';
import { LOCK_RULES } from './lock-notation';
import { SECTION_RULES } from './section-notation';
import type { Explanation } from './types';

export type { Explanation } from './types';

const RULES = [...LOCK_RULES, ...SECTION_RULES];
// Lines longer than this are not real report lines (a flattened log): explain none of them.
const MAX_LINE = 2000;

/** Every notation item on one line, left to right. */
export function explainLine(line: string, era: UsageEra = 'modern'): Explanation[] {
  if (line.length > MAX_LINE) return [];
  return RULES.flatMap((r) => r.find(line, era)).sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * The notation item at a 1-based line and 0-based column of the text (the narrowest one when
 * items nest), or null when there is none there.
 */
export function explainAt(
  text: string,
  line: number,
  column: number,
  era: UsageEra = 'modern',
): (Explanation & { line: number }) | null {
  const lineText = lineOf(text, line);
  if (lineText === null) return null;
  let best: Explanation | null = null;
  for (const e of explainLine(lineText, era)) {
    if (column < e.start || column >= e.end) continue;
    if (!best || e.end - e.start < best.end - best.start) best = e;
  }
  return best ? { ...best, line } : null;
}

function lineOf(text: string, line: number): string | null {
  if (line < 1) return null;
  let start = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf('\n', start);
    if (nl < 0) return null;
    start = nl + 1;
  }
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, '');
}
