// /proc/lockdep as l_show() in kernel/locking/lockdep_proc.c prints it: every lock class, each
// followed by its direct (distance 1) forward dependencies.
//
//   all lock classes:                                           (first record; not in 2.6.18–2.6.21)
//   ffffffff82a4b9d8 FD:   40 BD:    1 +.+.: cpu_hotplug_lock
//    -> [ffffffff82a4ba18] cpuhp_state_mutex
//   <blank>
//
// Eras: `%p` hashed since 4.15 ("00000000a1b2c3d4", "(____ptrval____)" early in boot);
// " OPS:%8ld" after the key with CONFIG_DEBUG_LOCKDEP; six usage characters 2.6.30–4.13;
// no "->" lines before 2.6.22; "KEY: name" alone (no FD/BD/usage, no "->") from 5.14 on
// kernels without CONFIG_PROVE_LOCKING.
import type { UsageEra } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { ParsedReport } from '../format';
import { GraphBuilder } from './graph-builder';

const KEY = String.raw`(?:[0-9a-f]{8,16}|\(____ptrval____\))`;

export const LOCKDEP_CLASSES_HEADER = /^\s*all lock classes:\s*$/;
// "ffffffff82a4b9d8 OPS:    1234 FD:   40 BD:    1 +.+.: cpu_hotplug_lock"; the name may hold
// ": " itself ("pinctrl_apple_gpio:462:(&regmap_config)->lock"), so the fields are anchored
const CLASS_LINE = new RegExp(
  String.raw`^\s*${KEY}(?: OPS: *(\d{1,12}))?(?: FD: *(\d{1,12}) BD: *(\d{1,12}) ([-+?.]{4,8}))?: (.+)$`,
);
// " -> [ffffffff82a4ba18] cpuhp_state_mutex" (2.6.22–2.6.26 printed the class, not its key)
const DEPENDENCY_LINE = new RegExp(String.raw`^\s*-> \[${KEY}\] (.+)$`);
/** A class line with the counters: a /proc/lockdep dump even without its header. */
const COUNTED_CLASS = new RegExp(String.raw`^\s*${KEY} (?:OPS: *\d{1,12} )?FD: *\d{1,12} BD: `);

export function sniffProcLockdep(text: string): boolean {
  return LOCKDEP_CLASSES_HEADER.test(text) || COUNTED_CLASS.test(text);
}

export function parseProcLockdep(lines: readonly CleanLine[], start: number): ParsedReport {
  const g = new GraphBuilder();
  let i = start;
  const header = LOCKDEP_CLASSES_HEADER.test(lines[i]!.text);
  if (header) i++;
  let last = start;
  let current: string | null = null;
  let counted = 0;
  let bare = 0;
  let orphans = 0;
  let firstOrphan: number | null = null;
  let usageLength = 0;
  let ops = false;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (text === '') continue;
    // a second dump starts a second report
    if (LOCKDEP_CLASSES_HEADER.test(text)) break;
    const dep = DEPENDENCY_LINE.exec(text);
    if (dep) {
      last = i;
      if (current === null) {
        orphans++;
        firstOrphan ??= line.origin;
        continue;
      }
      g.addDependency(current, dep[1]!);
      continue;
    }
    const cls = CLASS_LINE.exec(text);
    if (!cls) break;
    // without FD/BD the line is "KEY: name": only after the header, where nothing else can be
    if (cls[2] === undefined && !header) break;
    last = i;
    current = cls[5]!;
    const usage = cls[4] ?? null;
    if (usage !== null) {
      counted++;
      usageLength ||= usage.length;
    } else bare++;
    if (cls[1] !== undefined) ops = true;
    g.addClass(current, usage, line.origin);
  }

  const deps = g.dependencies.length;
  if (orphans > 0) {
    g.note(
      firstOrphan,
      'warning',
      `${orphans} dependency lines come before any class line (the dump's start is cut off?); they were skipped`,
    );
  }
  const unprinted = g.unprinted();
  const truncated = unprinted.length > 0;
  if (truncated) {
    g.note(
      lines[last]!.originEnd,
      'warning',
      `${unprinted.length} classes are named only as a dependency's end, never on a line of their own (first: ${unprinted[0]}): the dump looks cut off`,
    );
  }
  if (deps === 0 && counted > 0 && g.classCount > 1) {
    g.note(
      lines[start]!.origin,
      'info',
      'no dependency lines ( -> [key] name): kernels before 2.6.22 list classes only, so the graph has no edges',
    );
  }
  if (bare > 0 && counted === 0) {
    g.note(
      lines[start]!.origin,
      'info',
      'classes without FD/BD counts: the kernel was built without CONFIG_PROVE_LOCKING, which records no dependencies',
    );
  }
  const report = g.finish('proc-lockdep', lines, start, last, {
    source: '/proc/lockdep',
    ...(ops ? { debugLockdep: 'OPS counts printed (CONFIG_DEBUG_LOCKDEP)' } : {}),
  });
  report.usageEra = usageEra(usageLength, deps > 0, ops);
  report.truncated = truncated;
  return { report, end: last + 1 };
}

/**
 * Six characters: 2.6.30–4.13. Four with dependency lines: taken as 4.14+ (2.6.22–2.6.29 also
 * printed four, in the old order; nothing in the dump tells them apart). Four with OPS counts and
 * no dependency lines: 2.6.18–2.6.21.
 */
function usageEra(length: number, hasDeps: boolean, ops: boolean): UsageEra | null {
  if (length === 6) return 'reclaim-fs';
  if (length !== 4) return null;
  if (!hasDeps && ops) return 'pre-2.6.30';
  return 'modern';
}
