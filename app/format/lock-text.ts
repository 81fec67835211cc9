// Lock class facts in words: wait types (lockdep's {inner:outer}) and usage bits by era.
import { describeUsage, type UsageState } from '../../src/model/usage';
import type { UsageEra } from '../../src/model/types';

// enum lockdep_wait_type in include/linux/lockdep_types.h
const WAIT_TYPES = [
  'invalid (not annotated)',
  'never waits (wait-free)',
  'spins (raw spinlock)',
  'spins, but sleeps on PREEMPT_RT (spinlock_t)',
  'may sleep (mutex, rwsem)',
];

/** "{4:4}" → "may sleep (mutex, rwsem)"; "3:2" names both halves. */
export function waitTypeText(waitType: string): string {
  const m = /^\{?(\d):(\d)\}?$/.exec(waitType.trim());
  if (!m) return 'not understood';
  const inner = WAIT_TYPES[Number(m[1])] ?? `type ${m[1]}`;
  const outer = WAIT_TYPES[Number(m[2])] ?? `type ${m[2]}`;
  return inner === outer ? inner : `inner: ${inner}; outer: ${outer}`;
}

const ERA_WORDS: Record<UsageEra, string> = {
  'pre-2.6.30': 'as kernels before 2.6.30 print them',
  'reclaim-fs': 'as kernels 2.6.30 to 4.13 print them (with RECLAIM_FS)',
  modern: 'as kernels since 4.14 print them',
};

export interface UsageReading {
  era: UsageEra;
  /** why this era: known from the report, or guessed */
  eraText: string;
  guessed: boolean;
  states: UsageState[];
}

/** The usage string read in the report's era, or in today's when the report does not tell. */
export function readUsage(usage: string, era: UsageEra | null | undefined): UsageReading {
  const e = era ?? 'modern';
  return {
    era: e,
    eraText: ERA_WORDS[e],
    guessed: !era,
    states: describeUsage(usage, e).filter((s) => s.usedIn || s.enabled),
  };
}
