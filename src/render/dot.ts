// Reports as a Graphviz digraph: one node per lock class, one edge per dependency prev -> next.
// Several reports merge into one lock graph, since a lock has the same name in every report.
import type { Report } from '../model/types';
import { firstInterestingFrame, formatFrame } from '../model/frame';

export interface DotOptions {
  /** the graph's label; defaults to the title when there is one report */
  label?: string;
}

interface NodeInfo {
  inCycle: boolean;
  held: boolean;
  usage: string | null;
}

interface EdgeInfo {
  prev: string;
  next: string;
  inCycle: boolean;
  isNew: boolean;
  entries: Set<string>;
  at: string | null;
}

const WRAP = 32;

export function renderDot(reports: readonly Report[], opts: DotOptions = {}): string {
  const nodes = new Map<string, NodeInfo>();
  const edges = new Map<string, EdgeInfo>();
  const node = (name: string): NodeInfo => {
    let n = nodes.get(name);
    if (!n) nodes.set(name, (n = { inCycle: false, held: false, usage: null }));
    return n;
  };
  const edge = (prev: string, next: string): EdgeInfo => {
    node(prev);
    node(next);
    const key = `${prev}\u0000${next}`;
    let e = edges.get(key);
    if (!e)
      edges.set(
        key,
        (e = { prev, next, inCycle: false, isNew: false, entries: new Set(), at: null }),
      );
    return e;
  };

  for (const r of reports) {
    for (const c of r.classes) node(c.name).usage ??= c.usage;
    for (const d of r.dependencies) {
      const e = edge(d.prev, d.next);
      e.isNew ||= d.isNew;
      if (d.chainEntry !== null) e.entries.add(`#${d.chainEntry}`);
      const frame = firstInterestingFrame(d.trace);
      e.at ??= frame ? formatFrame(frame) : null;
    }
    const cycle = r.cycle ?? [];
    cycle.forEach((name, i) => {
      const e = edge(name, cycle[(i + 1) % cycle.length]!);
      e.inCycle = true;
      node(name).inCycle = true;
    });
    for (const h of r.heldLocks ?? []) node(h.class).held = true;
  }

  const out: string[] = ['digraph lockscope {'];
  reports.forEach((r, i) =>
    out.push(`  // report ${i + 1}: ${oneLine(r.title)} (lines ${r.lines.start}-${r.lines.end})`),
  );
  const label = opts.label ?? (reports.length === 1 ? reports[0]!.title : undefined);
  out.push(
    '  graph [labelloc=t, fontname="monospace"' +
      (label ? `, label=${dotLabel(label, 100)}` : '') +
      '];',
  );
  out.push('  node [shape=box, fontname="monospace", fontsize=10];');
  out.push('  edge [fontname="monospace", fontsize=9];');
  for (const [name, n] of nodes) {
    const attrs = [`label=${dotLabel(name, WRAP)}`];
    if (n.usage !== null) attrs.push(`tooltip=${dotQuote(`${name} {${n.usage}}`)}`);
    if (n.inCycle) attrs.push('color="red"', 'penwidth=2');
    if (n.held) attrs.push('style=filled', 'fillcolor="lightyellow"');
    out.push(`  ${dotQuote(name)} [${attrs.join(', ')}];`);
  }
  for (const e of edges.values()) {
    const attrs: string[] = [];
    const text = [...e.entries].slice(0, 3).join(' ') + (e.isNew ? ' new' : '');
    if (text.trim()) attrs.push(`label=${dotQuote(text.trim())}`);
    if (e.at) attrs.push(`tooltip=${dotQuote(`at ${e.at}`)}`);
    if (e.inCycle) attrs.push('color="red"', 'penwidth=2');
    // The new edge is the acquisition lockdep caught in the act: dashed, as "trying to acquire".
    if (e.isNew) attrs.push('style="bold,dashed"');
    out.push(
      `  ${dotQuote(e.prev)} -> ${dotQuote(e.next)}${attrs.length ? ` [${attrs.join(', ')}]` : ''};`,
    );
  }
  out.push('}');
  return out.join('\n') + '\n';
}

/**
 * A DOT double-quoted string. Inside one only `\"` is an escape for the parser, but a trailing
 * backslash would swallow the closing quote and labels read `\n`, `\l`, `\N` as escapes, so every
 * backslash is doubled too. Newlines and other control characters become spaces.
 */
export function dotQuote(text: string): string {
  return `"${escapeDot(text)}"`;
}

/** A label wrapped at punctuation into lines of about `width` characters, centred. */
export function dotLabel(text: string, width: number): string {
  return `"${wrapName(oneLine(text), width).map(escapeDot).join('\\n')}"`;
}

function escapeDot(text: string): string {
  return oneLine(text).replace(/[\\"]/g, (c) => `\\${c}`);
}

function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}

/**
 * Splits after `->`, `)`, `,` or a space if it can, else after `.`, `/`, `_`, so that
 * "&sb->s_type->i_mutex_key#5" breaks where a reader would.
 */
export function wrapName(text: string, width: number): string[] {
  const lines: string[] = [];
  let rest = text;
  while (rest.length > width) {
    const cut = lastBreak(rest, width, '>), ') ?? lastBreak(rest, width, './_') ?? width;
    lines.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  lines.push(rest);
  return lines;
}

function lastBreak(text: string, width: number, after: string): number | null {
  for (let i = width; i >= Math.max(1, Math.floor(width / 3)); i--) {
    if (after.includes(text[i - 1]!)) return i;
  }
  return null;
}
