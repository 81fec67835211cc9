// Lockdep's usage bits (kernel/locking/lockdep_states.h, lockdep_internals.h, v6.x): for each irq
// state (HARDIRQ, SOFTIRQ) a lock class may have been USED_IN that context or taken with it
// ENABLED, each for write and for read. bit0 = read, bit1 = direction (ENABLED), bit2 = state.

export const USED_IN_HARDIRQ = 0;
export const ENABLED_HARDIRQ = 2;
export const USED_IN_SOFTIRQ = 4;
export const ENABLED_SOFTIRQ = 6;
export const READ = 1;
const DIR = 2;
/** LOCK_USED: bits below this are the irq usage bits */
export const USAGE_BITS = 8;

const STATES = ['HARDIRQ', 'SOFTIRQ'] as const;

export const flag = (bit: number): number => 1 << bit;

function bitsWhere(pred: (bit: number) => boolean): number {
  let m = 0;
  for (let b = 0; b < USAGE_BITS; b++) if (pred(b)) m |= flag(b);
  return m;
}
const ENABLED_IRQ_ALL = bitsWhere((b) => (b & DIR) !== 0);
export const USED_IN_IRQ_ALL = bitsWhere((b) => (b & DIR) === 0);
/** LOCKF_IRQ: the write (non-read) bits */
export const IRQ_WRITE = bitsWhere((b) => (b & READ) === 0);
const IRQ_READ = bitsWhere((b) => (b & READ) !== 0);

/** usage_str[]: "IN-HARDIRQ-W", "HARDIRQ-ON-R", … */
export function usageName(bit: number): string {
  const state = STATES[bit >> 2]!;
  const rw = bit & READ ? 'R' : 'W';
  return bit & DIR ? `${state}-ON-${rw}` : `IN-${state}-${rw}`;
}

/** state_name(): "HARDIRQ" or "HARDIRQ-READ", as in "HARDIRQ-safe -> HARDIRQ-unsafe" */
export function stateName(bit: number): string {
  const state = STATES[bit >> 2]!;
  return bit & READ ? `${state}-READ` : state;
}

/** exclusive_bit(): keep the state, flip the direction, strip read */
export function exclusiveBit(bit: number): number {
  return (bit & ~3) | ((bit & DIR) ^ DIR);
}

function invertDirMask(mask: number): number {
  return ((mask & ENABLED_IRQ_ALL) >> 2) | ((mask & USED_IN_IRQ_ALL) << 2);
}

/** exclusive_mask(): the usages that deadlock against any usage in `mask`, read or write */
export function exclusiveMask(mask: number): number {
  let excl = invertDirMask(mask);
  excl |= (excl & IRQ_READ) >> 1;
  excl |= (excl & IRQ_WRITE) << 1;
  return excl;
}

/** original_mask(): the usages `mask` is exclusive to (the same computation, kept for reading) */
export function originalMask(mask: number): number {
  return exclusiveMask(mask);
}

export function enabledOnly(mask: number): number {
  return mask & ENABLED_IRQ_ALL;
}

/** find_exclusive_match(): the first pair of bits in conflict, lowest bit of `mask` first */
export function findExclusiveMatch(mask: number, excl: number): [number, number] | null {
  for (let bit = 0; bit < USAGE_BITS; bit++) {
    if (!(mask & flag(bit))) continue;
    const e = exclusiveBit(bit);
    if (excl & flag(e)) return [bit, e];
    if (excl & flag(e | READ)) return [bit, e | READ];
  }
  return null;
}

/** get_usage_chars(): "+.-." — per state write then read; '+' enabled, '-' used in, '?' both */
export function usageChars(mask: number): string {
  let s = '';
  for (let state = 0; state < STATES.length; state++) {
    for (const read of [0, READ]) {
      const used = mask & flag((state << 2) | read);
      const enabled = mask & flag((state << 2) | DIR | read);
      s += enabled ? (used ? '?' : '+') : used ? '-' : '.';
    }
  }
  return s;
}
