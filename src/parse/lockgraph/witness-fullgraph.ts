// FreeBSD `sysctl debug.witness.fullgraph` (sysctl_debug_witness_fullgraph and
// witness_add_fullgraph in sys/kern/subr_witness.c): a DFS over every witness printing each
// direct order once as "parent","child" — witness type names, parent acquired first.
//
//   debug.witness.fullgraph:          (sysctl(8) prints the name; the value starts with "\n")
//   "Giant","pipe mutex"
//   "vm map (user)","vm object"
import type { CleanLine } from '../clean/types';
import type { ParsedReport } from '../format';
import { GraphBuilder } from './graph-builder';

const HEADER = /^\s*debug\.witness\.fullgraph:\s?/;
// what the sysctl returns instead of a graph (w_notrunning, w_stillcold, w_notallowed)
const REFUSALS = [
  'Witness not running',
  'Witness is still cold',
  'The sysctl is disabled on the arch',
];

/** ["parent", "child"] of a `"parent","child"` line; null for anything else. Linear: no regex. */
export function parseEdge(text: string): [string, string] | null {
  const a = skipSpaces(text, 0);
  let b = text.length;
  while (b > a && text.charCodeAt(b - 1) <= 32) b--;
  if (b - a < 5 || text.charCodeAt(a) !== 34 || text.charCodeAt(b - 1) !== 34) return null;
  const mid = text.indexOf('","', a + 1);
  if (mid < 0 || mid + 3 > b - 1) return null;
  const parent = text.slice(a + 1, mid);
  const child = text.slice(mid + 3, b - 1);
  if (parent === '' || child === '') return null;
  return [parent, child];
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) <= 32) i++;
  return i;
}

export function sniffWitnessFullgraph(lines: readonly CleanLine[], i: number): boolean {
  const text = lines[i]!.text;
  if (HEADER.test(text)) return true;
  // `sysctl -n` drops the name: two edge lines in a row are enough
  return (
    text.charCodeAt(skipSpaces(text, 0)) === 34 &&
    parseEdge(text) !== null &&
    i + 1 < lines.length &&
    parseEdge(lines[i + 1]!.text) !== null
  );
}

export function parseWitnessFullgraph(lines: readonly CleanLine[], start: number): ParsedReport {
  const g = new GraphBuilder(true);
  let last = start;
  let i = start;
  let refusal: string | null = null;
  const head = HEADER.exec(lines[i]!.text);
  if (head) {
    // the first edge may share the line when the sysctl's leading newline was lost
    const rest = lines[i]!.text.slice(head[0].length).trim();
    const edge = parseEdge(rest);
    if (edge) add(g, edge, lines[i]!.origin);
    else if (REFUSALS.includes(rest)) refusal = rest;
    i++;
  }
  for (; i < lines.length && refusal === null; i++) {
    const text = lines[i]!.text;
    if (text === '') {
      // the value begins with a newline: a blank right after the name belongs to it
      if (g.dependencies.length === 0 && head) continue;
      // edges never have blank lines between them; a blank line ends the graph
      break;
    }
    const trimmed = text.trim();
    if (head && g.dependencies.length === 0 && REFUSALS.includes(trimmed)) {
      refusal = trimmed;
      last = i;
      break;
    }
    const edge = parseEdge(text);
    if (!edge) break;
    add(g, edge, lines[i]!.origin);
    last = i;
  }
  if (refusal !== null) {
    g.note(lines[last]!.origin, 'error', `the sysctl printed no graph: "${refusal}"`);
  }
  const report = g.finish('witness-graph', lines, start, last, {
    source: 'debug.witness.fullgraph',
  });
  // the fullgraph names witnesses (w_name), the nodes WITNESS orders by
  for (const c of report.classes) c.witnessType = c.name;
  report.usageEra = null;
  return { report, end: last + 1 };
}

function add(g: GraphBuilder, [parent, child]: [string, string], line: number): void {
  g.addClass(parent, null, line);
  g.addClass(child, null, line);
  g.addDependency(parent, child);
}
