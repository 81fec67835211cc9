// Per-line prefix removal: quotes, weak block markers (when a run of lines carries them), logger
// prefixes; then cutting each line at escaped newlines and at kernel timestamps inside it.
import { expandTabs } from './characters';
import { findNewlineEscape, hasEscapes, replaceTabEscapes, usesLiteralNewlines } from './escapes';
import { firstNonBlank, type LineStarts } from './line-starts';
import type { RawLine } from './physical-lines';
import { findMidTimestamp, scanLogger, scanQuotes, type QuoteScan } from './prefixes';
import type { WorkLine } from './work-line';

const MIN_WEAK_RUN = 3;

export interface StripStats {
  escapedNewlines: number;
  firstEscapeLine: number | null;
  midTimestampCuts: number;
  firstCutLine: number | null;
  continuations: number;
}

export function stripPrefixes(
  raw: readonly RawLine[],
  starts: LineStarts,
): { lines: WorkLine[]; stats: StripStats } {
  const quotes = raw.map((l) => scanQuotes(l.text));
  const tight = tightQuoteDepths(raw, quotes);
  if (tight.size > 0) {
    raw.forEach((l, i) => {
      if (quotes[i]!.gap && tight.has(quotes[i]!.depth)) quotes[i] = scanQuotes(l.text, true);
    });
  }
  const weakTake = decideWeakRuns(raw, quotes);
  const stats: StripStats = {
    escapedNewlines: 0,
    firstEscapeLine: null,
    midTimestampCuts: 0,
    firstCutLine: null,
    continuations: 0,
  };
  const out: WorkLine[] = [];
  // journald and util-linux dmesg indent a record's later lines to the message column
  let messageColumn = 0;

  for (let n = 0; n < raw.length; n++) {
    const line = raw[n]!;
    const q = quotes[n]!;
    let text = line.text;
    let base = q.end + weakTake[n]!;
    // a quote inside a block marker: "+> [19] lock order reversal:", "|> …"
    let depth = q.depth;
    if (weakTake[n]! > 0 && text.charCodeAt(firstNonBlank(text, base)) === 62) {
      const inner = scanQuotes(text, false, base);
      base = inner.end;
      depth += inner.depth;
    }
    // (most lines hold no escape at all: then no search for one below)
    const escapes = hasEscapes(text);
    const literal = escapes && text.indexOf('\\n') >= 0 && usesLiteralNewlines(text, starts);
    if (escapes) text = replaceTabEscapes(text, literal);

    let pos = base;
    let first = true;
    let inPrefixed = false;
    // after "\x0a" or "#012" the record goes on: its next line has no prefix of its own
    let embedded = false;
    // the next timestamp and escape found so far (a line can hold 250,000 of them: search once each)
    let nextTs = -2;
    let nextEsc: { at: number; len: number } | null | undefined;
    for (let guard = 0; guard <= text.length; guard++) {
      const scan = embedded
        ? { end: pos, prefixed: false, stream: null, width: 0 }
        : scanLogger(text, pos);
      if (scan.prefixed) {
        inPrefixed = true;
        if (first) messageColumn = scan.width - base;
      }
      const start = scan.end;
      if (!escapes) nextEsc = null;
      else if (nextEsc === undefined || (nextEsc !== null && nextEsc.at < start))
        nextEsc = findNewlineEscape(text, start, literal);
      const esc = nextEsc;
      const tsFrom = embedded ? start : start + 1;
      if (nextTs === -2 || (nextTs >= 0 && nextTs < tsFrom))
        nextTs = findMidTimestamp(text, tsFrom);
      const tsLimit = esc ? esc.at : text.length;
      let ts = nextTs;
      if (ts >= tsLimit) ts = -1;
      const cut = ts >= 0 ? ts : esc ? esc.at : -1;
      const content = cut >= 0 ? text.slice(start, cut) : text.slice(start);
      const piece: WorkLine = {
        text: expandTabs(ts >= 0 ? content.trimEnd() : content),
        origin: line.origin,
        originEnd: line.originEnd,
        stream: scan.stream,
        prefixed: scan.prefixed,
        inPrefixed,
        quote: depth,
        weak: weakTake[n]! > 0,
        dedent: 0,
        first,
        last: cut < 0,
        rawLength: line.text.length,
        continuation: false,
      };
      if (first && !scan.prefixed && messageColumn >= 8)
        takeContinuation(piece, messageColumn, stats);
      out.push(piece);
      if (cut < 0) break;
      if (ts >= 0) {
        pos = ts;
        embedded = false;
        stats.midTimestampCuts++;
        stats.firstCutLine ??= line.origin;
      } else {
        pos = esc!.at + esc!.len;
        // a JSON-style "\n" ends a record; the next one brings its own prefix
        embedded = esc!.len !== 2;
        stats.escapedNewlines++;
        stats.firstEscapeLine ??= line.origin;
      }
      first = false;
    }
  }
  return { lines: out, stats };
}

/**
 * journalctl: "[    7.886926] fmac.local kernel:\n                                  but task is already
 * holding lock:" — a line indented to the message column of the prefixed line before it.
 */
function takeContinuation(piece: WorkLine, column: number, stats: StripStats): void {
  let n = 0;
  while (n < piece.text.length && piece.text.charCodeAt(n) === 32) n++;
  if (n === piece.text.length || n < column - 2) return;
  piece.text = piece.text.slice(Math.min(n, column));
  piece.continuation = true;
  piece.inPrefixed = true;
  stats.continuations++;
}

/**
 * Weak markers ("|", "%", " * ", "+", "[318] ") are stripped only inside a run of at least three
 * non-blank lines that carry the same one; blank lines neither break nor extend a run. Returns,
 * per line, how many characters to strip after the quotes.
 */
function decideWeakRuns(raw: readonly RawLine[], quotes: readonly QuoteScan[]): number[] {
  const take = new Array<number>(raw.length).fill(0);
  let runKind: string | null = null;
  let members: number[] = [];
  const flush = () => {
    if (runKind !== null && members.length >= MIN_WEAK_RUN) {
      let tight = 0;
      for (const i of members)
        if (
          !quotes[i]!.weakSpace &&
          !isBlankFrom(raw[i]!.text, quotes[i]!.end + quotes[i]!.weakLen)
        )
          tight++;
      // "| (s_active#28){++++.+}" next to "|[ INFO: …": the bar was added without a space, so the
      // space after it is the report's own indentation ("| " quoting never leaves "|text")
      const tightStyle = tight >= 2 && tight * 10 >= members.length;
      const withSpace = runKind === '*' || runKind === '[n]' || (runKind !== '+' && !tightStyle);
      for (const i of members) {
        const q = quotes[i]!;
        take[i] = q.weakLen + (withSpace && q.weakSpace ? 1 : 0);
      }
    }
    members = [];
    runKind = null;
  };
  for (let i = 0; i < raw.length; i++) {
    const q = quotes[i]!;
    const rest = raw[i]!.text;
    if (isBlankFrom(rest, q.end)) continue;
    if (q.weak !== runKind) {
      // a wrapped tail between two marked lines does not end the run ("[19]  1st … @\n/usr/src/…")
      if (runKind !== null && q.weak === null && nextMarked(raw, quotes, i) === runKind) continue;
      flush();
      runKind = q.weak;
    }
    if (q.weak !== null) members.push(i);
  }
  flush();
  return take;
}

/**
 * Quote depths at which the mailer added ">" without a space (">On Thu, 11 Sep 2014 …"): there
 * the space after ">" is the report's own indentation (">  #0: …" is " #0: …"). A mutt-style
 * "> " quote never leaves ">text", so a few such lines decide it.
 */
function tightQuoteDepths(raw: readonly RawLine[], quotes: readonly QuoteScan[]): Set<number> {
  const spaced = new Map<number, number>();
  const tight = new Map<number, number>();
  quotes.forEach((q, i) => {
    if (q.depth === 0 || isBlankFrom(raw[i]!.text, q.end)) return;
    const m = q.gap ? spaced : tight;
    m.set(q.depth, (m.get(q.depth) ?? 0) + 1);
  });
  const out = new Set<number>();
  for (const [depth, n] of tight)
    if (n >= 2 && n * 10 >= n + (spaced.get(depth) ?? 0)) out.add(depth);
  return out;
}

function nextMarked(
  raw: readonly RawLine[],
  quotes: readonly QuoteScan[],
  i: number,
): string | null {
  for (let j = i + 1; j < raw.length; j++) {
    if (!isBlankFrom(raw[j]!.text, quotes[j]!.end)) return quotes[j]!.weak;
  }
  return null;
}

function isBlankFrom(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
