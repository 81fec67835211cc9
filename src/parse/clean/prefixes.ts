// What consoles, loggers and mailers put in front of each printed line, read left to right:
// e-mail quotes, then weak block markers, then logger prefixes (level, timestamp, caller id,
// syslog date and host, "kernel:").

/** Markers that only count as a prefix when a run of lines carries them (see weak-quotes.ts). */
export type WeakKind = '|' | '%' | '*' | '+' | '[n]';

export interface QuoteScan {
  /** e-mail quote levels (">" characters) */
  depth: number;
  /** index just past the quotes and the one space after them */
  end: number;
  /** that one space was there (and taken) */
  gap: boolean;
  weak: WeakKind | null;
  /** length of the weak marker without a following space */
  weakLen: number;
  /** the weak marker is followed by a space */
  weakSpace: boolean;
}

/**
 * "> > > text", ">>text", " > text" (Thunderbird's leading space), then a candidate weak marker.
 * The one space after the last ">" is taken unless the mailer quotes without one (`tight`).
 */
export function scanQuotes(text: string, tight = false, from = 0): QuoteScan {
  let i = from;
  let depth = 0;
  let gap = false;
  // up to 8 columns of indentation before the quote: a mail quoted in a commit message
  let lead = from;
  if (text.charCodeAt(lead) === 9) lead++;
  else while (lead < from + 8 && text.charCodeAt(lead) === 32) lead++;
  if (text.charCodeAt(lead) === 62 /* > */) {
    i = lead;
    for (;;) {
      if (text.charCodeAt(i) === 62) {
        depth++;
        i++;
      } else if (text.charCodeAt(i) === 32 && text.charCodeAt(i + 1) === 62) i++;
      else break;
    }
    if (!tight && text.charCodeAt(i) === 32) {
      i++;
      gap = true;
    }
  }
  const w = scanWeak(text, i);
  // most lines carry neither quote nor marker: one shared answer instead of an object per line
  // (the scans of a whole paste are kept until the prefixes are stripped)
  if (depth === 0 && i === 0 && w === NO_WEAK) return PLAIN_LINE;
  return { depth, end: i, gap, weak: w.weak, weakLen: w.weakLen, weakSpace: w.weakSpace };
}

interface WeakScan {
  weak: WeakKind | null;
  weakLen: number;
  weakSpace: boolean;
}

const NO_WEAK: WeakScan = Object.freeze({ weak: null, weakLen: 0, weakSpace: false });
const PLAIN_LINE: QuoteScan = Object.freeze({
  depth: 0,
  end: 0,
  gap: false,
  weak: null,
  weakLen: 0,
  weakSpace: false,
});

function scanWeak(text: string, i: number): WeakScan {
  const c = text.charCodeAt(i);
  const next = text.charCodeAt(i + 1);
  const none = NO_WEAK;
  // Diff-like quoting: "| (pools_lock){+.+.+.}, at: …" and "|[ INFO: possible circular …"
  if (c === 124 /* | */) return { weak: '|', weakLen: 1, weakSpace: next === 32 };
  // FreeBSD list quoting: "%  1st 0xc165bdec inp (tcpinp) @ …"
  if (c === 37 /* % */) return { weak: '%', weakLen: 1, weakSpace: next === 32 };
  // Pasted from a diff: "+[   12.345678] WARNING: …" (not "+++ b/file")
  if (c === 43 /* + */ && next !== 43) return { weak: '+', weakLen: 1, weakSpace: false };
  // Inside a C comment: " *  lock(&a);" (but not " *** DEADLOCK ***")
  if (c === 32 && next === 42 /* * */) {
    const after = text.charCodeAt(i + 2);
    if (after === 32 || Number.isNaN(after))
      return { weak: '*', weakLen: 2, weakSpace: after === 32 };
    return none;
  }
  if (c === 42 && (next === 32 || Number.isNaN(next)))
    return { weak: '*', weakLen: 1, weakSpace: next === 32 };
  // FreeBSD msgbuf timestamps: "[318] lock order reversal: …"
  if (c === 91 /* [ */) {
    const m = MSGBUF.exec(text.slice(i, i + 14));
    if (m)
      return {
        weak: '[n]',
        weakLen: m[0].length,
        weakSpace: text.charCodeAt(i + m[0].length) === 32,
      };
  }
  return none;
}

const MSGBUF = /^\[\d{1,9}\]/;

export interface LoggerScan {
  /** index where the printed text starts */
  end: number;
  /** a logger prefix (timestamp, level, syslog, journal) was found */
  prefixed: boolean;
  /** printk caller id ("T1145", "C3") */
  stream: string | null;
  /** columns the prefix takes including its one space, even when a mailer trimmed that space */
  width: number;
}

// dmesg "[ 1802.499647] ", "[17179587.988810] ", caller ids "[  414.269022][T17509] ",
// "[    0.000000][    C0] ", "/dev/kmsg" "<4>[   12.345600] ", i915 CI "<4> [1802.499647] "
// (test() then the caller id on its own: exec()'s match array per line was a tenth of the garbage)
const TIMESTAMP = /(?:<\d{1,3}> ?)?\[ {0,12}\d{1,10}\.\d{1,9}\]/y;
const CALLER_ID = /\[ {0,8}([TC]\d{1,9})\]/y;
// "dmesg -r" without timestamps: "<4>WARNING: possible circular locking dependency detected"
const LEVEL = /<\d{1,3}>/y;
// syslog "Jul 10 16:12:52 host kernel: ", rsyslog RFC 3339 "2020-06-22T15:46:56.123+02:00 host kernel: "
const SYSLOG =
  /(?:[A-Z][a-z]{2} {1,2}\d{1,2} \d\d:\d\d:\d\d(?:\.\d{1,9})?|\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d{1,9})?(?:Z|[+-]\d\d:?\d\d)?) [^\s]{1,64} kernel:(?= |$)/y;
// journalctl -o short-monotonic: "[    7.886892] fmac.local kernel: " (the host after the timestamp)
const HOST_KERNEL = /[^\s[\]]{1,64} kernel:(?= |$)/y;
// authors who strip the date and host: "kernel: ======…"
const KERNEL = /kernel:(?= |$)/y;
// Valgrind's pid column: "==19820== Thread #27: …", "--19820-- …"
const VALGRIND = /(?:==\d{1,9}==|--\d{1,9}--)(?= |$)/y;

export function scanLogger(text: string, from: number): LoggerScan {
  let pos = from;
  let prefixed = false;
  let stream: string | null = null;
  let spaceTaken = true;
  for (let round = 0; round < 8; round++) {
    let at = pos;
    while (at < text.length && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) at++;
    let end = -1;
    // cheap first-character dispatch: most lines have one timestamp and then the message
    const c = text.charCodeAt(at);
    if (c === 91 /* [ */ || c === 60 /* < */) {
      TIMESTAMP.lastIndex = at;
      if (TIMESTAMP.test(text)) {
        end = TIMESTAMP.lastIndex;
        if (text.charCodeAt(end) === 91 /* [ */) {
          CALLER_ID.lastIndex = end;
          const id = CALLER_ID.exec(text);
          if (id) {
            end = CALLER_ID.lastIndex;
            stream = id[1]!;
          }
        }
      } else if (c === 60 && stickyEnd(LEVEL, text, at) >= 0) end = LEVEL.lastIndex;
    } else if (c === 107 /* k */) {
      if (stickyEnd(KERNEL, text, at) >= 0) end = KERNEL.lastIndex;
    } else if (c === 61 /* = */ || c === 45 /* - */) {
      if (stickyEnd(VALGRIND, text, at) >= 0) end = VALGRIND.lastIndex;
    } else if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) {
      if (stickyEnd(SYSLOG, text, at) >= 0) end = SYSLOG.lastIndex;
    }
    if (end < 0 && prefixed && at === pos) {
      // the host is at most 64 characters: search backwards from there, not along the whole line
      const k = text.lastIndexOf(' kernel:', at + 64);
      if (k > at && stickyEnd(HOST_KERNEL, text, at) >= 0) end = HOST_KERNEL.lastIndex;
    }
    if (end < 0) break;
    prefixed = true;
    pos = end;
    spaceTaken = text.charCodeAt(pos) === 32;
    if (spaceTaken) pos++;
  }
  return { end: pos, prefixed, stream, width: prefixed && !spaceTaken ? pos + 1 : pos };
}

function stickyEnd(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

/**
 * Where a kernel timestamp begins inside the text (after `from`): a splat glued to a userspace
 * line ("Delete files in sequential order...[  162.282301] …") or a log flattened onto one line
 * (" <4> [1802.499649] WARNING: … <4> [1802.499652] 4.19.0-CI-…"). Needs the 6-digit fraction.
 */
const MID_TIMESTAMP = /(?:<\d{1,3}> ?)?\[ {0,12}\d{1,10}\.\d{6}\](?:\[ {0,8}[TC]\d{1,9}\])?/g;

export function findMidTimestamp(text: string, from: number): number {
  if (text.indexOf('[', from) < 0) return -1;
  MID_TIMESTAMP.lastIndex = from;
  const m = MID_TIMESTAMP.exec(text);
  return m ? m.index : -1;
}
