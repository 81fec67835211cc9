// The report title each lockdep printer writes after its banner (print_circular_bug,
// print_usage_bug, lockdep_rcu_suspicious, …): the kind comes from the title text, never from
// the length of the ==== rule (the safe -> unsafe rule is fixed and mailers re-wrap rules).
import type { LockdepKind, Task } from '../../model/types';
import { parseTaskRef } from './task';

export interface TitleInfo {
  kind: LockdepKind;
  /** the title line as printed (trimmed) */
  headline: string;
  /** "[ INFO: … ]" (≤ 4.11, and Invalid wait context always) or "WARNING: …" (4.12+) */
  bracketed: boolean;
  /** HARDIRQ, SOFTIRQ, RECLAIM_FS, HARDIRQ-READ…, or the 2.6.18 "hard"/"soft" */
  irqClass?: string;
  /** still-has-locks names its task in the title */
  task?: Task | null;
  /** "bad contention detected!" shares the bad-unlock shape but is no unlock */
  variant?: 'contention' | 'exit-time' | 'chain-key-collision' | 'rcu-dereference';
  /** text printed after the title on the same line (a flattened report's ident) */
  trailing?: string;
}

interface TitleRule {
  re: RegExp;
  kind: LockdepKind;
  make?: (m: RegExpExecArray) => Partial<TitleInfo>;
}

// Matched against the text inside "[ INFO: … ]" / after "WARNING: ", trailing spaces removed.
const RULES: readonly TitleRule[] = [
  { re: /^possible circular locking dependency detected!?/, kind: 'circular-dependency' },
  { re: /^possible recursive locking detected!?/, kind: 'recursive-locking' },
  { re: /^inconsistent lock state!?/, kind: 'inconsistent-lock-state' },
  { re: /^possible irq lock inversion dependency detected!?/, kind: 'irq-lock-inversion' },
  {
    // "HARDIRQ-safe -> HARDIRQ-unsafe", "SOFTIRQ-READ-safe -> …", 2.6.18 "hard-safe -> hard-unsafe"
    re: /^([A-Za-z_]+(?:-READ)?)-safe -> ([A-Za-z_]+(?:-READ)?)-unsafe lock order detected!?/,
    kind: 'safe-to-unsafe',
    make: (m) => ({ irqClass: m[1]! }),
  },
  { re: /^bad unlock balance detected!?/, kind: 'bad-unlock-balance' },
  {
    re: /^bad contention detected!?/,
    kind: 'locking-bug',
    make: () => ({ variant: 'contention' }),
  },
  { re: /^held lock freed!?/, kind: 'held-lock-freed' },
  {
    re: /^lock held at task exit time!?/,
    kind: 'still-has-locks',
    make: () => ({ variant: 'exit-time' }),
  },
  {
    re: /^(.+\/\d+) still has locks held!?/,
    kind: 'still-has-locks',
    make: (m) => ({ task: parseTaskRef(m[1]!) }),
  },
  { re: /^lock held when returning to user space!?/, kind: 'lock-held-returning-to-user' },
  { re: /^[Nn]ested lock was not taken/, kind: 'nested-lock-not-taken' },
  { re: /^[Ii]nvalid wait context/, kind: 'invalid-wait-context' },
  { re: /^suspicious RCU usage\.?/, kind: 'suspicious-rcu-usage' },
  {
    re: /^suspicious rcu_dereference_check\(\) usage\.?/,
    kind: 'suspicious-rcu-usage',
    make: () => ({ variant: 'rcu-dereference' }),
  },
  {
    re: /^chain_key collision/,
    kind: 'locking-bug',
    make: () => ({ variant: 'chain-key-collision' }),
  },
];

// Every rule at once: "INFO: lockdep is turned off." and other non-titles are turned down by one
// test instead of sixteen (the rules are anchored, so this matches exactly when one of them does).
const ANY_RULE = new RegExp(RULES.map((r) => `(?:${r.re.source})`).join('|'));

const BRACKETED = /^\[\s*(?:INFO|BUG|WARNING):\s+(.*?)\s*\]\s*$/;
const PLAIN = /^(?:WARNING|INFO|BUG):\s+(.*?)\s*$/;

/** The title line of a lockdep report, or null. */
export function recognizeTitle(text: string): TitleInfo | null {
  // Cheap first look, before trim() copies the line: titles start with '[', 'W', 'I' or 'B'.
  let i = 0;
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  const c = text.charCodeAt(i);
  if (c !== 91 && c !== 87 && c !== 73 && c !== 66) return null;
  // (lines such as "INFO: lockdep is turned off." and "BTRFS info …" get this far)
  if (
    c !== 91 &&
    !text.startsWith('WARNING:', i) &&
    !text.startsWith('INFO:', i) &&
    !text.startsWith('BUG:', i)
  )
    return null;
  const t = text.trim();
  if (t.length < 12 || t.length > 400) return null;
  const b = BRACKETED.exec(t);
  const inner = b ? b[1]! : PLAIN.exec(t)?.[1];
  if (inner === undefined || !ANY_RULE.test(inner)) return null;
  for (const rule of RULES) {
    const m = rule.re.exec(inner);
    if (!m) continue;
    const trailing = inner.slice(m[0].length).trim();
    // "WARNING: held lock freed in X" is a syzkaller title, not a kernel banner line; text
    // after a title is only accepted when it is a flattened ident ("… #0 Not tainted").
    if (trailing !== '' && !/^\d+\.\d+\S*\s+#\S+/.test(trailing)) continue;
    return {
      kind: rule.kind,
      headline: trailing ? t.slice(0, t.length - trailing.length).trim() : t,
      bracketed: !!b,
      ...(rule.make ? rule.make(m) : {}),
      ...(trailing ? { trailing } : {}),
    };
  }
  return null;
}

/**
 * A first line of a title that a mailer wrapped ("[ INFO: possible circular locking" +
 * "dependency detected ]"): the two lines joined read as a title.
 */
export function recognizeWrappedTitle(first: string, second: string): TitleInfo | null {
  const a = first.trim();
  if (!/^(?:\[\s*)?(?:INFO|BUG|WARNING):\s+\S/.test(a) || a.length > 120) return null;
  const b = second.trim();
  if (b === '' || b.length > 120) return null;
  return recognizeTitle(`${a} ${b}`);
}
