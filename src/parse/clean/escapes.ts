// Newlines and TABs that a logger or an archive turned into text: rsyslog's "#012"/"#011"
// ("kernel: #012but task is already holding lock:", "Chain exists of:#012  &ids->rwsem -->"),
// a C-style "\x0a" (seed 004: an i915 CI log flattened onto one line), and a JSON-style "\n".
import type { LineStarts } from './line-starts';
import { firstNonBlank } from './line-starts';

const NEWLINE = /#012|\\x0[aA]/g;
const NEWLINE_OR_LITERAL = /#012|\\x0[aA]|\\n/g;
const TAB = /#011|\\x09/g;
const TAB_OR_LITERAL = /#011|\\x09|\\t/g;
const TIMESTAMP_START = /(?:<\d{1,3}> ?)?\[ {0,12}\d{1,10}\.\d{1,9}\]/y;

export function hasEscapes(text: string): boolean {
  return text.indexOf('#01') >= 0 || text.indexOf('\\') >= 0;
}

/**
 * A two-character "\n" is a line separator only when it clearly is: at least two of them are
 * followed by a timestamp or a line start ("…detected\n5.10.0 #1 Not tainted\n------"), or a
 * long line holds many. A C string in a quoted patch ("pr_warn(\"foo\\n\")") stays as it is.
 */
export function usesLiteralNewlines(text: string, starts: LineStarts): boolean {
  let count = 0;
  let good = 0;
  let i = text.indexOf('\\n');
  while (i >= 0) {
    count++;
    const after = firstNonBlank(text, i + 2);
    TIMESTAMP_START.lastIndex = after;
    if (TIMESTAMP_START.test(text) || starts.startsLine(text, after)) good++;
    if (good >= 2) return true;
    i = text.indexOf('\\n', i + 2);
  }
  return count >= 4 && text.length >= 200;
}

export function replaceTabEscapes(text: string, literal: boolean): string {
  return text.replace(literal ? TAB_OR_LITERAL : TAB, '\t');
}

/** The next escaped newline at or after `from`: its index and length, or null. */
export function findNewlineEscape(
  text: string,
  from: number,
  literal: boolean,
): { at: number; len: number } | null {
  const re = literal ? NEWLINE_OR_LITERAL : NEWLINE;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { at: m.index, len: m[0].length } : null;
}
