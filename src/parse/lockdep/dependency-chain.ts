// print_circular_bug_entry(): "-> #%u (name){usage}-{o:i}:" followed by the trace of where that
// dependency was first recorded, printed from the deepest entry #N down to #0.
import type { Dependency, Frame } from '../../model/types';
import { CHAIN_ENTRY } from './content';
import { parseClassName, type LockName } from './lock-line';
import type { LogicalLine } from './logical-lines';
import type { Section } from './report-reader';
import { readFrames } from './trace';

export interface ChainEntry extends LockName {
  k: number;
  frames: Frame[];
  line: LogicalLine;
  frameLines: LogicalLine[];
}

/** One "-> #k" section to its entry; null when the header cannot be read at all. */
export function readChainEntry(section: Section): ChainEntry | null {
  if (!section.line) return null;
  const m = CHAIN_ENTRY.exec(section.line.text);
  if (!m) return null;
  const k = Number(m[1]);
  let name: LockName | null = parseClassName(m[2]!);
  if (!name) {
    // right-truncated by a terminal ("-> #1 (&q->elevator_lo"): keep what is there
    const loose = /^\((.*?)\)?:?\s*$/.exec(m[2]!.trim());
    if (!loose || loose[1] === '') return null;
    name = { name: loose[1]!, usage: null, waitType: null };
  }
  const fr = readFrames(section.body);
  return {
    k,
    name: name.name,
    usage: name.usage,
    waitType: name.waitType,
    frames: fr.map((f) => f.frame),
    line: section.line,
    frameLines: fr.map((f) => f.line),
  };
}

export interface ChainRead {
  /** entries by k, ascending (#0 first) */
  entries: ChainEntry[];
  /** the highest k printed */
  top: number;
  /** the k values absent between 0 and top */
  missing: number[];
}

export function readChain(sections: readonly Section[]): ChainRead {
  const byK = new Map<number, ChainEntry>();
  for (const s of sections) {
    if (s.type !== 'chain-entry') continue;
    const e = readChainEntry(s);
    // a repeated k (a report pasted twice) keeps its first printing
    if (e && !byK.has(e.k)) byK.set(e.k, e);
  }
  const entries = [...byK.values()].sort((a, b) => a.k - b.k);
  const top = entries.length ? entries[entries.length - 1]!.k : -1;
  const missing: number[] = [];
  for (let k = 0; k <= top; k++) if (!byK.has(k)) missing.push(k);
  return { entries, top, missing };
}

/**
 * The dependencies a complete or partial chain shows: the trace under "-> #k" (k ≥ 1) is edge
 * #k-1 -> #k; the trace under "-> #0" is the new edge #N -> #0 that closes the cycle.
 * `holding` stands in for #N when the top entries are missing.
 */
export function chainDependencies(chain: ChainRead, holding: string | null): Dependency[] {
  const byK = new Map(chain.entries.map((e) => [e.k, e]));
  const deps: Dependency[] = [];
  for (const e of chain.entries) {
    if (e.k === 0) continue;
    const prev = byK.get(e.k - 1);
    if (!prev) continue;
    deps.push({ prev: prev.name, next: e.name, trace: e.frames, chainEntry: e.k, isNew: false });
  }
  const zero = byK.get(0);
  const topName = chain.top >= 1 ? byK.get(chain.top)!.name : holding;
  if (zero && topName !== null) {
    deps.push({ prev: topName, next: zero.name, trace: zero.frames, chainEntry: 0, isNew: true });
  }
  return deps;
}

/** "the dependency chain stops at -> #2: entries #1 and #0 are missing" */
export function describeMissing(chain: ChainRead): string | null {
  if (chain.missing.length === 0) return null;
  const list = [...chain.missing].reverse().map((k) => `#${k}`);
  const names =
    list.length === 1
      ? `entry ${list[0]} is`
      : `entries ${list.slice(0, -1).join(', ')} and ${list[list.length - 1]} are`;
  let low = Infinity;
  for (const e of chain.entries) low = Math.min(low, e.k);
  if (chain.missing.every((k) => k < low))
    return `the dependency chain stops at -> #${low}: ${names} missing`;
  return `the dependency chain has gaps: ${names} missing`;
}
