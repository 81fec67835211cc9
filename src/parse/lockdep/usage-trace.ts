// The usage traces lockdep prints: "{IN-SOFTIRQ-W} state was registered at:" (print_usage_bug),
// "... which became %s-irq-safe at:" (print_bad_irq_dependency), and the class-header trees of
// print_lock_class_header() + print_shortest_lock_dependencies() ("-> (name){usage} {",
// "IN-HARDIRQ-W at:", "... key at:", "... acquired at:"), and 2.6.18's recursive trees.
import type { Dependency, Frame } from '../../model/types';
import { USAGE_BLOCK } from './content';
import { parseAtSite, parseClassName, type LockName } from './lock-line';
import type { LogicalLine } from './logical-lines';
import { readFrames } from './trace';
import { frameOf } from './content';

export interface UsageTrace {
  /** "IN-HARDIRQ-W", "HARDIRQ-ON-W", "INITIAL USE", 2.6.18 "in-hardirq-W" */
  bit: string;
  frames: Frame[];
}

export interface ClassNode extends LockName {
  depth: number;
  line: LogicalLine;
  usageTraces: UsageTrace[];
  /** "... key at:" symbol, e.g. "__key.8+0x0/0x40" */
  key: string | null;
  /** the "... acquired at:" trace printed under this node */
  acquired: Frame[];
  /** indent of that "... acquired at:" line (tree mode: the parent's depth) */
  acquiredIndent: number | null;
}

const HEADER = /^(\s*)->\s*(\(.*)$/;
const KEY = /^\s*\.\.\. key\s+at:\s*(.*)$/;
const ACQUIRED = /^(\s*)\.\.\. acquired at:\s*$/;

function indentOf(s: string): number {
  let n = 0;
  for (const c of s) n += c === '\t' ? 8 - (n % 8) : 1;
  return n;
}

/** The frames of a plain usage trace; the "..." line of "which became …-unsafe at:" is skipped. */
export function readUsageTrace(body: readonly LogicalLine[], glued = ''): Frame[] {
  const frames: Frame[] = [];
  // "...  [<ffffffff810bda61>] __lock_acquire+…": the first frame glued to the "..." line
  const first = glued.replace(/^\s*\.\.\.\s*/, '');
  if (first) {
    const f = frameOf(first);
    if (f) frames.push(f);
  }
  for (const { frame, line } of readFrames(body)) {
    void line;
    frames.push(frame);
  }
  return frames;
}

/** Class headers with their usage traces, key and acquired-at traces, in printed order. */
export function readClassTree(body: readonly LogicalLine[]): ClassNode[] {
  const nodes: ClassNode[] = [];
  let node: ClassNode | null = null;
  let target: Frame[] | null = null;
  for (const line of body) {
    const t = line.text;
    const h = HEADER.exec(t);
    if (h) {
      const cls = parseClassName(h[2]!);
      if (cls) {
        node = {
          name: cls.name,
          usage: cls.usage,
          waitType: cls.waitType,
          depth: indentOf(h[1]!),
          line,
          usageTraces: [],
          key: null,
          acquired: [],
          acquiredIndent: null,
        };
        nodes.push(node);
        target = null;
        continue;
      }
    }
    if (!node) continue;
    const u = USAGE_BLOCK.exec(t);
    if (u) {
      const trace: UsageTrace = { bit: u[1]!, frames: [] };
      node.usageTraces.push(trace);
      target = trace.frames;
      continue;
    }
    const k = KEY.exec(t);
    if (k) {
      node.key = parseAtSite(k[1]!).at;
      target = null;
      continue;
    }
    const a = ACQUIRED.exec(t);
    if (a) {
      node.acquiredIndent = indentOf(a[1]!);
      target = node.acquired;
      continue;
    }
    if (/^\s*\}\s*$/.test(t)) {
      target = null;
      continue;
    }
    const f = frameOf(t);
    if (f && target) target.push(f);
  }
  return nodes;
}

/**
 * The dependencies a printed path shows. print_shortest_lock_dependencies() prints from the leaf
 * (deepest) down to the root (depth 0); each node's "acquired at" trace is the edge between it and
 * the node printed after it. `direction` says which way the search ran: 'forward' from the root
 * along locks_after (root → … → leaf), 'backward' along locks_before (leaf → … → root).
 * 2.6.18's recursive trees (depth growing) give parent → child edges.
 */
export function pathDependencies(
  nodes: readonly ClassNode[],
  direction: 'forward' | 'backward',
): Dependency[] {
  const deps: Dependency[] = [];
  if (nodes.length < 2) return deps;
  const decreasing = nodes.every((n, i) => i === 0 || n.depth < nodes[i - 1]!.depth);
  if (decreasing) {
    for (let i = 0; i + 1 < nodes.length; i++) {
      const a = nodes[i]!;
      const b = nodes[i + 1]!;
      const [prev, next] = direction === 'forward' ? [b.name, a.name] : [a.name, b.name];
      deps.push({ prev, next, trace: a.acquired, chainEntry: null, isNew: false });
    }
    return deps;
  }
  // recursive tree: a node's parent is the nearest earlier node one level up
  for (let i = 1; i < nodes.length; i++) {
    const n = nodes[i]!;
    for (let p = i - 1; p >= 0; p--) {
      if (nodes[p]!.depth < n.depth) {
        deps.push({
          prev: nodes[p]!.name,
          next: n.name,
          trace: [],
          chainEntry: null,
          isNew: false,
        });
        break;
      }
    }
  }
  return deps;
}
