// Mailer hard-wrapping at ~72–80 columns puts a line's tail on the next line without the
// quote or timestamp prefix: "[ 6971.262149][T106447] ffff888023bfad00\n(team->team_lock_key#6)…",
// "[   28.557007] Pid: 684, comm: modprobe Not tainted\n3.1.0-0.rc0.git19.1.fc17.x86_64 #1".
import { isBlank, trimEndIndex } from '../blank';
import type { LineStarts } from './line-starts';
import type { RawLine } from './physical-lines';
import type { WorkLine } from './work-line';

const MIN_WRAP = 60;
const DEFAULT_WRAP = 72;
const MAX_WRAP = 100;

/**
 * The column a mailer wrapped at (at least 72), or null when the text does not look hard-wrapped
 * (more than a few lines longer than any mailer's width).
 */
export function detectWrapWidth(raw: readonly RawLine[]): number | null {
  let nonBlank = 0;
  let long = 0;
  let widest = 0;
  for (let i = 0; i < raw.length; i++) {
    const n = trimEndIndex(raw[i]!.text);
    if (n === 0) continue;
    nonBlank++;
    if (n > MAX_WRAP) long++;
    else if (n > widest) widest = n;
  }
  if (long > Math.max(1, nonBlank * 0.03)) return null;
  // Only short lines: nothing contradicts a mailer's usual 72 columns.
  return Math.max(widest, DEFAULT_WRAP);
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
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
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
  // a tail keeps its line's quote (wrapped, then quoted) or has none (quoted, then wrapped)
  if (line.prefixed || line.continuation || (line.quote > 0 && line.quote !== prev.quote))
    return false;
  const c = line.text.charCodeAt(0);
  if (Number.isNaN(c) || c === 32) return false;
  const { width } = ctx;
  const word = firstWordLength(line.text);
  const lostPrefix =
    (prev.inPrefixed && !line.inPrefixed) ||
    (prev.weak && !line.weak) ||
    (prev.dedent > 0 && line.dedent === 0);
  if (lostPrefix) {
    // wrapped right after the prefix: "[  530.120884][ T8811]\n=====…" (the word did not fit), or
    // anything after a journald prefix, whose own continuation lines are indented
    if (isBlank(prev.text)) {
      if (!prev.prefixed || width === null) return false;
      return ctx.indentsContinuations || prev.rawLength + 1 + word > width;
    }
    // No mailer wraps before column 60; the estimated width is not trusted further than that
    // (lines with nowhere to break run past it).
    const overflows = prev.rawLength + 1 + word > MIN_WRAP;
    if (ctx.starts.startsLine(line.text)) return overflows && endsCut(prev.text);
    // Mailers do not wrap greedily ("CPU: 1 PID: 642 Comm:\nsystemd-journal Not tainted …"),
    // so a line that lost its prefix is a tail even after a colon or a full stop.
    return overflows && (width !== null || !looksFinished(prev.text));
  }
  // A line that lost only the quote may be the writer's own answer: it must look cut.
  if (prev.quote > 0 && line.quote === 0) {
    if (isBlank(prev.text) || looksFinished(prev.text) || prev.rawLength + 1 + word <= MIN_WRAP)
      return false;
    return ctx.starts.startsLine(line.text) ? endsCut(prev.text) : true;
  }
  if (isBlank(prev.text) || looksFinished(prev.text)) return false;
  if (line.quote !== prev.quote || line.weak !== prev.weak || line.inPrefixed !== prev.inPrefixed)
    return false;
  // Without a prefix to go by: the next word did not fit, the line is not longer than the wrap
  // width ("SOURCE: …" headers and long log lines are not wrapped), and it was cut mid-way.
  if (width === null || prev.rawLength > width) return false;
  if (prev.rawLength + 1 + word <= width - SLACK) return false;
  // a console line of its own: "lsdemo0: firmware 2.1 loaded, 4 queues" after "…on pci0"
  if (DEVICE_PREFIX.test(line.text)) return false;
  if (endsCut(prev.text) || LONE_ADDRESS.test(line.text) || FILE_LINE.test(line.text)) return true;
  // a sentence cut mid-phrase: "(in\nreverse order) is:"
  return midPhrase(prev.text, line.text) && !ctx.starts.startsLine(line.text);
}

// "…locking\ndependency", "(in\nreverse", "locked from\n/usr/src/sys/netinet/tcp_usrreq.c:609",
// "(0xfffff80003b6c1a0)\nlocked @ …", "{0:0},\nat: process_one_work+0x235/0x620", "rbp =\n0x…",
// "section held\n(sleep mutex) igb0:tx(0) @ …": the line stops in the middle of a phrase. A line
// ending in an offset or a path ("at ip_input+0x5c0", "@ /usr/src/sys/kern/kern_sig.c:1812") is
// complete even when the next one, itself cut, no longer looks like a line start.
function midPhrase(prev: string, next: string): boolean {
  const t = prev.trimEnd();
  const last = t.slice(t.lastIndexOf(' ') + 1);
  if (/\+0x|\//.test(last) || !/[\w,)=]$/.test(last)) return false;
  const b = next.charCodeAt(0);
  // … or a C string: "file=0xc06c0a8e\n\"/usr/src/sys/contrib/pf/net/pf.c\", line=6015)"
  if ((b >= 97 && b <= 122) || (b >= 48 && b <= 57) || b === 47 || b === 34) return true;
  return b === 40 && /^[A-Za-z]+$/.test(last);
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

// A source position alone: "…at witness_checkorder+0xe08\nsys/kern/subr_witness.c:1085",
// "…pf task mtx\n@/usr/src/sys/contrib/pf/net/pf.c:6015"
const FILE_LINE = /^@?\/?[\w.-]+(?:\/[\w.-]+)+:\d+(?: |$)/;

// A frame's address alone: "db_trace_self_wrapper() at db_trace_self_wrapper+0x2b/frame\n0xfffffe0000232800"
const LONE_ADDRESS = /^0x[0-9a-f]{4,16}$/;

// Where lockdep lock lines get cut: after ", at:", after "[<c029e364>]", after an instance address.
// … after __warn()'s "WARNING: CPU: 0 PID: 6622 at kernel/locking/lockdep.c:3676" (its frame follows),
// after a chain entry's number, after WITNESS's "@" and " at", and after the "?" of an unreliable frame.
// The instance address is a word of its own with a hex letter in it: not a URL's "x=10c01a4a700000",
// not a decimal "time = 1605048416".
const CUT =
  /(?:, ?at:|\sat|>\]|(?:^|\s)(?=\d*[a-f])[0-9a-f]{8,16}|\(____ptrval____\)|-> #\d+|\s@|^ *\?)$/;

// A device driver's console prefix, name and unit: "lsdemo0: ", "em1: ", "ada0: ", "usb2: "
const DEVICE_PREFIX = /^[a-z][a-z_-]*\d+: /;

const WARN_AT = /^WARNING: CPU: \d+ PID: \d+ at \S+$/;

function endsCut(text: string): boolean {
  return CUT.test(text.slice(-40).trimEnd()) || WARN_AT.test(text.trimEnd());
}

function firstWordLength(text: string): number {
  const sp = text.indexOf(' ');
  return sp < 0 ? text.length : sp;
}
