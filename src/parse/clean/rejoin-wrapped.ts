// Mailer hard-wrapping at ~72–80 columns puts a line's tail on the next line without the
// quote or timestamp prefix: "[ 6971.262149][T106447] ffff888023bfad00\n(team->team_lock_key#6)…",
// "[   28.557007] Pid: 684, comm: modprobe Not tainted\n3.1.0-0.rc0.git19.1.fc17.x86_64 #1".
import type { LineStarts } from './line-starts';
import type { RawLine } from './physical-lines';
import type { WorkLine } from './work-line';

const MIN_WRAP = 60;
const MAX_WRAP = 100;

/**
 * The column a mailer wrapped at, or null when the text does not look hard-wrapped (more than a
 * few lines longer than any mailer's width).
 */
export function detectWrapWidth(raw: readonly RawLine[]): number | null {
  let nonBlank = 0;
  let long = 0;
  let widest = 0;
  for (const { text } of raw) {
    const n = text.trimEnd().length;
    if (n === 0) continue;
    nonBlank++;
    if (n > MAX_WRAP) long++;
    else if (n > widest) widest = n;
  }
  if (widest < MIN_WRAP || long > Math.max(1, nonBlank * 0.03)) return null;
  return widest;
}

/** Mailers wrap a little before their limit: a word that would have ended near it moved too. */
const SLACK = 12;

export interface WrapContext {
  starts: LineStarts;
  /** detectWrapWidth's answer */
  width: number | null;
  /**
   * The log indents a record's later lines (journald): then an unindented line after a prefix
   * with nothing behind it ("[ 7.887317] host kernel:\nlock(&mm->mmap_sem#2);") is a wrapped
   * tail, not an i915-CI style continuation line.
   */
  indentsContinuations: boolean;
}

export function rejoinWrapped(
  lines: readonly WorkLine[],
  ctx: WrapContext,
): { lines: WorkLine[]; joined: number; firstJoin: number | null } {
  const out: WorkLine[] = [];
  let joined = 0;
  let firstJoin: number | null = null;
  for (const line of lines) {
    const prev = out[out.length - 1];
    if (prev && isTail(prev, line, ctx)) {
      prev.text = isBlank(prev.text) ? line.text : `${prev.text.trimEnd()} ${line.text}`;
      prev.originEnd = line.originEnd;
      prev.last = line.last;
      prev.rawLength = line.rawLength;
      joined++;
      firstJoin ??= line.origin;
      continue;
    }
    out.push(line);
  }
  return { lines: out, joined, firstJoin };
}

function isTail(prev: WorkLine, line: WorkLine, ctx: WrapContext): boolean {
  if (!line.first || !prev.last || line.origin !== prev.originEnd + 1) return false;
  if (line.prefixed || line.continuation || line.quote > prev.quote) return false;
  const c = line.text.charCodeAt(0);
  if (Number.isNaN(c) || c === 32) return false;
  const { width } = ctx;
  const word = firstWordLength(line.text);
  const lostPrefix =
    (prev.inPrefixed && !line.inPrefixed) ||
    line.quote < prev.quote ||
    (prev.weak && !line.weak) ||
    (prev.dedent > 0 && line.dedent === 0);
  if (lostPrefix) {
    if (isBlank(prev.text)) return prev.prefixed && ctx.indentsContinuations && width !== null;
    // No mailer wraps before column 60; the estimated width is not trusted further than that
    // (lines with nowhere to break run past it).
    const overflows = prev.rawLength + 1 + word > MIN_WRAP;
    if (ctx.starts.startsLine(line.text)) return overflows && endsCut(prev.text);
    // Mailers do not wrap greedily ("CPU: 1 PID: 642 Comm:\nsystemd-journal Not tainted …"),
    // so a line that lost its prefix is a tail even after a colon or a full stop.
    return overflows && (width !== null || !looksFinished(prev.text));
  }
  if (isBlank(prev.text) || looksFinished(prev.text)) return false;
  if (line.quote !== prev.quote || line.weak !== prev.weak || line.inPrefixed !== prev.inPrefixed) return false;
  // Without a prefix to go by, the line must have been too long for the wrap width, and not
  // longer than it ("SOURCE: …" headers and long log lines are not wrapped).
  if (width === null || prev.rawLength > width || prev.rawLength < width - 30) return false;
  if (prev.rawLength + 1 + word <= width - SLACK) return false;
  if (endsCut(prev.text)) return true;
  // Only a sentence cut mid-phrase: "(in\nreverse order) is:"
  return midPhrase(prev.text, line.text) && !ctx.starts.startsLine(line.text);
}

// "…locking\ndependency", "(in\nreverse", "inode_lock\ninclude/linux/fs.h:758": a word, not a number or an offset
const LAST_WORD = /(?:^|[\s(])(?=[\w.-]*[A-Za-z])[\w.-]+,?$/;

function midPhrase(prev: string, next: string): boolean {
  const b = next.charCodeAt(0);
  const lowerOrDigit = (b >= 97 && b <= 122) || (b >= 48 && b <= 57);
  const tail = prev.slice(-40).trimEnd();
  // a comma never ends a printed line: "…{+.+.}-{0:0},\nat: process_one_work+0x235/0x620"
  return lowerOrDigit && (tail.endsWith(',') || LAST_WORD.test(tail));
}

// A header ("but task is already holding lock:"), a sentence or a statement ("lock(&a);") is
// complete; "…, at:" is not.
function looksFinished(text: string): boolean {
  const t = text.trimEnd();
  if (RULE.test(t)) return true;
  const c = t.charCodeAt(t.length - 1);
  if (c === 46 || c === 33 || c === 63 || c === 59) return true; // . ! ? ;
  if (c === 58) return !t.endsWith(' at:') && t !== 'at:'; // :
  // a bracketed title: "[ INFO: possible circular locking dependency detected ]"
  return t.endsWith(' ]');
}

const RULE = /^ *[=*-]{8,}$/;

// Where lockdep lock lines get cut: after "at:", after "[<c029e364>]", after an instance address.
// … after a chain entry's number, after WITNESS's "@", and after the "?" of an unreliable frame.
const CUT = /(?:\bat:|>\]|\b[0-9a-f]{8,16}|\(____ptrval____\)|-> #\d+|\s@|^ *\?)$/;

function endsCut(text: string): boolean {
  return CUT.test(text.slice(-40).trimEnd());
}

function firstWordLength(text: string): number {
  const sp = text.indexOf(' ');
  return sp < 0 ? text.length : sp;
}

function isBlank(text: string): boolean {
  return text.trim().length === 0;
}
