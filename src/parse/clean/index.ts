// Undo what happened to a report on its way from a console to the reader: timestamps, caller
// ids, syslog and journal prefixes, e-mail quoting, quoted-printable, escaped newlines, whole
// reports flattened onto one line, hard-wrapped tails, TABs and no-break spaces.
//
// LINE STARTS CONVENTION (CleanOptions.lineStarts = every importer's FormatParser.lineStarts):
// each regex is written WITHOUT `^` and WITHOUT flags and says how a printed line of its format
// begins once indentation is removed. The cleaner matches a sticky copy at the line's first
// non-blank character ("does this line start a printed line?" — a wrapped tail does not) and,
// inside a line of FLATTENED_MIN_LENGTH or more, at each word start to find where a report
// flattened onto one line must be cut (at least two cuts needed). A frame right after "at:",
// " at " or "[<addr>] " is never cut off its line. Keep each regex cheap at a fixed position.
import type { Diagnostic } from '../../model/types';
import { hasOddCharacters, normalizeCharacters } from './characters';
import { dedentBlocks } from './dedent';
import { compileLineStarts } from './line-starts';
import { splitPhysicalLines } from './physical-lines';
import { decodeQuotedPrintable, looksQuotedPrintable } from './quoted-printable';
import { detectWrapWidth, rejoinWrapped } from './rejoin-wrapped';
import { resplitFlattened } from './resplit-flattened';
import { stripPrefixes } from './strip-prefixes';
import type { CleanLine } from './types';

export { FLATTENED_MIN_LENGTH } from './resplit-flattened';

export interface CleanOptions {
  /** line-start vocabulary of every format (detect.ts ALL_LINE_STARTS); see the convention above */
  lineStarts?: readonly RegExp[];
}

export interface CleanResult {
  lines: CleanLine[];
  diagnostics: Diagnostic[];
}

export function cleanText(input: string, options: CleanOptions = {}): CleanResult {
  const diagnostics: Diagnostic[] = [];
  const note = (line: number | null, message: string) =>
    diagnostics.push({ line, severity: 'info', message });
  const starts = compileLineStarts(options.lineStarts);

  let raw = splitPhysicalLines(input);
  let decoded = false;
  if (looksQuotedPrintable(raw)) {
    const firstEncoded = raw.find((l) => /=(?:[0-9A-F]{2}|$)/.test(l.text));
    raw = decodeQuotedPrintable(raw);
    decoded = true;
    note(firstEncoded?.origin ?? null, 'decoded quoted-printable (=3D, =20, soft line breaks)');
  }
  // one scan of the whole paste instead of one per line (decoding may have made "=C2=A0" a NBSP)
  if (decoded || hasOddCharacters(input))
    for (let i = 0; i < raw.length; i++) raw[i]!.text = normalizeCharacters(raw[i]!.text);
  const width = detectWrapWidth(raw);

  const stripped = stripPrefixes(raw, starts);
  const { stats } = stripped;
  if (stats.escapedNewlines > 0) {
    note(
      stats.firstEscapeLine,
      `split lines at ${stats.escapedNewlines} escaped newlines (#012, \\x0a or \\n)`,
    );
  }
  if (stats.midTimestampCuts > 0) {
    note(
      stats.firstCutLine,
      `split lines before ${stats.midTimestampCuts} kernel timestamps found inside a line`,
    );
  }

  const flat = resplitFlattened(stripped.lines, starts);
  for (const n of flat.resplit) note(n, `re-split a line flattened onto one line (line ${n})`);

  // Indentation a commit message or a quote added is routine: no diagnostic for it.
  dedentBlocks(flat.lines);

  const rejoined = rejoinWrapped(flat.lines, {
    starts,
    width,
    indentsContinuations: stats.continuations > 0,
  });
  if (rejoined.joined > 0) {
    const s = rejoined.joined === 1 ? '' : 's';
    note(
      rejoined.firstJoin,
      `rejoined ${rejoined.joined} wrapped line${s} (first at line ${rejoined.firstJoin})`,
    );
  }

  // a flattened paragraph that a mailer then wrapped is whole again only now
  const again = resplitFlattened(rejoined.lines, starts);
  for (const n of again.resplit) note(n, `re-split a line flattened onto one line (line ${n})`);

  return { lines: finish(again.lines), diagnostics };
}

/** Trailing blanks go; a line without a caller id stays with the stream before it. */
function finish(
  lines: readonly { text: string; origin: number; originEnd: number; stream: string | null }[],
): CleanLine[] {
  const out: CleanLine[] = new Array(lines.length);
  let stream: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.stream !== null) stream = l.stream;
    out[i] = { text: l.text.trimEnd(), origin: l.origin, originEnd: l.originEnd, stream };
  }
  return out;
}

export type { CleanLine };
