// The report model: the vocabulary every parser produces and every view consumes.
// Its JSON form is the contract in ../shared/design/report-json.md (schema lockscope.report/v1):
// fields may be added, never renamed or removed. Optional fields below are such additions.

export const SCHEMA = 'lockscope.report/v1' as const;

export type Format =
  | 'linux-lockdep'
  | 'freebsd-witness'
  | 'openbsd-witness'
  | 'tsan'
  | 'helgrind'
  | 'java'
  | 'go-deadlock'
  | 'abseil'
  | 'bitcoin'
  | 'lockscope-trace'
  | 'proc-lockdep'
  | 'witness-graph';

export type LockdepKind =
  | 'circular-dependency'
  | 'recursive-locking'
  | 'inconsistent-lock-state'
  | 'irq-lock-inversion'
  | 'safe-to-unsafe'
  | 'bad-unlock-balance'
  | 'held-lock-freed'
  | 'lock-held-returning-to-user'
  | 'still-has-locks'
  | 'nested-lock-not-taken'
  | 'invalid-wait-context'
  | 'suspicious-rcu-usage'
  | 'show-all-locks'
  | 'locking-bug';

export type WitnessKind =
  | 'lock-order-reversal'
  | 'sleep-lock-in-critical-section'
  | 'sleeping-with-nonsleepable-locks'
  | 'duplicate-lock'
  | 'witness-other';

export type ReportKind =
  | LockdepKind
  | WitnessKind
  | 'lock-order-inversion'
  | 'lock-order-violated'
  | 'java-deadlock'
  | 'inconsistent-locking'
  | 'lock-timeout'
  | 'potential-mutex-deadlock'
  | 'potential-deadlock'
  | 'lock-graph';

export interface ParseOutput {
  schema: typeof SCHEMA;
  /** every report found, in input order */
  reports: Report[];
  /** why something was not a report, what was skipped, what was guessed */
  diagnostics: Diagnostic[];
}

export interface LineRange {
  /** 1-based, inclusive, in the ORIGINAL input (before any cleaning) */
  start: number;
  end: number;
}

export interface Report {
  format: Format;
  kind: ReportKind;
  /** one line, syzbot style: "possible deadlock in i915_gem_userptr_init__mmu_notifier" */
  title: string;
  lines: LineRange;
  /** the report is visibly cut off */
  truncated: boolean;
  /** release exactly as printed: "4.14.0-rc1-CI-CI_DRM_3118+" */
  kernel: string | null;
  task: Task | null;
  /** every lock class the report names, each once */
  classes: LockClass[];
  /** the lock-order edges this report shows */
  dependencies: Dependency[];
  /** class names in taken-before order (report-json.md, "The cycle") */
  cycle: string[] | null;
  /** the report's own unsafe-scenario table, as printed */
  scenario: Scenario | null;
  /** null when the report has no held-locks section */
  heldLocks: HeldLock[] | null;
  /** the report's own backtrace; [] when none */
  trace: Frame[];

  // ---- additions to contract v1 ----
  /** the banner's title line as printed, e.g. "WARNING: possible circular locking dependency detected" */
  headline?: string;
  /** usage-string era used to decode `LockClass.usage` (see src/model/usage.ts) */
  usageEra?: UsageEra | null;
  /** per-report diagnostics: what is missing or was guessed, with original line numbers */
  diagnostics?: Diagnostic[];
  /** where each part of the report is in the original input (for highlighting and click-to-select) */
  spans?: Span[];
  /** kind-specific details that have no place in the common model, raw strings as printed */
  details?: Record<string, string>;
  /**
   * lock-graph reports (a whole-kernel dump): one cycle per strongly connected component, the
   * shortest through its first class, taken-before order; at most 100 (docs/lock-graph.md).
   * `cycle` is the first of them.
   */
  cycles?: string[][];
  /**
   * A real deadlock (Java "Found one Java-level deadlock:") can list threads that wait INTO the
   * cycle without being part of it ("tails": HotSpot prints the chain from where its walk began).
   * They are shown, blocked on a lock of the chain, but they are not in `cycle` and their waits
   * are not `dependencies`. Absent when the report lists none.
   */
  waiters?: Waiter[];
}

/** A thread blocked on a lock held by a thread of the cycle (or by another waiter), outside the cycle. */
export interface Waiter {
  /** the thread as the report names it: "DolphinScheduler connection adder" */
  thread: string;
  /** the lock it waits for (a lock name as in `classes`) */
  waitsFor: string;
  /** the thread holding that lock, when printed */
  heldBy: string | null;
  /** the locks it holds itself, when the report says (lock names) */
  holds: string[];
  /** its stack, when the report prints one */
  trace: Frame[];
}

export interface Task {
  comm: string;
  pid: number;
}

export interface LockClass {
  /** as printed inside the parentheses, with its #N and /N suffixes */
  name: string;
  /** the usage characters as printed, without braces: "+.+." */
  usage: string | null;
  /** "3:3" */
  waitType: string | null;

  // ---- additions to contract v1 ----
  /**
   * WITNESS only: the witness type (w_name / lt_name), the node WITNESS orders by, when the report
   * prints it: "tcpinp" for "inp (tcpinp, sleep mutex)", "&map->lock" for OpenBSD "vmmaplk (&map->lock)".
   * `name` stays the lock name before " (", as the contract says.
   */
  witnessType?: string;
  /** WITNESS only: the lock class (lc_name) when printed: "sleep mutex", "lockmgr", "sx", "rwlock" */
  lockKind?: string;
}

export interface Dependency {
  /** `next` was acquired while `prev` was held */
  prev: string;
  next: string;
  /** where that happened, when the report shows it */
  trace: Frame[];
  /** k of the "-> #k" entry whose trace this is */
  chainEntry: number | null;
  /** the acquisition that triggered the report */
  isNew: boolean;
  // ---- addition to contract v1 ----
  /**
   * Userspace reports: the thread (goroutine) that took `next` while holding `prev`, as the report
   * names it: "main thread", "thread T146" (TSan), "Thread #27" (Helgrind), "TaskLogInfo-5" (Java).
   */
  thread?: string;
}

export type ScenarioOp = 'lock' | 'rlock' | 'sync' | 'unlock' | 'irq-disable' | 'interrupt';

export interface ScenarioStep {
  cpu: number;
  op: ScenarioOp;
  class: string | null;
  inInterrupt: boolean;
}

export interface Scenario {
  /** ["CPU0", "CPU1"] */
  cpus: string[];
  steps: ScenarioStep[];
}

export interface HeldLock {
  index: number;
  class: string;
  address: string | null;
  at: string | null;
  // ---- addition to contract v1 ----
  /** the task holding it, when a report lists several tasks (lockdep "Showing all locks held in the system") */
  task?: Task;
  /** userspace reports: the thread holding it, as the report names it ("goroutine 240", "Worker-1") */
  thread?: string;
}

export interface Frame {
  function: string;
  /** "0x17/0x50" */
  offset: string | null;
  module: string | null;
  /** "? foo" frames */
  unreliable: boolean;
  file: string | null;
  line: number | null;
  address: string | null;
}

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  line: number | null;
  severity: Severity;
  message: string;
  /** what the diagnostic says, for programs (the message is for people); most have none */
  code?: DiagnosticCode;
}

/**
 * 'trace-clean': a lock trace was read and validated as lockdep would, and it found no problem
 * (the message gives the events, threads, classes and dependencies checked).
 */
export type DiagnosticCode = 'trace-clean';

/**
 * Usage-string eras: the same characters mean different things before and after 2.6.30
 * (lockdep_states.h), and RECLAIM_FS came and went (6 characters 2.6.30–4.13).
 */
export type UsageEra = 'pre-2.6.30' | 'reclaim-fs' | 'modern';

/** What a span of the original text describes; `ref` names the element (a class, a chain entry…). */
export interface Span {
  /** 1-based original line */
  line: number;
  role:
    | 'title'
    | 'kernel'
    | 'task'
    | 'lock'
    | 'chain-entry'
    | 'frame'
    | 'scenario'
    | 'held-lock'
    | 'chain-summary'
    | 'irq-stamp'
    | 'other';
  /** class name, or "prev -> next" for a dependency */
  ref: string | null;
}
