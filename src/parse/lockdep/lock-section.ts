// The print_lock() / print_lock_name() line that follows a section's sentence
// ("is trying to acquire lock:\n[pr]", "to a %s-irq-unsafe lock:\n[name]").
import { parseClassName, parseLockLine, type LockLine } from './lock-line';
import type { LogicalLine } from './logical-lines';
import type { Section } from './report-reader';

export interface LockAt {
  lock: LockLine;
  line: LogicalLine;
}

/** The first lock line of the section (the sentence's own line when a mailer merged them). */
export function lockIn(section: Section | null | undefined): LockAt | null {
  if (!section) return null;
  const candidates: LogicalLine[] = [];
  if (section.line && section.header?.rest)
    candidates.push({ ...section.line, text: section.header.rest });
  for (const l of section.body) candidates.push(l);
  for (const line of candidates) {
    const t = line.text.trim();
    if (t === '') continue;
    const lock = parseLockLine(t);
    if (lock) return { lock, line };
    const cls = parseClassName(t);
    if (cls) {
      return {
        lock: {
          ...cls,
          instance: null,
          at: null,
          atAddress: null,
          atFunction: null,
          atInline: false,
        },
        line,
      };
    }
  }
  return null;
}

/** Every lock line of the section: syzbot prints one per inlined frame of the at: site. */
export function locksIn(section: Section | null | undefined): LockAt[] {
  if (!section) return [];
  const out: LockAt[] = [];
  for (const line of section.body) {
    const lock = parseLockLine(line.text);
    if (lock) out.push({ lock, line });
  }
  return out;
}

/** The at: site the kernel printed (the last of a symbolizer's inline expansions). */
export function printedAt(section: Section | null | undefined): LockAt | null {
  const all = locksIn(section);
  const first = all[0];
  if (!first) return lockIn(section);
  const same = all.filter((l) => l.lock.name === first.lock.name);
  return same.find((l) => !l.lock.atInline) ?? first;
}
