// lockdep_print_held_locks(): "%d lock%s held by %s/%d:" then " #%d: " + print_lock() per lock.
import type { HeldLock, Task } from '../../model/types';
import { HELD_ENTRY } from './content';
import { parseLockLine, type LockLine } from './lock-line';
import type { LogicalLine } from './logical-lines';
import type { Section } from './report-reader';

export interface HeldEntry {
  held: HeldLock;
  lock: LockLine | null;
  line: LogicalLine;
}

export interface HeldLocksRead {
  task: Task | null;
  /** the N of "N locks held by" */
  count: number;
  entries: HeldEntry[];
  /** lines that looked like " #N: " entries but could not be read */
  unreadable: LogicalLine[];
  header: LogicalLine | null;
}

/** The held-locks list of a 'held' section (or any lines holding " #N: " entries). */
export function readHeldLocks(section: Section): HeldLocksRead {
  const count = Number(section.header?.data ?? 'NaN');
  const byIndex = new Map<number, HeldEntry>();
  const unreadable: LogicalLine[] = [];
  for (const line of section.body) {
    const m = HELD_ENTRY.exec(line.text);
    if (!m) continue;
    const index = Number(m[1]);
    const rest = m[2]!.trim();
    let entry: HeldEntry | null = null;
    // " #1: <RELEASED>": the class went away while held
    if (rest === '<RELEASED>') {
      entry = { held: { index, class: '<RELEASED>', address: null, at: null }, lock: null, line };
    } else {
      const lock = parseLockLine(rest);
      if (lock)
        entry = {
          held: { index, class: lock.name, address: lock.instance, at: lock.at },
          lock,
          line,
        };
    }
    if (!entry) {
      unreadable.push(line);
      continue;
    }
    // syzbot's symbolizer prints one line per inlined frame with the same index: the kernel
    // printed the last one ("… at: __flush_workqueue+0x1b0/0x1710 kernel/workqueue.c:3937")
    const prev = byIndex.get(index);
    if (prev && entry.lock?.atInline && !prev.lock?.atInline) continue;
    byIndex.set(index, prev ? { ...entry, line: prev.line } : entry);
  }
  const entries = [...byIndex.values()].sort((a, b) => a.held.index - b.held.index);
  return {
    task: section.header?.task ?? null,
    count: Number.isFinite(count) ? count : entries.length,
    entries,
    unreadable,
    header: section.line,
  };
}
