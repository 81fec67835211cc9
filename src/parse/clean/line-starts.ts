// The formats' line-start vocabulary (FormatParser.lineStarts), compiled once per vocabulary.
//
// CONVENTION for importers: each regex is written WITHOUT `^` and WITHOUT flags, and describes
// how a printed line of that format begins once its indentation is removed (e.g. `/-> #\d+ /`,
// `/={20,}/`, `/\S+\/\d+ is trying to acquire lock:/`). The cleaner asks "does this line start a
// printed line" by matching a sticky copy at the first non-blank character, and looks for split
// points inside a flattened line by trying the same sticky copy at each word start. Keep them
// cheap at a fixed position: no leading `.*`, no nested quantifiers.

export interface LineStarts {
  /** Does text, from `at` (default: its first non-blank character), begin a printed line? */
  startsLine(text: string, at?: number): boolean;
  /** true when no vocabulary was given: every "is this a line start" answer is no */
  readonly empty: boolean;
}

// Compiling the big alternation cost ~0.1 ms, a tenth of parsing a small paste: keep it per array
// (detect.ts's ALL_LINE_STARTS is one array for the life of the page).
const compiled = new WeakMap<readonly RegExp[], LineStarts>();
const NONE: readonly RegExp[] = [];

export function compileLineStarts(regexes: readonly RegExp[] = NONE): LineStarts {
  let starts = compiled.get(regexes);
  if (!starts) compiled.set(regexes, (starts = compile(regexes)));
  return starts;
}

function compile(regexes: readonly RegExp[]): LineStarts {
  const plain: string[] = [];
  const flagged: RegExp[] = [];
  for (const re of regexes) {
    const source = re.source.startsWith('^') ? re.source.slice(1) : re.source;
    const flags = re.flags.replace(/[gy]/g, '');
    if (flags === '') plain.push(source);
    else flagged.push(new RegExp(source, flags + 'y'));
  }
  const sticky: RegExp[] = [...flagged];
  if (plain.length > 0) {
    try {
      // One alternation is much cheaper than N separate attempts at every word of a long line.
      sticky.push(new RegExp(plain.map((s) => `(?:${s})`).join('|'), 'y'));
    } catch {
      // Duplicate group names or back-references across regexes: try them one by one.
      for (const s of plain) sticky.push(new RegExp(s, 'y'));
    }
  }
  return {
    empty: sticky.length === 0,
    startsLine(text: string, at?: number): boolean {
      const i = firstNonBlank(text, at ?? 0);
      if (i >= text.length) return false;
      for (const re of sticky) {
        re.lastIndex = i;
        if (re.test(text)) return true;
      }
      return false;
    },
  };
}

export function firstNonBlank(text: string, from = 0): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i;
}
