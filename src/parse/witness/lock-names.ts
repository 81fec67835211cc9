// The witness types that witness_checkorder()'s order headers print ("lock order %s -> %s
// established at:", OpenBSD's "first seen at" and "lock order data w1 -> w2"), mapped to lock names.
import type { OrderLock } from './lock-line';

/** "ufs -> vm map (user)": names may hold spaces, so the known types decide where " -> " splits. */
export function splitArrow(text: string, known: readonly string[]): [string, string] {
  for (const a of known) for (const b of known) if (text === `${a} -> ${b}`) return [a, b];
  const at = text.indexOf(' -> ');
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 4)];
}

/** OpenBSD's "lock order data w2 -> w1 missing": w1 is the 1st lock's witness, w2 the 2nd's. */
export function witnessAlias(w: string, locks: readonly OrderLock[]): string | null {
  if (w === 'w1') return locks[0]?.name ?? null;
  if (w === 'w2') return locks[1]?.name ?? null;
  return null;
}

/**
 * The headers after the lock lines ("lock order ufs -> bufwait established at:", OpenBSD
 * '"&ip->i_lock"(rrwlock) -> …', the 2026 chains) name witness TYPES; the report names locks by
 * the lock name before " (" (report-json.md), so each type is mapped back through the 1st/2nd/3rd
 * line that printed it: "inp (tcpinp)" makes "tcpinp" read "inp".
 */
export class LockNames {
  private readonly byType = new Map<string, string>();

  constructor(locks: readonly OrderLock[]) {
    // The three-lock form prints one type W on 1st and 3rd. Should their names differ, the 3rd
    // (being acquired) wins: "W -> W1 established" and "W1 -> W attempted" then close the cycle
    // [3rd, 2nd]; the 1st's own W -> W1 is the order this thread held.
    for (const l of locks) this.byType.set(l.type, l.name);
  }

  /** The lock name for a type; a type on no 1st/2nd/3rd line (a chain's middle) stays the type. */
  of(type: string): string {
    return this.byType.get(type) ?? type;
  }
}
