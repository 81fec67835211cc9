// Whole-kernel lock graph dumps, generated (never copied): /proc/lockdep as l_show() in
// kernel/locking/lockdep_proc.c prints it, /proc/lockdep_chains (lc_show) and FreeBSD's
// `sysctl debug.witness.fullgraph` (witness_add_fullgraph in sys/kern/subr_witness.c).
// Pure functions of their options and seed: tests, benchmarks and e2e specs import them.
import { rng } from './generate';
import { lockdepClassNames, witnessNames } from './lockgraph-names';

type Rand = () => number;

/** What l_show printed in each era (lockdep-formats.md §6.1 and the kernel's git history). */
export type LockdepDumpEra =
  /** 4.14+: `KEY FD:    N BD:    N +.+.: name`, ` -> [KEY] name` lines, a blank line */
  | 'modern'
  /** the same with CONFIG_DEBUG_LOCKDEP: ` OPS:%8ld` after the key */
  | 'debug'
  /** 2.6.30–4.13: six usage characters (RECLAIM_FS) */
  | 'reclaim-fs'
  /** 2.6.18–2.6.21: OPS, FD, BD and four usage characters, no dependency lines, no blank lines */
  | 'early'
  /** 5.14+ without CONFIG_PROVE_LOCKING: `KEY: name` only */
  | 'no-prove';

export interface LockdepDumpOptions {
  /** lock classes (default 8,000: MAX_LOCKDEP_KEYS is 8,192) */
  classes?: number;
  /** direct dependencies, planted back edges included (default 32,000) */
  dependencies?: number;
  /** planted cycles, each in its own strongly connected component (default 2) */
  cycles?: number;
  seed?: number;
  era?: LockdepDumpEra;
  /** keys printed hashed, as %p has since 4.15 (`00000000…`), instead of real addresses */
  hashed?: boolean;
  /** print the "all lock classes:" header (l_show prints it on the first record; default true) */
  header?: boolean;
}

export interface GeneratedGraph {
  text: string;
  /** class names in the order printed */
  classes: string[];
  /** every direct dependency [prev, next], planted back edges included */
  dependencies: [string, string][];
  /** each planted cycle in taken-before order: c0 -> c1 -> … -> c0 */
  cycles: string[][];
}

/** A hub-and-layers graph shaped like a real one; edges go up in rank except planted back edges. */
interface Shape {
  names: string[];
  /** rank[v]: position in the hidden lock order */
  edges: [number, number][];
  cycles: number[][];
}

function makeShape(r: Rand, names: string[], edgeCount: number, cycleCount: number): Shape {
  const n = names.length;
  // rank = index into names: the generator's hidden order; printing order is shuffled later
  const hubs = Math.min(40, Math.max(1, Math.floor(n / 200)));
  const firstHub = n - hubs; // the last ranks are the inner locks everyone takes (rq lock, rcu…)
  const seen = new Set<number>();
  const edges: [number, number][] = [];
  const add = (a: number, b: number) => {
    const key = a * n + b;
    if (a === b || seen.has(key)) return false;
    seen.add(key);
    edges.push([a, b]);
    return true;
  };
  const forward = Math.max(0, edgeCount - cycleCount);
  const maxEdges = (n * (n - 1)) / 2;
  let tries = 0;
  while (edges.length < Math.min(forward, maxEdges) && tries++ < forward * 50) {
    const a = Math.floor(r() * Math.max(1, firstHub));
    let b: number;
    if (r() < 0.3)
      b = firstHub + Math.floor(Math.pow(r(), 2) * hubs); // hubs, skewed
    else b = a + 1 + Math.floor(Math.pow(r(), 3) * 300); // mostly close in rank
    if (b >= n) continue;
    add(a, b);
  }
  // planted cycles: a forward walk inside a band of ranks closed by one back edge; disjoint bands
  // make disjoint strongly connected components
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) out[a]!.push(b);
  const cycles: number[][] = [];
  const band = Math.floor(firstHub / Math.max(1, cycleCount));
  for (let c = 0; c < cycleCount && band >= 4; c++) {
    const lo = c * band;
    const hi = lo + band;
    for (let attempt = 0; attempt < 200; attempt++) {
      const start = lo + Math.floor(r() * (band - 3));
      const len = 2 + Math.floor(r() * 4);
      const walk = [start];
      while (walk.length < len) {
        const v = walk[walk.length - 1]!;
        const next = out[v]!.filter((w) => w < hi && w !== start);
        if (next.length === 0) break;
        walk.push(next[Math.floor(r() * next.length)]!);
      }
      if (walk.length < 2) continue;
      if (!add(walk[walk.length - 1]!, start)) continue;
      cycles.push(walk);
      break;
    }
  }
  return { names, edges, cycles };
}

function hexKey(r: Rand, hashed: boolean): string {
  if (hashed) return '00000000' + hex8(r);
  // static keys live in the kernel image, module keys high up (ffffffffc0…)
  return r() < 0.85 ? `ffffffff8${hex8(r).slice(1)}` : `ffffffffc${hex8(r).slice(1)}`;
}
function hex8(r: Rand): string {
  return Math.floor(r() * 0x100000000)
    .toString(16)
    .padStart(8, '0');
}

const USAGE4 = ['+.+.', '+.+.', '+.+.', '....', '-.-.', '++++', '.+.+', '..-.', '+.-.', '-...'];
const USAGE6 = ['+.+.+.', '+.+.+.', '......', '-.-.-.', '++++..', '.+.+.+', '+.+.?.'];

function shuffled<T>(r: Rand, xs: readonly T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** /proc/lockdep of a kernel that saw `classes` lock classes and `dependencies` direct orders. */
export function generateLockdepDump(options: LockdepDumpOptions = {}): GeneratedGraph {
  const n = options.classes ?? 8000;
  const m = options.dependencies ?? 32000;
  const era = options.era ?? 'modern';
  const r = rng(options.seed ?? 1);
  const names = lockdepClassNames(r, n);
  const shape = makeShape(r, names, m, options.cycles ?? 2);
  const keys = names.map(() => hexKey(r, options.hashed ?? false));
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of shape.edges) out[a]!.push(b);
  const { fd, bd } = dependencyCounts(n, out);
  const printed = shuffled(
    r,
    names.map((_, i) => i),
  );
  const withDeps = era !== 'early' && era !== 'no-prove';
  const lines: string[] = [];
  if ((options.header ?? true) && era !== 'early') lines.push('all lock classes:');
  for (const v of printed) {
    const usage = era === 'reclaim-fs' ? USAGE6[v % USAGE6.length]! : USAGE4[v % USAGE4.length]!;
    const ops =
      era === 'debug' || era === 'early' ? ` OPS:${pad(1 + ((v * 7919) % 90000), 8)}` : '';
    const counts = era === 'no-prove' ? '' : ` FD:${pad(fd[v]!, 5)} BD:${pad(bd[v]!, 5)} ${usage}`;
    lines.push(`${keys[v]}${ops}${counts}: ${names[v]}`);
    if (!withDeps) continue;
    for (const w of out[v]!) lines.push(` -> [${keys[w]}] ${names[w]}`);
    lines.push('');
  }
  return {
    text: lines.join('\n') + '\n',
    classes: printed.map((v) => names[v]!),
    dependencies: withDeps ? shape.edges.map(([a, b]) => [names[a]!, names[b]!]) : [],
    cycles: withDeps ? shape.cycles.map((c) => c.map((v) => names[v]!)) : [],
  };
}

function pad(x: number, width: number): string {
  return String(x).padStart(width, ' ');
}

/**
 * FD/BD as lockdep counts them: classes reachable forwards/backwards, the class itself included.
 * Exact on the acyclic part (bitsets in rank order); planted back edges are left out of the count.
 */
function dependencyCounts(n: number, out: number[][]): { fd: number[]; bd: number[] } {
  const words = Math.ceil(n / 32);
  const count = (reverse: boolean): number[] => {
    const sets = new Uint32Array(n * words);
    const result = new Array<number>(n).fill(1);
    const order = reverse ? [...Array(n).keys()] : [...Array(n).keys()].reverse();
    const incoming: number[][] = Array.from({ length: n }, () => []);
    for (let a = 0; a < n; a++) for (const b of out[a]!) if (a < b) incoming[b]!.push(a);
    for (const v of order) {
      const base = v * words;
      sets[base + (v >>> 5)]! |= 1 << (v & 31);
      const from = reverse ? incoming[v]! : out[v]!.filter((w) => w > v);
      for (const w of from) {
        const wb = w * words;
        for (let k = 0; k < words; k++) sets[base + k]! |= sets[wb + k]!;
      }
      let bits = 0;
      for (let k = 0; k < words; k++) bits += popcount(sets[base + k]!);
      result[v] = bits;
    }
    return result;
  };
  return { fd: count(false), bd: count(true) };
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export interface ChainsDumpOptions {
  /** lock chains (default 300) */
  chains?: number;
  /** classes in the graph the chains walk (default 200) */
  classes?: number;
  seed?: number;
  /** "(buggered) all lock chains:" (chain hlocks ran out) */
  buggered?: boolean;
  /** pre-5.x kernels print irq_context as a number */
  numericContext?: boolean;
}

/**
 * /proc/lockdep_chains: each chain is a held-lock stack; its consecutive pairs are direct
 * dependencies (check_prevs_add adds prev -> next for the nearest held lock).
 */
export function generateLockdepChains(options: ChainsDumpOptions = {}): GeneratedGraph {
  const r = rng(options.seed ?? 2);
  const n = options.classes ?? 200;
  const names = lockdepClassNames(r, n);
  const shape = makeShape(r, names, n * 3, 1);
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of shape.edges) out[a]!.push(b);
  const keys = names.map(() => hexKey(r, true));
  const contexts = options.numericContext ? ['0', '1', '2', '3'] : ['0', 'softirq', 'hardirq'];
  const lines = [`${options.buggered ? '(buggered) ' : ''}all lock chains:`];
  const deps = new Map<string, [string, string]>();
  const used = new Set<string>();
  const chainCount = options.chains ?? 300;
  // the planted cycle's edges first, one two-lock chain each: no one stack holds a whole cycle
  const walks: number[][] = shape.cycles.flatMap((c) =>
    c.map((v, k) => [v, c[(k + 1) % c.length]!]),
  );
  while (walks.length < chainCount) {
    const walk = [Math.floor(r() * n)];
    const depth = 1 + Math.floor(r() * 6);
    while (walk.length < depth) {
      const next = out[walk[walk.length - 1]!]!;
      if (next.length === 0) break;
      walk.push(next[Math.floor(r() * next.length)]!);
    }
    walks.push(walk);
  }
  for (const walk of walks) {
    lines.push(`irq_context: ${r() < 0.85 ? contexts[0] : contexts[1 + Math.floor(r() * 2)]}`);
    for (let k = 0; k < walk.length; k++) {
      const v = walk[k]!;
      used.add(names[v]!);
      lines.push(`[${keys[v]}] ${names[v]}`);
      if (k > 0) {
        const pair: [string, string] = [names[walk[k - 1]!]!, names[v]!];
        deps.set(pair.join('\u0000'), pair);
      }
    }
    lines.push('');
  }
  return {
    text: lines.join('\n') + '\n',
    classes: [...used],
    dependencies: [...deps.values()],
    cycles: shape.cycles.map((c) => c.map((v) => names[v]!)),
  };
}

export interface WitnessGraphOptions {
  /** witnesses (default 120) */
  witnesses?: number;
  /** edges (default 3 per witness) */
  edges?: number;
  /** planted reversals (default 1) */
  cycles?: number;
  seed?: number;
  /** the `debug.witness.fullgraph: ` line sysctl(8) prints first (default true; -n drops it) */
  header?: boolean;
}

/** `sysctl debug.witness.fullgraph`: a DFS over every witness printing `"parent","child"` lines. */
export function generateWitnessFullgraph(options: WitnessGraphOptions = {}): GeneratedGraph {
  const r = rng(options.seed ?? 3);
  const n = options.witnesses ?? 120;
  const names = witnessNames(r, n);
  const shape = makeShape(r, names, options.edges ?? n * 3, options.cycles ?? 1);
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of shape.edges) out[a]!.push(b);
  for (const list of out) list.sort((a, b) => a - b); // w_rmatrix is walked in index order
  const lines = [options.header === false ? '' : 'debug.witness.fullgraph: '];
  const displayed = new Uint8Array(n);
  // witness_add_fullgraph recurses; an explicit stack keeps its print order
  for (let root = 0; root < n; root++) {
    const stack: [number, number][] = [];
    const visit = (w: number) => {
      if (displayed[w]) return;
      displayed[w] = 1;
      stack.push([w, 0]);
    };
    visit(root);
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const [w, k] = top;
      if (k >= out[w]!.length) {
        stack.pop();
        continue;
      }
      top[1]++;
      const child = out[w]![k]!;
      lines.push(`"${names[w]}","${names[child]}"`);
      visit(child);
    }
  }
  const classes = [...new Set(lines.slice(1).flatMap((l) => l.slice(1, -1).split('","')))];
  return {
    text: lines.join('\n') + '\n',
    classes,
    dependencies: shape.edges.map(([a, b]) => [names[a]!, names[b]!]),
    cycles: shape.cycles.map((c) => c.map((v) => names[v]!)),
  };
}
