// Characters that transport adds or swaps: terminal escapes, control bytes, no-break spaces, TABs.
/* eslint-disable no-control-regex -- matching control characters is the point of this file */

// Serial console captures: "[ESC[32m ok ESC[39;49m" (syzkaller 152); OSC titles; charset shifts.
const ANSI =
  /\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[()][0-9A-Za-z]|[@-Z\\-_78=>])/g;
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;
// Mail and HTML copies: "Tainted: G=C2=A0=C2=A0 W" (U+00A0), narrow/figure spaces, zero-width ones.
const SPACES = /[\u00a0\u2007\u202f]/g;
const INVISIBLE = /[\u200b-\u200d\ufeff]/g;
const ANY = /[\x00-\x08\x0b-\x1f\x7f\u00a0\u2007\u202f\u200b-\u200d\ufeff]/;

/** Does the text hold anything normalizeCharacters changes? (one scan of a whole paste) */
export function hasOddCharacters(text: string): boolean {
  return ANY.test(text);
}

export function normalizeCharacters(text: string): string {
  if (!ANY.test(text)) return text;
  if (text.indexOf('\x1b') >= 0) text = text.replace(ANSI, '');
  return text.replace(CONTROL, '').replace(SPACES, ' ').replace(INVISIBLE, '');
}

/** TAB to the next multiple of 8, counting columns from the start of `text`. */
export function expandTabs(text: string): string {
  let tab = text.indexOf('\t');
  if (tab < 0) return text;
  let out = '';
  let from = 0;
  while (tab >= 0) {
    out += text.slice(from, tab);
    out += ' '.repeat(8 - (out.length % 8));
    from = tab + 1;
    tab = text.indexOf('\t', from);
  }
  return out + text.slice(from);
}
