// Lockdep's per-class and per-task state, replayed offline: the classes with their usage bits and
// the traces where each bit was set, each thread's held-lock stack and irq state, the dependency
// graph, and the findings so far (each distinct problem once).
import type { LockMode } from '../types';
import { DependencyGraph, type Site } from './dependency-graph';
import type { Finding, HeldLock, IrqFlags } from './findings';
import { usageChars } from './usage-bits';

export interface LockClassState {
  usage: number;
  /** usage_traces[bit]: where each usage bit was first set */
  traces: Map<number, Site>;
}

export interface ThreadState {
  name: string;
  held: HeldLock[];
  hardirqsOn: boolean;
  softirqsOn: boolean;
  hardirqDepth: number;
  softirqDepth: number;
  /** irq state saved when an interrupt handler started, restored when it returns */
  saved: { hardirqsOn: boolean; softirqsOn: boolean }[];
}

export class LockdepState {
  readonly graph = new DependencyGraph();
  readonly classes = new Map<string, LockClassState>();
  readonly threads = new Map<string, ThreadState>();
  readonly findings: Finding[] = [];
  /** chain keys already validated (lookup_chain_cache_add) */
  readonly chains = new Set<string>();
  private readonly reported = new Set<string>();

  constructor(private readonly stopAfterFirst: boolean) {}

  get stopped(): boolean {
    return this.stopAfterFirst && this.findings.length > 0;
  }

  classOf(name: string): LockClassState {
    let c = this.classes.get(name);
    if (!c) this.classes.set(name, (c = { usage: 0, traces: new Map() }));
    return c;
  }

  thread(name: string): ThreadState {
    let t = this.threads.get(name);
    if (!t) {
      t = {
        name,
        held: [],
        hardirqsOn: true,
        softirqsOn: true,
        hardirqDepth: 0,
        softirqDepth: 0,
        saved: [],
      };
      this.threads.set(name, t);
    }
    return t;
  }

  /** Record a finding unless the same problem was reported already; false when it was. */
  report(key: string, make: () => Finding): boolean {
    if (this.reported.has(key) || this.stopped) return false;
    this.reported.add(key);
    this.findings.push(make());
    return true;
  }

  /** The usage characters of these classes now, for the report's lock lines. */
  usageSnapshot(names: Iterable<string>): Map<string, string> {
    const out = new Map<string, string>();
    for (const n of names) out.set(n, usageChars(this.classes.get(n)?.usage ?? 0));
    return out;
  }
}

export function irqContext(t: ThreadState): number {
  return (t.hardirqDepth > 0 ? 2 : 0) | (t.softirqDepth > 0 ? 1 : 0);
}

export function irqFlags(t: ThreadState): IrqFlags {
  return {
    hardirqDepth: t.hardirqDepth,
    softirqDepth: t.softirqDepth,
    hardirqsOn: t.hardirqsOn,
    softirqsOn: t.softirqsOn,
  };
}

export const readLevel = (m: LockMode): number =>
  m === 'read' ? 1 : m === 'recursive-read' ? 2 : 0;

/** A cycle as a key that does not depend on where it starts. */
export function cycleKey(cycle: readonly string[]): string {
  let best = 0;
  for (let i = 1; i < cycle.length; i++) if (cycle[i]! < cycle[best]!) best = i;
  return [...cycle.slice(best), ...cycle.slice(0, best)].join('\u0000');
}
