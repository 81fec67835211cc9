// The fixed sentences that open each part of a lockdep report (the pr_warn() lines of
// print_circular_bug, print_bad_irq_dependency, print_usage_bug, lockdep_print_held_locks, …).
import type { Task } from '../../model/types';
import { trimEndIndex, trimStartIndex } from '../blank';
import { parseTaskRef } from './task';

export type SectionType =
  | 'acquire' // %s/%d is trying to acquire lock:
  | 'holding' // but task is already holding lock: / and this task is already holding:
  | 'new-dependency' // which would create a new lock dependency:
  | 'safe-lock' // but this new dependency connects a %s-irq-safe lock:
  | 'safe-trace' // ... which became %s-irq-safe at:
  | 'unsafe-lock' // to a %s-irq-unsafe lock:
  | 'unsafe-trace' // ... which became %s-irq-unsafe at:
  | 'already-depends' // which lock already depends on the new lock.
  | 'chain' // the existing dependency chain (in reverse order) is:
  | 'chain-entry' // -> #%u (name){..}:
  | 'other-info' // other info that might help us debug this:
  | 'chain-summary' // Chain exists of:
  | 'scenario' // Possible unsafe locking scenario:
  | 'deadlock' // *** DEADLOCK ***
  | 'nesting-note' // May be due to missing lock nesting notation
  | 'held' // %d locks held by %s/%d: / no locks held by %s/%d.
  | 'backtrace' // stack backtrace:
  | 'inconsistent-usage' // inconsistent {%s} -> {%s} usage.
  | 'takes' // %s/%d [HC..] takes:
  | 'usage-trace' // {%s} state was registered at:
  | 'irq-stamp' // irq event stamp: %u
  | 'changed' // %s/%d just changed the state of lock:
  | 'other-lock' // but this lock took another, %s-unsafe lock in the past:
  | 'inverse-note' // and interrupts could create inverse lock ordering between them.
  | 'dependency-path' // the shortest dependencies between …: / the dependencies between …:
  | 'dependency-tree' // 2.6.18: the first lock's dependencies: / the hard-irq-safe lock's dependencies:
  | 'release' // %s/%d is trying to release lock (%s) at:
  | 'no-more-locks' // but there are no more locks to release! / but there are no locks held!
  | 'contend' // %s/%d is trying to contend lock (%s) at:
  | 'freeing' // %s/%d is freeing memory %px-%px, with a lock still held there!
  | 'leaving' // %s/%d is leaving the kernel with locks still held!
  | 'exiting' // %s/%d is exiting with locks still held!
  | 'try-lock' // %s/%d is trying to lock:
  | 'not-holding' // but this task is not holding:
  | 'context' // context-{%d:%d}
  | 'rcu-state' // rcu_scheduler_active = %d, debug_locks = %d
  | 'show-all' // Showing all locks held in the system:
  | 'cmp-fn'; // and the lock comparison function returns %i:

export interface SectionHeader {
  type: SectionType;
  task?: Task | null;
  /** HARDIRQ, SOFTIRQ-READ, 2.6.18 "hard"… */
  irqClass?: string;
  /** type-specific raw text: usage names, the freed range, the released lock's name… */
  data?: string;
  /** a second raw value: the target usage of inconsistent {A} -> {B}, the irq flags */
  data2?: string;
  /** text printed on the header line after the sentence (a merged next line) */
  rest?: string;
}

type Rule = [RegExp, (m: RegExpExecArray) => SectionHeader];

const task = (s: string) => parseTaskRef(s);
const IRQ_FLAGS = String.raw`(\[HC\d+\[\d+\]:SC\d+\[\d+\]:HE\d+:SE\d+\])`;

const RULES: readonly Rule[] = [
  [/^(.+\/\d+) is trying to acquire lock:\s*$/, (m) => ({ type: 'acquire', task: task(m[1]!) })],
  [
    new RegExp(String.raw`^(.+\/\d+) ${IRQ_FLAGS} is trying to acquire:\s*$`),
    (m) => ({ type: 'acquire', task: task(m[1]!), data2: m[2]! }),
  ],
  [/^but task is already holding lock:\s*$/, () => ({ type: 'holding' })],
  [/^and this task is already holding:\s*$/, () => ({ type: 'holding' })],
  // 4.14 crossrelease only
  [
    /^but now in release context of a crosslock acquired at the following:\s*$/,
    () => ({ type: 'holding' }),
  ],
  [/^which would create a new lock dependency:\s*$/, () => ({ type: 'new-dependency' })],
  [
    /^but this new dependency connects a (\S+?)-irq-safe lock:\s*(.*)$/,
    (m) => ({ type: 'safe-lock', irqClass: m[1]!, rest: m[2]! }),
  ],
  [
    /^\.\.\. which became (\S+?)-irq-safe at:\s*(.*)$/,
    (m) => ({ type: 'safe-trace', irqClass: m[1]!, rest: m[2]! }),
  ],
  [
    /^to a (\S+?)-irq-unsafe lock:\s*(.*)$/,
    (m) => ({ type: 'unsafe-lock', irqClass: m[1]!, rest: m[2]! }),
  ],
  // When pr_cont is lost the first frame is glued on: "...  [<ffffffff810bda61>] __lock_acquire+…"
  [
    /^\.\.\. which became (\S+?)-irq-unsafe at:\s*(.*)$/,
    (m) => ({ type: 'unsafe-trace', irqClass: m[1]!, rest: m[2]! }),
  ],
  [/^which lock already depends on the new lock\.?\s*$/, () => ({ type: 'already-depends' })],
  [/^the existing dependency chain \(in reverse order\) is:\s*$/, () => ({ type: 'chain' })],
  [/^other info that might help us debug this:\s*$/, () => ({ type: 'other-info' })],
  [/^Chain exists of:\s*(.*)$/, (m) => ({ type: 'chain-summary', rest: m[1]! })],
  [
    /^Possible (?:interrupt )?unsafe locking scenario(?: by crosslock)?:\s*$/,
    () => ({ type: 'scenario' }),
  ],
  [/^\*\*\* DEADLOCK \*\*\*\s*$/, () => ({ type: 'deadlock' })],
  [/^May be due to missing lock nesting notation\s*$/, () => ({ type: 'nesting-note' })],
  [
    /^(\d+) locks? held by (.+\/\d+):?\s*$/,
    (m) => ({ type: 'held', task: task(m[2]!), data: m[1]! }),
  ],
  [/^no locks held by (.+\/\d+)\.?\s*$/, (m) => ({ type: 'held', task: task(m[1]!), data: '0' })],
  [/^stack backtrace:\s*$/, () => ({ type: 'backtrace' })],
  [
    /^inconsistent \{([^}]*)\} -> \{([^}]*)\} usage\.?\s*$/,
    (m) => ({ type: 'inconsistent-usage', data: m[1]!, data2: m[2]! }),
  ],
  [
    new RegExp(String.raw`^(.+\/\d+) ${IRQ_FLAGS} takes:\s*$`),
    (m) => ({ type: 'takes', task: task(m[1]!), data2: m[2]! }),
  ],
  [/^\{([^}]*)\} state was registered at:\s*$/, (m) => ({ type: 'usage-trace', data: m[1]! })],
  [/^irq event stamp:\s*(\d+)\s*$/, (m) => ({ type: 'irq-stamp', data: m[1]! })],
  [
    /^(.+\/\d+) just changed the state of lock:\s*$/,
    (m) => ({ type: 'changed', task: task(m[1]!) }),
  ],
  [
    // QP reflowing can merge the next line's class name onto this one.
    // a re-flowing mailer may leave "another," behind: "HARDIRQ-unsafe lock in the past: (fs_reclaim){…}"
    /^(?:but this lock took another,\s*)?(\S+?)-(?:irq-)?unsafe lock in the past:\s*(.*)$/,
    (m) => ({ type: 'other-lock', irqClass: m[1]!, data: 'forwards', rest: m[2]! }),
  ],
  [
    /^(?:but this lock was taken by another,\s*)?(\S+?)-(?:irq-)?safe lock in the past:\s*(.*)$/,
    (m) => ({ type: 'other-lock', irqClass: m[1]!, data: 'backwards', rest: m[2]! }),
  ],
  [
    /^and interrupts could create inverse lock ordering between them\.?\s*$/,
    () => ({ type: 'inverse-note' }),
  ],
  [
    /^the shortest dependencies between 2nd lock and 1st lock:\s*$/,
    () => ({ type: 'dependency-path', data: 'inversion' }),
  ],
  [
    /^the dependencies between (\S+?)-irq-safe lock and the holding lock:\s*$/,
    (m) => ({ type: 'dependency-path', data: 'safe-to-prev', irqClass: m[1]! }),
  ],
  [
    // two pr_warn()s; the second half may sit on its own line
    /^the dependencies between the lock to be acquired(?:\s+and (\S+?)-irq-unsafe lock:)?\s*$/,
    (m) => ({
      type: 'dependency-path',
      data: 'next-to-unsafe',
      ...(m[1] ? { irqClass: m[1] } : {}),
    }),
  ],
  [
    /^and (\S+?)-irq-unsafe lock:\s*$/,
    (m) => ({ type: 'dependency-path', data: 'next-to-unsafe', irqClass: m[1]! }),
  ],
  [
    /^the (first|second) lock's dependencies:\s*$/,
    (m) => ({ type: 'dependency-tree', data: m[1]! }),
  ],
  [
    /^the (\S+?)-irq-(safe|unsafe) lock's dependencies:\s*$/,
    (m) => ({ type: 'dependency-tree', data: m[2]!, irqClass: m[1]! }),
  ],
  [
    /^(.+\/\d+) is trying to release lock \((.*)\) at:\s*(.*)$/,
    (m) => ({ type: 'release', task: task(m[1]!), data: m[2]!, rest: m[3]! }),
  ],
  [
    /^but there are no (?:more )?locks (?:to release|held)!?\s*$/,
    () => ({ type: 'no-more-locks' }),
  ],
  [
    /^(.+\/\d+) is trying to contend lock \((.*)\) at:\s*(.*)$/,
    (m) => ({ type: 'contend', task: task(m[1]!), data: m[2]!, rest: m[3]! }),
  ],
  [
    /^(.+\/\d+) is freeing memory (\S+?-\S+?), with a lock still held there!?\s*$/,
    (m) => ({ type: 'freeing', task: task(m[1]!), data: m[2]! }),
  ],
  [
    /^(.+\/\d+) is leaving the kernel with locks still held!?\s*$/,
    (m) => ({ type: 'leaving', task: task(m[1]!) }),
  ],
  [
    /^(.+\/\d+) is exiting with locks still held!?\s*$/,
    (m) => ({ type: 'exiting', task: task(m[1]!) }),
  ],
  [/^(.+\/\d+) is trying to lock:\s*$/, (m) => ({ type: 'try-lock', task: task(m[1]!) })],
  [/^but this task is not holding:\s*(.*)$/, (m) => ({ type: 'not-holding', rest: m[1]! })],
  [/^context-\{(\d+):(\d+)\}\s*$/, (m) => ({ type: 'context', data: `${m[1]}:${m[2]}` })],
  [
    /^rcu_scheduler_active = (\d+), debug_locks = (\d+)\s*$/,
    (m) => ({ type: 'rcu-state', data: m[1]!, data2: m[2]! }),
  ],
  [/^Showing all locks held in the system:\s*$/, () => ({ type: 'show-all' })],
  [
    /^and the lock comparison function returns (-?\d+):\s*$/,
    (m) => ({ type: 'cmp-fn', data: m[1]! }),
  ],
];

// Cheap pre-filter: every header holds one of these words.
const KEYWORDS =
  /lock|held|hold|acquire|takes|depend|info|scenario|DEADLOCK|notation|backtrace|usage|state|stamp|became|irq-|interrupts|memory|kernel|exiting|context-|rcu_scheduler|Showing|comparison|Chain/;

interface CompiledRule {
  re: RegExp;
  make: (m: RegExpExecArray) => SectionHeader;
  /** text every match starts with, or holds somewhere: a test far cheaper than the regex */
  prefix: string;
  needle: string;
}

// Most lines of a report hold "lock" (frames: "lock_acquire+0xd3/0x2e0"), so every rule gets a
// literal test of its own before its regex: 45 regexes, ten of them scanning "(.+\/\d+) …"
// from the end, made each report line cost microseconds.
const COMPILED: readonly CompiledRule[] = RULES.map(([re, make]) => ({
  re,
  make,
  ...requiredLiterals(re.source),
}));

/**
 * The literal text a match must contain, read from a regex source: runs of plain characters
 * outside any group (a group may be optional or hold alternatives). `prefix` is the run right
 * after `^`, `needle` the longest run. Conservative: an escape or a special character ends a run.
 */
export function requiredLiterals(source: string): { prefix: string; needle: string } {
  const runs: { text: string; at: number }[] = [];
  let depth = 0;
  let run = '';
  let runAt = 0;
  const end = (optionalLast: boolean) => {
    const text = optionalLast ? run.slice(0, -1) : run;
    if (depth === 0 && text) runs.push({ text, at: runAt });
    run = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if ('?*+{'.includes(c)) {
      end(true);
      if (c === '{') while (i < source.length && source[i] !== '}') i++;
      runAt = i + 1;
      continue;
    }
    if ('\\()[]|^$.'.includes(c)) {
      end(false);
      if (c === '|' && depth === 0) return { prefix: '', needle: '' };
      if (c === '(') depth++;
      else if (c === ')') depth--;
      else if (c === '[')
        while (i < source.length && source[i] !== ']') i += source[i] === '\\' ? 2 : 1;
      else if (c === '\\') i++;
      runAt = i + 1;
      continue;
    }
    if (!run) runAt = i;
    run += c;
  }
  end(false);
  let needle = '';
  for (const r of runs) if (r.text.length > needle.length) needle = r.text;
  const first = runs[0];
  const prefix = source.startsWith('^') && first?.at === 1 ? first.text : '';
  return { prefix, needle };
}

// Which rules a line can match, decided by literals alone: a rule with a literal prefix only on
// lines starting with its first character; a rule with a needle (`(.+\/\d+) is trying to …`)
// only when the line holds one of the needles, all looked for at once by ANY_NEEDLE (ten times
// cheaper than 17 includes(): frame and lock lines hold none). Each list keeps RULES' order.
const NEEDLE_RULES = COMPILED.filter((r) => !r.prefix && r.needle);
const ANY_NEEDLE = new RegExp(
  NEEDLE_RULES.map((r) => r.needle.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'),
);

interface Candidates {
  /** lines that hold a needle */
  withNeedles: readonly CompiledRule[];
  /** lines that hold none */
  withoutNeedles: readonly CompiledRule[];
}

function candidates(c: number | null): Candidates {
  const fits = (r: CompiledRule) => (r.prefix ? r.prefix.charCodeAt(0) === c : true);
  return {
    withNeedles: COMPILED.filter(fits),
    withoutNeedles: COMPILED.filter((r) => fits(r) && (r.prefix !== '' || r.needle === '')),
  };
}

const BY_START = new Map<number, Candidates>();
for (const rule of COMPILED)
  if (rule.prefix) BY_START.set(rule.prefix.charCodeAt(0), candidates(rule.prefix.charCodeAt(0)));
const OTHER_START = candidates(null);

/** The section a line opens, or null for content lines. */
export function recognizeSection(text: string): SectionHeader | null {
  // length, literals and keywords before trim() copies the line
  const from = trimStartIndex(text);
  const to = trimEndIndex(text);
  if (to - from < 5 || to - from > 600) return null;
  const starting = BY_START.get(text.charCodeAt(from)) ?? OTHER_START;
  const rules = ANY_NEEDLE.test(text) ? starting.withNeedles : starting.withoutNeedles;
  let t: string | null = null;
  let keywords = false;
  for (const rule of rules) {
    if (rule.prefix) {
      if (!text.startsWith(rule.prefix, from)) continue;
    } else if (rule.needle) {
      t ??= text.slice(from, to);
      if (!t.includes(rule.needle)) continue;
    }
    // (every header holds a keyword: a line without one is no header, whatever its literals)
    if (!keywords && !(keywords = KEYWORDS.test(text))) return null;
    t ??= text.slice(from, to);
    const m = rule.re.exec(t);
    if (m) return rule.make(m);
  }
  return null;
}
