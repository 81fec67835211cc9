// Lockdep usage bits: get_usage_chars() in kernel/locking/lockdep.c, decoded by era.
// The same string means different things before and after 2.6.30 (lockdep_states.h swapped the
// order and the meaning of '+'/'-'), and RECLAIM_FS made it 6 characters from 2.6.30 to 4.13.
import type { UsageEra } from './types';

export type IrqContext = 'hardirq' | 'softirq' | 'reclaim-fs';
export type UsageAccess = 'write' | 'read';

export interface UsageState {
  context: IrqContext;
  access: UsageAccess;
  /** the character as printed */
  char: string;
  /** taken in that context (the class is "<context>-safe" for that access) */
  usedIn: boolean;
  /** taken with that context enabled (the class is "<context>-unsafe") */
  enabled: boolean;
  /** plain language, for people who do not read lockdep every day */
  sentence: string;
}

export interface KernelVersion {
  major: number;
  minor: number;
  patch: number;
}

/** "2.6.18-rc5-mm1" → 2.6.18, "4.14.0-rc1-CI-CI_DRM_3118+" → 4.14.0, "6.15" → 6.15.0. */
export function parseKernelVersion(release: string | null | undefined): KernelVersion | null {
  if (!release) return null;
  const m = /^\s*(\d{1,2})\.(\d{1,3})(?:\.(\d{1,4}))?/.exec(release);
  if (!m) return null;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = m[3] === undefined ? 0 : Number(m[3]);
  // "0.128.0.54" (a garbled release in a real log) is not a kernel anyone ran lockdep on.
  if (major < 2 || major > 9) return null;
  return { major, minor, patch };
}

export function versionAtLeast(v: KernelVersion, major: number, minor: number, patch = 0): boolean {
  if (v.major !== major) return v.major > major;
  if (v.minor !== minor) return v.minor > minor;
  return v.patch >= patch;
}

/** What the era of a release is, from the version alone. */
export function usageEraOfRelease(release: string | null | undefined): UsageEra | null {
  const v = parseKernelVersion(release);
  if (!v) return null;
  if (!versionAtLeast(v, 2, 6, 30)) return 'pre-2.6.30';
  if (!versionAtLeast(v, 4, 14)) return 'reclaim-fs';
  return 'modern';
}

export interface UsageEraHints {
  kernel: string | null;
  classes: readonly { usage: string | null }[];
  /** the title as printed; "[ INFO: … ]" says ≤ 4.11 */
  headline?: string;
}

/**
 * The era to decode this report's usage strings in. The release decides when it is known;
 * otherwise the strings themselves (6 characters only existed 2.6.30–4.13) and the title style.
 * Returns null when nothing tells (no usage strings at all).
 */
export function usageEraOf(report: UsageEraHints): UsageEra | null {
  const lengths = new Set(report.classes.map((c) => c.usage?.length ?? 0).filter((n) => n > 0));
  if (lengths.has(6)) return 'reclaim-fs';
  const byRelease = usageEraOfRelease(report.kernel);
  if (byRelease === 'reclaim-fs' && lengths.size > 0 && !lengths.has(6)) {
    // A 4-character string on a kernel that prints 6 is a fork or a mislabelled release;
    // 4.14+ semantics are the likelier reading of a 4-character string with '?'.
    return report.classes.some((c) => c.usage?.includes('?')) ? 'modern' : byRelease;
  }
  if (byRelease) return byRelease;
  if (lengths.size === 0) return null;
  // No usable release: "[ INFO" titles and no ident line are the 2.6.1x–2.6.29 look.
  if (report.headline && /^\[\s*(INFO|BUG):/.test(report.headline) && report.kernel === null)
    return 'pre-2.6.30';
  return 'modern';
}

const CONTEXT_WORDS: Record<IrqContext, { name: string; enabledName: string }> = {
  hardirq: { name: 'hardirq', enabledName: 'hardirqs enabled' },
  softirq: { name: 'softirq', enabledName: 'softirqs enabled' },
  'reclaim-fs': {
    name: 'filesystem-reclaim',
    enabledName: 'filesystem reclaim possible (__GFP_FS)',
  },
};

function sentenceFor(
  context: IrqContext,
  access: UsageAccess,
  usedIn: boolean,
  enabled: boolean,
): string {
  const w = CONTEXT_WORDS[context];
  const how = access === 'read' ? 'taken for reading' : 'taken';
  const inCtx = `${how} in ${w.name} context`;
  const withEnabled = `${how} with ${w.enabledName}`;
  if (usedIn && enabled) {
    return `both: ${inCtx} and ${withEnabled.replace(/^taken( for reading)? /, '')} — this is what lockdep complains about`;
  }
  if (usedIn) return inCtx;
  if (enabled) return withEnabled;
  return `never ${how} in ${w.name} context nor with ${w.enabledName}`;
}

// v2.6.30+: per state (HARDIRQ, SOFTIRQ[, RECLAIM_FS]) a write char then a read char.
// '-' used in, '+' enabled, '?' both, '.' neither.
const MODERN_ORDER: readonly [IrqContext, UsageAccess][] = [
  ['hardirq', 'write'],
  ['hardirq', 'read'],
  ['softirq', 'write'],
  ['softirq', 'read'],
  ['reclaim-fs', 'write'],
  ['reclaim-fs', 'read'],
];

// 2.6.18–2.6.29: hardirq-W, softirq-W, hardirq-R, softirq-R. Write chars: '+' used in (wins
// when both are set), '-' enabled. Read chars: '-' enabled, '+' used in, '?' both.
const OLD_ORDER: readonly [IrqContext, UsageAccess][] = [
  ['hardirq', 'write'],
  ['softirq', 'write'],
  ['hardirq', 'read'],
  ['softirq', 'read'],
];

function decodeChar(
  era: UsageEra,
  access: UsageAccess,
  c: string,
): { usedIn: boolean; enabled: boolean } | null {
  if (c === '.') return { usedIn: false, enabled: false };
  if (era === 'pre-2.6.30') {
    if (c === '+') return { usedIn: true, enabled: false };
    if (c === '-') return { usedIn: false, enabled: true };
    if (c === '?' && access === 'read') return { usedIn: true, enabled: true };
    return null;
  }
  if (c === '-') return { usedIn: true, enabled: false };
  if (c === '+') return { usedIn: false, enabled: true };
  if (c === '?') return { usedIn: true, enabled: true };
  return null;
}

/**
 * Every state a usage string records, in printed order, with a sentence each. Characters that
 * are not usage characters (mail mangling such as "±") are skipped.
 */
export function describeUsage(usage: string, era: UsageEra): UsageState[] {
  const order = era === 'pre-2.6.30' ? OLD_ORDER : MODERN_ORDER;
  const out: UsageState[] = [];
  const chars = [...usage];
  for (let i = 0; i < chars.length && i < order.length; i++) {
    const [context, access] = order[i]!;
    const c = chars[i]!;
    const bits = decodeChar(era, access, c);
    if (!bits) continue;
    out.push({
      context,
      access,
      char: c,
      ...bits,
      sentence: sentenceFor(context, access, bits.usedIn, bits.enabled),
    });
  }
  return out;
}

/** The states that are set, as one line: "taken in hardirq context; taken with softirqs enabled". */
export function summarizeUsage(usage: string, era: UsageEra): string {
  const set = describeUsage(usage, era).filter((s) => s.usedIn || s.enabled);
  if (set.length === 0) return 'no irq usage recorded';
  return set.map((s) => s.sentence).join('; ');
}
