// The lock descriptor as print_lock() / print_lock_name() / __print_lock_name() print it, in
// every era: "[instance ](name){usage}[-{outer:inner}][, at: [<ip>] sym]".

export interface LockName {
  /** the class name as printed inside the parentheses, with #N and /N */
  name: string;
  /** usage characters without braces: "+.+." */
  usage: string | null;
  /** "3:3" (v5.7+) */
  waitType: string | null;
}

export interface LockLine extends LockName {
  /** the instance address (4.16+): "ffff88801ceeb110", "0000000097f06d5d", "(____ptrval____)" */
  instance: string | null;
  /** what follows ", at: " without the [<ip>] prefix: "evdev_write+0x1d3/0x760" */
  at: string | null;
  /** the [<ip>] of the at: part (≤ 4.15) */
  atAddress: string | null;
  /** the function the at: part names, without offset: "evdev_write" */
  atFunction: string | null;
  /** a symbolizer's "func file.h:45 [inline]" at: part (syzbot): an expansion, not what the kernel printed */
  atInline: boolean;
  /** a bare "func" with neither offset, file:line nor address: cut at the right edge ("team_port_change_che0") or hand-written */
  atBare?: boolean;
}

// Hex instance (8 or 16 digits; tolerate 9–15 from terminal cuts) or the early-boot placeholder.
const INSTANCE = /^([0-9a-f]{8,16}|\(____ptrval____\))\s+(?=\()/;
// Usage chars are [-+?.]; mail clients mangle some ("{-.-±}"), so take any non-brace run.
const USAGE_AT = /^\)\{([^{}\s]{3,8})\}(?:-\{(\d{1,2}):(\d{1,2})\})?/;

interface NameMatch extends LockName {
  /** index just past the usage (and wait type) */
  end: number;
}

/**
 * The class part "(name){usage}[-{o:i}]" starting at text[open] === '('. The name runs to the LAST
 * "){usage}" before `limit`: names hold parentheses, spaces, '+', ':' and '/'
 * ("(work_completion)(&(&wb->dwork)->work)", "af_callback_keys + sk->sk_family#2").
 */
function matchNameAt(text: string, open: number, limit = text.length): NameMatch | null {
  let close = text.lastIndexOf('){', limit - 1);
  while (close > open) {
    const m = USAGE_AT.exec(text.slice(close, close + 24));
    if (m) {
      return {
        name: text.slice(open + 1, close),
        usage: m[1]!,
        waitType: m[2] !== undefined ? `${m[2]}:${m[3]}` : null,
        end: close + m[0].length,
      };
    }
    close = text.lastIndexOf('){', close - 1);
  }
  return null;
}

const AT_ADDRESS = /^\[<([0-9a-f]+)>\]\s*/;
// 2.6.18-mm printed "[sym+dec/dec] sym+0xhex/0xhex": the bracket is a decimal duplicate.
const AT_DECIMAL_DUP = /^\[[A-Za-z_.$][\w.$]*\+\d+\/\d+\]\s*/;
const AT_FUNCTION = /^([A-Za-z_.$][\w.$]*)(\+0x[0-9a-f]+\/0x[0-9a-f]+)?(.*)$/;

export interface AtSite {
  at: string | null;
  atAddress: string | null;
  atFunction: string | null;
  atInline: boolean;
  atBare?: boolean;
}

/** The "at:" part of a lock line or a print_ip_sym line: "[<c029e364>] mutex_lock+0x19/0x20". */
// A re-flowing mailer glues the next sentence onto the at: site:
// "at: vfio_intx_handler+0x21/0xd0 [vfio_pci_core] but this lock took"
const GLUED_SENTENCE =
  /\s+(?:but this (?:lock|task|new)|but task is|and this task|which lock already|which would create)\b.*$/;

export function parseAtSite(raw: string): AtSite {
  let rest = raw.trim().replace(GLUED_SENTENCE, '');
  let atAddress: string | null = null;
  const a = AT_ADDRESS.exec(rest);
  if (a) {
    atAddress = a[1]!;
    rest = rest.slice(a[0].length);
  }
  const d = AT_DECIMAL_DUP.exec(rest);
  if (d && rest.length > d[0].length) rest = rest.slice(d[0].length);
  if (rest === '') return { at: null, atAddress, atFunction: null, atInline: false };
  const f = AT_FUNCTION.exec(rest);
  const atFunction = f ? f[1]! : null;
  const atInline = !!f && f[2] === undefined && /\[inline\]\s*$/.test(f[3]!);
  const atBare =
    !!f && f[2] === undefined && !atInline && atAddress === null && f[3]!.trim() === '';
  return { at: rest, atAddress, atFunction, atInline, ...(atBare ? { atBare } : {}) };
}

/** A print_lock() line: " #0: " prefix already removed. Null when the text is not one. */
export function parseLockLine(text: string): LockLine | null {
  const t = text.trim();
  let instance: string | null = null;
  let open = 0;
  const inst = INSTANCE.exec(t);
  if (inst) {
    instance = inst[1]!;
    open = inst[0].length;
  }
  if (t[open] !== '(') return null;
  const atIdx = t.lastIndexOf(', at:');
  // The name ends before ", at:" when there is one (a symbol never holds "){").
  const nm = matchNameAt(t, open, atIdx > open ? atIdx + 1 : t.length);
  if (!nm) return null;
  const tail = t.slice(nm.end);
  let site: AtSite = { at: null, atAddress: null, atFunction: null, atInline: false };
  const at = /^\s*,\s*at:\s*(.*)$/.exec(tail);
  if (at) site = parseAtSite(at[1]!);
  return { instance, name: nm.name, usage: nm.usage, waitType: nm.waitType, ...site };
}

/**
 * A class printed without instance or at: " (name){usage}-{o:i}" followed by `rest`:
 * ":" for chain entries, " {" for class headers, "" for the safe/unsafe lines.
 */
export function parseClassName(text: string): (LockName & { rest: string }) | null {
  const t = text.trim();
  if (t[0] !== '(') return null;
  const nm = matchNameAt(t, 0);
  if (!nm) return null;
  return { name: nm.name, usage: nm.usage, waitType: nm.waitType, rest: t.slice(nm.end).trim() };
}

/** "(prev){..}-{..} -> (next){..}-{..}" (which would create a new lock dependency). */
export function parseNewDependency(text: string): { prev: LockName; next: LockName } | null {
  const t = text.trim();
  let from = t.indexOf('} -> (');
  while (from >= 0) {
    const prev = parseClassName(t.slice(0, from + 1));
    const next = parseClassName(t.slice(from + 5));
    if (prev && prev.rest === '' && next) return { prev, next };
    from = t.indexOf('} -> (', from + 1);
  }
  return null;
}
