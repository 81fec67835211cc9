// The header and section lines subr_witness.c (FreeBSD, OpenBSD) and the panic/DDB path print.
import { LOCK_CLASSES } from './lock-line';

const CLASS_ALT = LOCK_CLASSES.join('|');

// "lock order reversal:", "lock order reversal: (sleepable after non-sleepable)",
// "witness: lock order reversal:" (OpenBSD), "lock order reversal" (5.0, no colon)
// …and the same header at the end of a line something was glued in front of
// ("SOURCE: https://syzkaller.appspot.com/text?…x=10c01a4a700000 witness: lock order reversal:")
export const LOR_HEADER_AT_END =
  /\s(witness: )?lock order reversal:\s*(?:\((sleepable|Giant) after non-sleepable\))?\s*$/;
export const LOR_HEADER =
  /^\s*(witness: )?lock order reversal(:)?\s*(?:\((sleepable|Giant) after non-sleepable\))?\s*$/;
// "lock order ufs -> vm map (user) established at:" (13.0+)
// A whitespace-collapsed paste keeps the first frame on the header line: "… established at: #0 0x… at f+0x1"
export const ORDER_STACK_HEADER =
  /^\s*lock order (.+?) (established|attempted) at:(?:\s+(\S.*?))?\s*$/;
// OpenBSD: lock order "&ip->i_lock"(rrwlock) -> "&map->lock"(rwlock) first seen at:
export const FIRST_SEEN_HEADER =
  /^\s*lock order "(.*)"\(([^()"]*)\) -> "(.*)"\(([^()"]*)\) first seen at:(?:\s+(\S.*?))?\s*$/;
// OpenBSD: "lock order data w2 -> w1 missing"; later "lock order data 0x… -> 0x… is missing"
export const ORDER_DATA_MISSING = /^\s*lock order data (\S+) -> (\S+) (?:is )?missing\s*$/;
// OpenBSD witness_print_cycle_edge: "lock order [1] vmmaplk (&map->lock) -> [2] inode (&ip->i_lock)"
export const CYCLE_EDGE = /^\s*lock order \[(\d+)\] (.+) -> \[(\d+)\] (.+)$/;
export const INCOMPLETE_PATH = /^\s*witness: incomplete path, depth \d+\s*$/;
// 2026 (D54785): "All lock orders from so_rcv -> lle:" then chains '"so_rcv" -> "tcp" -> …'
export const ALL_ORDERS_HEADER = /^\s*All lock orders from (.+) -> (.+):\s*$/;
// witness_debugger / kdb_backtrace: "stack backtrace:", "KDB: stack backtrace:", 5.x "Stack backtrace:"
export const STACK_HEADER =
  /^\s*(?:KDB: )?[Ss]tack backtrace(?: of thread (\d+))?:(?:\s+(\S.*?))?\s*$/;

export const DUPLICATE_HEADER =
  /^\s*(?:witness: )?acquiring duplicate lock of same type: "(.*)"\s*$/;
// "panic: acquiring blockable sleep lock with spinlock or critical section held (sleep mutex)
// linux_wq_exec @ /usr/src/sys/compat/linuxkpi/common/src/linux_work.c:105"; ≤9.x and 5.x
// "panic: blockable sleep lock (sleep mutex) pf task mtx @/usr/src/sys/…:5828"; OpenBSD omits "@ …"
export const BLOCKABLE_SLEEP_LOCK = new RegExp(
  String.raw`^\s*(panic: )?(?:acquiring blockable sleep lock with spinlock or critical section held|blockable sleep lock) \((${CLASS_ALT})\) ([^@]+?)(?:\s*@\s*(\S+):(\d+)\b.*)?\s*$`,
);
// witness_warn: 'Sleeping on "vmwait" with the following non-sleepable locks held:',
// 'witness: userret: returning with the following locks held:' (OpenBSD)
export const WARN_HEADER =
  /^\s*(witness: )?(\S.*?) with the following (non-sleepable )?locks held:\s*$/;
// "Thread 0xfffff80003 exiting with the following locks held:" (witness_thread_exit)
export const THREAD_EXIT =
  /^\s*(?:witness: )?[Tt]hread (0x[0-9a-fA-F]+) exiting with the following locks held:\s*$/;
// 5.x witness_sleep: "/usr/src/sys/vm/uma_core.c:1234: could sleep with "process lock" locked from /usr/src/sys/kern/kern_proc.c:123"
export const COULD_SLEEP =
  /^\s*(\S+):(\d+): (could sleep|sleeping) with "(.*)" locked from (\S+):(\d+)\s*$/;
// turnstile: "Sleeping thread (tid 100409, pid 27858) owns a non-sleepable lock" (7.x lowercase);
// a truncated console may stop anywhere after "(tid 10053"
export const SLEEPING_THREAD =
  /^\s*[Ss]leeping thread \(tid (\d+)(?:, pid (\d+)\)(?: owns a non-sleepable lock)?)?\s*$/;

export const PANIC = /^\s*panic: (.*)$/;
export const CPUID = /^\s*cpuid = \d+\s*$/;
// "time = 1605048416 KDB:": the cleaner may leave "KDB:" glued to a long number when it
// re-splits a flattened panic (seed 000), and cut "stack backtrace:" off on its own
export const PANIC_TIME = /^\s*time = \d+(?: KDB:)?\s*$/;
// 5.x: 'Debugger("panic")' before the debugger's "Stopped at"
export const DEBUGGER_CALL = /^\s*Debugger\("[^"]*"\)\s*$/;
export const KDB_ENTER = /^\s*KDB: enter: (.*)$/;
export const THREAD_PID = /^\s*\[ thread pid (\d+) tid (\d+) \]\s*$/;
export const STOPPED_AT = /^\s*Stopped at\s+(.*)$/;
// DDB prompts: FreeBSD "db> bt", OpenBSD "ddb{0}> trace"
export const DDB_PROMPT = /^\s*(?:db|ddb(?:\{\d+\})?)>\s?(.*)$/;
// printed on two lines, which a cleaner may rejoin into one
export const OPENBSD_DDB_BLURB =
  /^\s*(?:https:\/\/www\.openbsd\.org\/ddb\.html describes the minimum info required in bug(?:\s+reports\.\s+Insufficient info makes it difficult to find and fix bugs\.)?|reports\.\s+Insufficient info makes it difficult to find and fix bugs\.)\s*$/;
// After a panic OpenBSD prints the running processes: "    TID    PID    UID     PRFLAGS     PFLAGS  CPU  COMMAND"
export const PROC_TABLE_HEADER = /^\s*(?:TID\s+PID|PID\s+TID)\s+\S.*COMMAND\s*$/;
export const PROC_TABLE_ROW = /^\s*(\*?)\s*(\d+)\s+(\d+)\s+.*\s(\S+)\s*$/;
// show alllocks: "Process 33591 (syz-executor.1) thread 0xffff80002123d260 (165534)"
export const ALLLOCKS_PROCESS = /^\s*Process (\d+) \((.*)\) thread (0x[0-9a-fA-F]+) \((\d+)\)\s*$/;

/**
 * Texts that begin a printed WITNESS/DDB line, for the cleaner (no ^, no flags): it matches them at
 * the start of a line and re-splits reports whitespace-collapsed onto one line. Kept specific so
 * that prose is not cut.
 */
export const WITNESS_LINE_STARTS: readonly RegExp[] = [
  /(?:witness: )?lock order reversal:/,
  /1st 0x[0-9a-fA-F]+ /,
  /2nd 0x[0-9a-fA-F]+ /,
  /3rd 0x[0-9a-fA-F]+ /,
  /lock order \S.{0,200}? (?:established|attempted) at:/,
  /All lock orders from \S.{0,200}? -> \S.{0,200}?:/,
  /#\d+ 0x[0-9a-fA-F]+ at /,
  /[A-Za-z_][\w.]*\(\) at /,
  // "KDB: stack backtrace:" is one line: never cut between "KDB:" and "stack"
  /KDB: stack backtrace:|(?<!KDB: )stack backtrace:/,
  /Stack backtrace:/,
  /acquiring duplicate lock of same type: /,
  /panic: /,
  /cpuid = \d+/,
  /time = \d+/,
  /--- (?:syscall|trap|interrupt)\b/,
  /KDB: enter: /,
  /\[ thread pid \d+ tid \d+ \]/,
  /Stopped at /,
  // DDB frames with arguments (i386, OpenBSD): "_mtx_lock_flags(c07cd240,0,c075e590,16c4,c07d70a0) at "
  /[A-Za-z_][\w.$]*\([^()]{1,300}\) at /,
  // kgdb: "#5  0xc05153b7 in panic (fmt=…) at …", "#0  doadump () at …"
  /#\d+ {1,2}(?:0x[0-9a-fA-F]+ in )?[A-Za-z_][\w.$]* \(/,
  /Tracing (?:pid|command) /,
  /(?:pc|sp) = 0x[0-9a-fA-F]+ {1,2}(?:lr|fp) = /,
  /end (?:of kernel|trace frame:)/,
  /Debugger\("/,
  /(?:db|ddb\{\d+\})> /,
  /Process \d+ \([^()]{0,80}\) thread 0x/,
  // witness_list_lock: "exclusive sleep mutex xDMA (xDMA) r = 0 (0x…) locked @ …"
  new RegExp(`(?:exclusive|shared) (?:${CLASS_ALT}) [^\\n]{1,200}? r = \\d+ \\(0x`),
  /(?:witness: )?[Tt]hread 0x[0-9a-fA-F]+ exiting with the following locks held:/,
  /[Ss]leeping thread \(tid \d+/,
  /(?:Sleeping|Waiting) on "[^"]{0,40}" with the following /,
  /\S+:\d+: (?:could sleep|sleeping) with "/,
  /"[^"]{1,100}" -> "/,
];

/** Line starts only OpenBSD's port prints. */
export const OPENBSD_LINE_STARTS: readonly RegExp[] = [
  /lock order "[^"]{1,200}"\([^()]{0,40}\) -> "[^"]{1,200}"\([^()]{0,40}\) first seen at:/,
  /lock order data \S+ -> \S+ (?:is )?missing/,
  /lock order \[\d+\] /,
  /#\d+ {1,2}[A-Za-z_][\w.]*\+0x[0-9a-fA-F]+/,
];
