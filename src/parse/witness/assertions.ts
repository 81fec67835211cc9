// One-line lock assertion messages of subr_witness.c (witness_unlock, witness_assert,
// witness_upgrade…), kern_mutex.c (__mtx_assert, spin lock timeout) and their OpenBSD forms.
import { LOCK_CLASSES } from './lock-line';

const C = `(?:${LOCK_CLASSES.join('|')})`;
const AT = String.raw`(?:\s*@\s*(\S+):(\d+))?`;

export interface Assertion {
  check: string;
  title: string;
  /** the lock's name (lo_name); for enroll's panic only its type is printed */
  lock: string | null;
  /** lc_name when printed: "(sx)" */
  lockKind?: string;
  at: string | null;
  /** the panic that follows a printed (not panicked) message */
  panic?: RegExp;
}

interface Rule {
  re: RegExp;
  /** only believed on a "panic: " line */
  panicOnly: boolean;
  check: string;
  build: (m: RegExpExecArray) => Omit<Assertion, 'check'>;
}

const at = (m: RegExpExecArray, i: number) => (m[i] ? `${m[i]}:${m[i + 1]}` : null);

const RULES: Rule[] = [
  {
    // "shared unlock of (sx) foo @ kern/x.c:1" / OpenBSD "witness: exclusive lock of (rwlock) foo while share locked"
    re: new RegExp(
      String.raw`^(?:witness: )?(shared|exclusive) (lock|unlock) of \((${C})\) (.+?)(?:${AT}| while (?:exclusively|share) locked)\s*$`,
    ),
    panicOnly: false,
    check: 'shared/exclusive mismatch',
    build: (m) => ({
      title: `${m[1]} ${m[2]} of (${m[3]}) ${m[4]}`,
      lock: m[4]!,
      lockKind: m[3]!,
      at: at(m, 5),
      panic: /^(?:excl|share)->u?(?:share|excl)\s*$/,
    }),
  },
  {
    re: new RegExp(String.raw`^(?:witness: )?forbidden unlock of \((${C})\) (.+?)${AT}\s*$`),
    panicOnly: false,
    check: 'norelease',
    build: (m) => ({
      title: `forbidden unlock of (${m[1]}) ${m[2]}`,
      lock: m[2]!,
      lockKind: m[1]!,
      at: at(m, 3),
      panic: /^lock marked norelease/,
    }),
  },
  {
    re: new RegExp(String.raw`^(interlock |lock )\((${C})\) (.+?) (not locked|recursed)${AT}\s*$`),
    panicOnly: true,
    check: 'unlock or interlock check',
    build: (m) => ({
      title: `${m[1]}(${m[2]}) ${m[3]} ${m[4]}`,
      lock: m[3]!,
      lockKind: m[2]!,
      at: at(m, 5),
    }),
  },
  {
    // witness_assert: "Lock (sx) proctree not exclusively locked @ kern/kern_exit.c:300."
    re: new RegExp(
      String.raw`^Lock \((${C})\) (.+?) (not locked|locked|not exclusively locked|exclusively locked|not recursed|recursed) @ (\S+):(\d+)\.\s*$`,
    ),
    panicOnly: false,
    check: 'witness_assert',
    build: (m) => ({
      title: `lock (${m[1]}) ${m[2]} ${m[3]}`,
      lock: m[2]!,
      lockKind: m[1]!,
      at: `${m[4]}:${m[5]}`,
    }),
  },
  {
    // __mtx_assert without WITNESS: "mutex Giant not owned at ../../../kern/kern_synch.c:176"
    re: /^mutex (.+?) (not owned|recursed|unrecursed|owned) at (\S+):(\d+)\s*$/,
    panicOnly: true,
    check: 'mtx_assert',
    build: (m) => ({ title: `mutex ${m[1]} ${m[2]}`, lock: m[1]!, at: `${m[3]}:${m[4]}` }),
  },
  {
    re: new RegExp(
      String.raw`^(upgrade|downgrade) of (non-upgradable|unlocked|exclusive|shared|recursed|non-sleep) lock \((${C})\) (.+?)(?: r=\d+)?${AT}\s*$`,
    ),
    panicOnly: true,
    check: 'upgrade/downgrade',
    build: (m) => ({
      title: `${m[1]} of ${m[2]} lock (${m[3]}) ${m[4]}`,
      lock: m[4]!,
      lockKind: m[3]!,
      at: at(m, 5),
    }),
  },
  {
    // kern_mutex.c: "spin lock 0xffffffff81d5bbf0 (sched lock 1) held by 0xfffff8000e5a4000 (tid 100094) too long"
    re: /^spin lock (0x[0-9a-fA-F]+) \((.+)\) held by (0x[0-9a-fA-F]+) \(tid (\d+)\) too long\s*$/,
    panicOnly: false,
    check: 'spin lock timeout',
    build: (m) => ({
      title: `spin lock held too long: ${m[2]}`,
      lock: m[2]!,
      at: null,
      panic: /^spin lock held too long/,
    }),
  },
  {
    re: /^lock \((.+)\) (.+) does not match earlier \((.+)\) lock\s*$/,
    panicOnly: true,
    check: 'enroll',
    build: (m) => ({
      title: `lock (${m[1]}) ${m[2]} does not match earlier (${m[3]}) lock`,
      // enroll() prints the witness type (its "description") and no lock name: the type stands in
      lock: m[1]!,
      at: null,
    }),
  },
  {
    // 5.x "recursed on non-recursive lock (sleep mutex) foo @ x.c:1"; "_mtx_lock_sleep: recursed on non-recursive mutex foo @ x.c:1"
    re: new RegExp(
      String.raw`^(?:\w+: )?recursed on non-recursive (?:lock \((${C})\)|mutex) (.+?)${AT}\s*$`,
    ),
    panicOnly: false,
    check: 'recursion',
    build: (m) => ({
      title: `recursed on non-recursive lock ${m[2]}`,
      lock: m[2]!,
      at: at(m, 3),
      panic: /^recurse/,
    }),
  },
];

/** The assertion message on this line (with or without "panic: "), or null. */
export function matchAssertion(text: string): Assertion | null {
  if (text.length > 2000) return null;
  const t = text.trim();
  const panicked = t.startsWith('panic: ');
  const body = panicked ? t.slice(7) : t;
  for (const rule of RULES) {
    if (rule.panicOnly && !panicked) continue;
    const m = rule.re.exec(body);
    if (m) return { check: rule.check, ...rule.build(m) };
  }
  return null;
}
