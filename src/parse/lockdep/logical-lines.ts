// Printed lockdep lines that reached us cut in two (mailer wrapping, terminal copy) and that the
// cleaner could not re-join because only the lockdep grammar knows where they belong.
import { trimEndIndex, trimStartIndex } from '../blank';
import type { CleanLine } from '../clean/types';
import { parseIdentLine } from './kernel-ident';
import { parseLockLine } from './lock-line';
import { recognizeSection } from './sections';
import { recognizeTitle, recognizeWrappedTitle } from './title';

/** One printed line, possibly made of several cleaned lines. */
export interface LogicalLine {
  text: string;
  /** first and last index into the cleaned lines */
  from: number;
  to: number;
  /** original line numbers (1-based) */
  origin: number;
  originEnd: number;
}

// "ffff888023bfad00" + "(team->team_lock_key#6){+.+.}…", " #0: ffff888023bfad00" + "(…"
const BARE_INSTANCE = /^(?:#\d+:\s*)?(?:[0-9a-f]{8,16}|\(____ptrval____\))$/;
// "… (crypto_alg_sem){----}, at:" + "[__crypto_lookup_template+20/168] …" or "… at: [<c029e364>]" + "> mutex_lock+0x19/0x20"
const AT_WITHOUT_SYMBOL = /,\s*at:(?:\s*\[<?[^\]\s]*>?\])?\s*$/;
const SYMBOL_START =
  /^(?:\[[^\]\s]+\]\s*)?[A-Za-z_.$][\w.$]*(?:\+0x[0-9a-f]+\/0x[0-9a-f]+.*|\s+\S+\.\w+:\d+.*)?$/;
// 2.6.18-mm frames "[blocking_notifier_call_chain+14/45]" + "blocking_notifier_call_chain+0xe/0x2d"
const DECIMAL_FRAME_ONLY = /^\[[A-Za-z_.$][\w.$]*\+\d+\/\d+\]$/;
const HEX_SYMBOL = /^[A-Za-z_.$][\w.$]*\+0x[0-9a-f]+\/0x[0-9a-f]+/;
// a lock line broken inside its name: "#0: ffff… (&sb->s_type->i_mutex_key" + "#9){++++}-{4:4}, at: …"
const LOCK_HEAD = /^(?:#\d+:\s*)?(?:(?:[0-9a-f]{8,16}|\(____ptrval____\))\s+)?\(/;

function joined(a: string, b: string): string {
  return `${a.replace(/\s+$/, '')} ${b.trim()}`;
}

/**
 * Can `cur` be the first piece of a line cut in two, judged by its first and last characters
 * only? Every join below needs one of these; most lines (frames) pass none and are never trimmed.
 */
function mayContinue(cur: string): boolean {
  const from = trimStartIndex(cur);
  if (from === cur.length) return false;
  const first = cur.charCodeAt(from);
  const last = cur.charCodeAt(trimEndIndex(cur) - 1);
  // ", at:" / ", at: [<c029e364>]" / "[sym+14/45]" / "… #1 Not"
  if (last === 58 /* : */ || last === 93 /* ] */ || last === 116 /* t */) return true;
  // "#0:", "(____ptrval____)", "(&sb->…", "[ INFO: …", "INFO: …", "BUG: …", "WARNING: …"
  if (first === 35 || first === 40 || first === 91 || first === 73 || first === 66 || first === 87)
    return true;
  // a bare instance address "ffff888023bfad00"
  return hexRun(cur, from) >= 8;
}

function hexRun(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) break;
  }
  return i - from;
}

/** Should `next` be appended to `cur` (already trimmed-compare)? Returns the joined text or null. */
function joinPair(cur: string, next: string): string | null {
  if (!mayContinue(cur)) return null;
  const a = cur.trim();
  const b = next.trim();
  if (a === '' || b === '') return null;
  if (BARE_INSTANCE.test(a) && b.startsWith('(') && b.includes('){')) return joined(cur, next);
  if (
    AT_WITHOUT_SYMBOL.test(a) &&
    a.includes('){') &&
    (SYMBOL_START.test(b) || DECIMAL_FRAME_ONLY.test(b))
  )
    return joined(cur, next);
  if (DECIMAL_FRAME_ONLY.test(a) && HEX_SYMBOL.test(b)) return joined(cur, next);
  // "6.8.0-rc5 #1 Not" + "tainted"
  if (
    a.endsWith('Not') &&
    /\s#\S+\s+Not$/.test(a) &&
    /^tainted\b/.test(b) &&
    parseIdentLine(`${a} ${b}`)
  )
    return joined(cur, next);
  // (the wrapped test first: it turns nearly every line down at its first character)
  if (recognizeWrappedTitle(a, b) !== null && recognizeTitle(a) === null) return joined(cur, next);
  if (
    LOCK_HEAD.test(a) &&
    !a.includes('){') &&
    !a.endsWith(':') &&
    b.includes('){') &&
    !b.startsWith('(') &&
    !recognizeSection(a)
  ) {
    const j = joined(cur, next);
    if (parseLockLine(j.replace(/^\s*#\d+:\s*/, ''))) return j;
  }
  return null;
}

/** The printed line that starts at lines[i], with wrapped tails re-joined (at most 3 pieces). */
export function logicalLineAt(lines: readonly CleanLine[], i: number): LogicalLine {
  const first = lines[i]!;
  let text = first.text;
  let to = i;
  for (let k = 0; k < 2 && to + 1 < lines.length; k++) {
    const next = lines[to + 1]!;
    if (next.stream !== first.stream && next.stream !== null) break;
    const j = joinPair(text, next.text);
    if (j === null) break;
    text = j;
    to++;
  }
  return { text, from: i, to, origin: first.origin, originEnd: lines[to]!.originEnd };
}
