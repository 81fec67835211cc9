// The lock lines of witness_checkorder() (" 1st %p %s (%s, %s) @ %s:%d") and of
// witness_list_lock() ("exclusive sleep mutex NAME (TYPE) r = 0 (0x…) locked @ file:line").

/** lc_name of every lock class FreeBSD and OpenBSD print, longest first for the alternations. */
export const LOCK_CLASSES = [
  'sleepable rm',
  'sleep mutex',
  'spin mutex',
  'kernel_lock',
  'lockmgr',
  'rrwlock',
  'rwlock',
  'mutex',
  'sx',
  'rw',
  'rm',
] as const;

const CLASS_ALT = LOCK_CLASSES.join('|');

export interface OrderLock {
  ordinal: '1st' | '2nd' | '3rd';
  /** the lock's address as printed ("0xfffff800061c4d80"), null in the duplicate-lock form */
  address: string | null;
  /** lo_name: the instance */
  name: string;
  /** w_name: the witness type, the node of the order graph (= name when not printed) */
  type: string;
  /** lc_name when printed (13.0 and later) */
  lockClass: string | null;
  file: string | null;
  line: number | null;
}

// " 1st 0xc165bdec inp (tcpinp) @ /usr/src/sys/netinet/tcp_syncache.c:1161"; the leading space
// is often lost, and 32-bit kernels print %p without 0x in a few ports.
const ORDER_LOCK = /^\s*(1st|2nd|3rd)\s+(0x[0-9a-fA-F]+|[0-9a-fA-F]{8,16})\s+(\S.*)$/;
// The duplicate-lock form prints no address: " 1st vnode interlock @ /usr/src/sys/kern/vfs_subr.c:2345"
const ORDER_LOCK_NO_ADDRESS = /^\s*(1st|2nd|3rd)\s+(\S.*)$/;
// "@ /usr/src/…:1200", and in 5.x panics "@/usr/src/…" without the space
// "(vm map (user), sx)": 13.0 and later print the class after the type
const TYPE_AND_CLASS = new RegExp(`^(.*), (${CLASS_ALT})$`);
const AT_FILE_LINE = /\s*@\s*(\S+):(\d+)\s*$/;

/** No lock line is this long; longer lines are skipped so that no regex here goes quadratic. */
export const MAX_LINE = 2000;

/** A 1st/2nd/3rd line of a lock order reversal, or null. */
export function parseOrderLockLine(text: string): OrderLock | null {
  if (text.length > MAX_LINE) return null;
  const m = ORDER_LOCK.exec(text);
  if (!m) return null;
  const ordinal = m[1] as OrderLock['ordinal'];
  return { ordinal, address: m[2]!, ...parseNameTypeClass(m[3]!) };
}

/** A 1st/2nd line of "acquiring duplicate lock of same type": no address, no type. */
export function parseDuplicateLockLine(text: string): OrderLock | null {
  if (text.length > MAX_LINE) return null;
  if (ORDER_LOCK.test(text)) return parseOrderLockLine(text);
  const m = ORDER_LOCK_NO_ADDRESS.exec(text);
  if (!m) return null;
  const { rest, file, line } = splitFileLine(m[2]!);
  const name = rest.trim();
  if (name === '') return null;
  return {
    ordinal: m[1] as OrderLock['ordinal'],
    address: null,
    name,
    type: name,
    lockClass: null,
    file,
    line,
  };
}

function splitFileLine(text: string): { rest: string; file: string | null; line: number | null } {
  const at = AT_FILE_LINE.exec(text);
  if (!at) return { rest: text.trimEnd(), file: null, line: null };
  return { rest: text.slice(0, at.index), file: at[1]!, line: Number(at[2]) };
}

/** "NAME (TYPE, CLASS) @ file:line", "NAME (TYPE) @ file:line" or "NAME (TYPE)" (OpenBSD). */
export function parseNameTypeClass(
  text: string,
): Pick<OrderLock, 'name' | 'type' | 'lockClass' | 'file' | 'line'> {
  const { rest, file, line } = splitFileLine(text);
  const split = splitTrailingGroup(rest);
  if (!split) return { name: rest.trim(), type: rest.trim(), lockClass: null, file, line };
  const cls = TYPE_AND_CLASS.exec(split.inner);
  if (cls) return { name: split.name, type: cls[1]!, lockClass: cls[2]!, file, line };
  return { name: split.name, type: split.inner, lockClass: null, file, line };
}

/**
 * Splits "NAME (INNER)" where both may hold parentheses ("vm map (user) (vm map (user), sx)").
 * Usually the type equals the name, which fixes the split by length alone and also copes with
 * unbalanced names; otherwise the group that closes at the end of the line is the type.
 */
export function splitTrailingGroup(text: string): { name: string; inner: string } | null {
  const s = text.trim();
  if (!s.endsWith(')')) return null;
  // NAME == TYPE: s is NAME + " (" + NAME + [", " + CLASS] + ")"
  for (const suffix of ['', ...LOCK_CLASSES.map((c) => `, ${c}`)]) {
    const twice = s.length - 3 - suffix.length;
    if (twice <= 0 || twice % 2 !== 0) continue;
    const n = twice / 2;
    if (s.slice(n, n + 2) !== ' (' || !s.endsWith(suffix + ')')) continue;
    const name = s.slice(0, n);
    if (s.slice(n + 2, n + 2 + n) === name) return { name, inner: s.slice(n + 2, -1) };
  }
  // otherwise the "(" matching the final ")"
  let depth = 0;
  for (let i = s.length - 1; i > 0; i--) {
    const c = s.charCodeAt(i);
    if (c === 41 /* ) */) depth++;
    else if (c === 40 /* ( */ && --depth === 0) {
      if (s.charCodeAt(i - 1) !== 32 /* space */) return null;
      const name = s.slice(0, i - 1).trimEnd();
      return name === '' ? null : { name, inner: s.slice(i + 1, -1) };
    }
  }
  return null;
}

export interface ListedLock {
  exclusive: boolean;
  lockClass: string;
  name: string;
  /** the witness type when printed in parentheses (FreeBSD), else null (OpenBSD prints none) */
  type: string | null;
  recursion: number;
  address: string;
  file: string | null;
  line: number | null;
}

// witness_list_lock(): "exclusive sleep mutex xDMA (xDMA) r = 0 (0xffffffff8421e530) locked @ …:86";
// OpenBSD 6.4+: "exclusive rrwlock inode r = 0 (0xfffffd8068b43e68)" (no type, no place)
const LISTED_LOCK = new RegExp(
  `^\\s*(exclusive|shared) (${CLASS_ALT}) (\\S.*?) r = (\\d+) \\((0x[0-9a-fA-F]+)\\)(?: locked @ (\\S+):(\\d+))?\\s*$`,
);

export function parseListedLockLine(text: string): ListedLock | null {
  if (text.length > MAX_LINE) return null;
  const m = LISTED_LOCK.exec(text);
  if (!m) return null;
  const named = m[3]!;
  const split = splitTrailingGroup(named);
  return {
    exclusive: m[1] === 'exclusive',
    lockClass: m[2]!,
    name: split ? split.name : named,
    type: split ? split.inner : null,
    recursion: Number(m[4]),
    address: m[5]!,
    file: m[6] ?? null,
    line: m[7] !== undefined ? Number(m[7]) : null,
  };
}
