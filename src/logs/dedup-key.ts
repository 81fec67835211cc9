// The dedup key of a report: what makes two reports in a log "the same bug" for a triager. The same
// deadlock reached from different functions gets different syzbot titles ("possible deadlock in
// f" vs "… in g") but names the same lock classes, so the key is built from the classes, not the
// title. docs/logs-and-exports.md explains each rule.
import type { Format, Report, ReportKind } from '../model/types';

export interface DedupKey {
  /** the key as one line: "cycle: &buf->lock | &o_tty->termios_rwsem/1" */
  text: string;
  /** what the key is made of: the lock cycle, a kind's principal classes, or a function/title */
  basis: 'cycle' | 'classes' | 'function' | 'title';
  /** the kind family: "cycle" for every report with a cycle, else the report kind */
  family: 'cycle' | ReportKind;
  /** the normalised class names (sorted), or the function/title the key falls back to */
  parts: string[];
  /** an extra word that splits a kind: the irq state of an inconsistent lock state ("SOFTIRQ") */
  qualifier: string | null;
}

const SEPARATOR = ' | ';

// Formats whose lock names are run-local ids or addresses (TSan "M12", Helgrind "0x5703A80",
// Abseil mutex ids): two runs give the same lock another name, so the names cannot key a bug.
const RUN_LOCAL_NAMES: ReadonlySet<Format> = new Set<Format>(['tsan', 'helgrind', 'abseil']);

/**
 * A lock name as it would be printed for the same lock on another boot.
 * - lockdep's `#N` (the class's name_version: the order in which keys with the same name were
 *   registered, e.g. one per filesystem type in "&sb->s_type->i_mutex_key#5") changes with module
 *   load order and config, so it is dropped; the `/N` subclass is an annotation in the code and stays.
 * - hexadecimal addresses ("<0x000000076ab62208> (a java.lang.Object)") differ on every run.
 * - runs of white space (re-wrapped pastes) become one space.
 */
export function normaliseClassName(name: string, format: Format): string {
  let out = name.replace(/\s+/g, ' ').trim();
  if (format === 'linux-lockdep' || format === 'lockscope-trace' || format === 'proc-lockdep') {
    out = out.replace(/#\d{1,9}(?=(\/\d{1,9})?$)/, '');
  }
  out = out.replace(/<?\b0x[0-9a-fA-F]{4,32}\b>?/g, '<addr>');
  return out;
}

/** The function a syzbot-style title names: "possible deadlock in foo" -> "foo"; null when none. */
export function titleFunction(title: string): string | null {
  // C++ and Go names too: "zmq::ctx_t::create_socket", "bttest.(*table).gc", "f<10108u>"
  const m = / in (\S{1,300})$/.exec(title.trim());
  if (!m || m[1] === 'corrupted') return null;
  return m[1]!;
}

export function dedupKey(report: Report): DedupKey {
  const norm = (names: readonly string[]) =>
    [...new Set(names.map((n) => normaliseClassName(n, report.format)))].sort(compareNames);
  const runLocal = RUN_LOCAL_NAMES.has(report.format);

  if (report.cycle && report.cycle.length > 0 && !runLocal) {
    // The set of classes: every rotation of a cycle, and the same locks reached from any function,
    // give one key. Two different orders over the same three or more classes are the same locks to
    // look at, so they group too.
    return make('cycle', 'cycle', norm(report.cycle), null);
  }
  const principal = runLocal || NO_PRINCIPAL.has(report.kind) ? [] : principalClasses(report);
  const names = norm(principal);
  // a lock known only by its address (go-deadlock's timeouts: "lock 0xc820160440") is run-local
  if (names.length > 0 && !names.every((n) => n === '<addr>')) {
    return make(report.kind, 'classes', names, qualifierOf(report));
  }
  const fn = BY_TITLE.has(report.kind) ? null : titleFunction(report.title);
  const source = rcuSourceFile(report);
  if (fn) return make(report.kind, 'function', [fn], source);
  return make(report.kind, 'title', [report.title.replace(/\s+/g, ' ').trim()], source);
}

// Reports about no lock of their own: the locks they list are whatever the task held (RCU), or
// none. Their message is in the title ("trying to register non-static key in f" and "locking bug
// in f" are different bugs), so BY_TITLE kinds key on the whole title.
const NO_PRINCIPAL: ReadonlySet<ReportKind> = new Set<ReportKind>([
  'suspicious-rcu-usage',
  'locking-bug',
  'show-all-locks',
  'lock-graph',
]);
const BY_TITLE: ReadonlySet<ReportKind> = new Set<ReportKind>([
  'locking-bug',
  'show-all-locks',
  'lock-graph',
  'witness-other',
]);

/** Suspicious RCU usage names its rcu_dereference site: "./include/linux/rcupdate.h:302" -> the file. */
function rcuSourceFile(report: Report): string | null {
  const source = report.kind === 'suspicious-rcu-usage' ? report.details?.rcuSource : undefined;
  if (!source) return null;
  // The line moves from one kernel version to the next. The build tree's prefix
  // ("/usr/src/kernel/") is kept: within one log it is the same builder's.
  return source
    .trim()
    .replace(/:\d{1,7}$/, '')
    .replace(/^\.\//, '');
}

function make(
  family: DedupKey['family'],
  basis: DedupKey['basis'],
  parts: string[],
  qualifier: string | null,
): DedupKey {
  const what = basis === 'function' ? `in ${parts[0]}` : parts.join(SEPARATOR);
  const text = `${family}: ${what}${qualifier ? ` (${qualifier})` : ''}`;
  return { text, basis, family, parts, qualifier };
}

/** Byte order, not locale order: the key must be the same on every machine. */
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The classes a report is about, without the bystanders: the held-locks list names whatever the
 * task happened to hold on its way (it differs from one call path to the next), so a class that
 * appears only there is left out, unless nothing else is named (then the held locks are the point:
 * "still has locks held", "lock held when returning to user space").
 */
export function principalClasses(report: Report): string[] {
  const d = report.details ?? {};
  if (d.safeLock && d.unsafeLock) return [d.safeLock, d.unsafeLock];
  if (report.kind === 'bad-unlock-balance' && d.lockMapName) return [d.lockMapName];
  if (report.kind === 'held-lock-freed') {
    const freed = freedLocks(report);
    if (freed.length > 0) return freed;
  }
  const held = new Set((report.heldLocks ?? []).map((h) => h.class));
  const named = report.classes.map((c) => c.name);
  const own = named.filter((n) => !held.has(n));
  if (own.length > 0) {
    // inconsistent lock state and invalid wait context are about one class: the first one named
    if (report.kind === 'inconsistent-lock-state' || report.kind === 'invalid-wait-context')
      return [own[0]!];
    return own;
  }
  return named.length > 0 ? named : [...held];
}

/** "held lock freed": the held locks whose address is inside the freed range. */
function freedLocks(report: Report): string[] {
  // freedRange: "ffff88823bdf8000-ffff88823bdf81ff"
  const m = /^(?:0x)?([0-9a-f]{1,16})-(?:0x)?([0-9a-f]{1,16})$/i.exec(
    report.details?.freedRange ?? '',
  );
  if (!m) return [];
  const lo = BigInt(`0x${m[1]}`);
  const hi = BigInt(`0x${m[2]}`);
  const out: string[] = [];
  for (const h of report.heldLocks ?? []) {
    const a = /^(?:0x)?([0-9a-f]{1,16})$/i.exec(h.address ?? '');
    if (!a) continue;
    const at = BigInt(`0x${a[1]}`);
    if (at >= lo && at <= hi) out.push(h.class);
  }
  return out;
}

/**
 * Inconsistent lock state "{SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W}" and the reverse are one bug (which
 * came first is chance), but a softirq and a hardirq inconsistency on one lock need different fixes.
 */
function qualifierOf(report: Report): string | null {
  const d = report.details ?? {};
  const text = report.kind === 'inconsistent-lock-state' ? d.usageChange : d.irqClass;
  if (!text) return null;
  const m = /(HARDIRQ|SOFTIRQ|RECLAIM_FS)/i.exec(text);
  return m ? m[1]!.toUpperCase() : null;
}
