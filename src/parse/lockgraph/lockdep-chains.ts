// /proc/lockdep_chains as lc_show() in kernel/locking/lockdep_proc.c prints it (2.6.27+): every
// cached lock chain, the held-lock stack of one irq context, outermost lock first.
//
//   all lock chains:                  ("(buggered) all lock chains:" once chain hlocks ran out)
//   irq_context: 0                    (5.x: 0 | hardirq | softirq | hardirq|softirq; older: a number)
//   [ffffffff82a4b9d8] cpu_hotplug_lock
//   [ffffffff82a4ba18] cpuhp_state_mutex
//   <blank>
//
// Each consecutive pair is a direct dependency: check_prevs_add() links the new lock to the
// nearest held lock of the same context (earlier ones were linked when that one was taken).
import type { CleanLine } from '../clean/types';
import type { ParsedReport } from '../format';
import { GraphBuilder } from './graph-builder';

export const CHAINS_HEADER = /^\s*(\(buggered\) )?all lock chains:\s*$/;
const IRQ_CONTEXT = /^\s*irq_context: ?(\d{1,3}|hardirq\|softirq|hardirq|softirq)\s*$/;
const CHAIN_LOCK = /^\s*\[(?:[0-9a-f]{8,16}|\(____ptrval____\))\] (.+)$/;

export function sniffLockdepChains(lines: readonly CleanLine[], i: number): boolean {
  const text = lines[i]!.text;
  if (CHAINS_HEADER.test(text)) return true;
  // a paste without the header: an irq_context line and the first lock of its chain
  return IRQ_CONTEXT.test(text) && i + 1 < lines.length && CHAIN_LOCK.test(lines[i + 1]!.text);
}

export function parseLockdepChains(lines: readonly CleanLine[], start: number): ParsedReport {
  const g = new GraphBuilder(true);
  let i = start;
  const header = CHAINS_HEADER.exec(lines[i]!.text);
  if (header) i++;
  let last = start;
  let chains = 0;
  let prev: string | null = null;
  let inChain = false;
  let strays = 0;
  let firstStray: number | null = null;
  let selfPairs = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    const text = line.text;
    if (text === '') {
      prev = null;
      continue;
    }
    if (CHAINS_HEADER.test(text)) break;
    if (IRQ_CONTEXT.test(text)) {
      chains++;
      inChain = true;
      prev = null;
      last = i;
      continue;
    }
    const lock = CHAIN_LOCK.exec(text);
    if (!lock) break;
    last = i;
    if (!inChain) {
      strays++;
      firstStray ??= line.origin;
      continue;
    }
    const name = lock[1]!;
    g.addClass(name, null, line.origin);
    // nested locks of one class (mm_take_all_locks, nest_lock) add no self-dependency
    if (prev === name) selfPairs++;
    else if (prev !== null) g.addDependency(prev, name);
    prev = name;
  }
  if (header?.[1]) {
    g.note(
      lines[start]!.origin,
      'warning',
      '"(buggered)": lockdep ran out of chain hlocks (MAX_LOCKDEP_CHAIN_HLOCKS), so chains seen later are missing',
    );
  }
  if (strays > 0) {
    g.note(
      firstStray,
      'warning',
      `${strays} lock lines come before any "irq_context:" line (the dump's start is cut off?); they were skipped`,
    );
  }
  if (selfPairs > 0) {
    g.note(
      lines[start]!.origin,
      'info',
      `${selfPairs} chains hold the same class twice in a row (nested locking); no dependency of a class on itself was added`,
    );
  }
  const report = g.finish('proc-lockdep', lines, start, last, {
    source: '/proc/lockdep_chains',
    lockChains: String(chains),
  });
  // lc_show prints names only: no usage characters to decode
  report.usageEra = null;
  return { report, end: last + 1 };
}
