// `sysctl debug.witness.fullgraph` written by hand from witness_add_fullgraph()'s format.
import { describe, expect, it } from 'vitest';
import { generateWitnessFullgraph } from '../../../bench/lockgraph-dump';
import type { Report } from '../../model/types';
import { parseText } from '../index';
import { parseEdge } from './witness-fullgraph';

function only(text: string): Report {
  const out = parseText(text);
  expect(out.reports).toHaveLength(1);
  return out.reports[0]!;
}
const edges = (r: Report) => r.dependencies.map((d) => `${d.prev} -> ${d.next}`);

describe('debug.witness.fullgraph', () => {
  it('reads "parent","child" lines after the sysctl name, names with spaces and parentheses kept', () => {
    const r = only(
      [
        '# sysctl debug.witness.fullgraph',
        'debug.witness.fullgraph: ',
        '"Giant","pipe mutex"',
        '"pipe mutex","vm map (user)"',
        '"vm map (user)","vm object"',
        '"Giant","vm object"',
        '"vm object","vm map (user)"',
        '# ',
      ].join('\n'),
    );
    expect(r.format).toBe('witness-graph');
    expect(r.kind).toBe('lock-graph');
    expect(edges(r)).toEqual([
      'Giant -> pipe mutex',
      'pipe mutex -> vm map (user)',
      'vm map (user) -> vm object',
      'Giant -> vm object',
      'vm object -> vm map (user)',
    ]);
    expect(r.classes.map((c) => [c.name, c.witnessType])).toEqual([
      ['Giant', 'Giant'],
      ['pipe mutex', 'pipe mutex'],
      ['vm map (user)', 'vm map (user)'],
      ['vm object', 'vm object'],
    ]);
    expect(r.cycles).toEqual([['vm map (user)', 'vm object']]);
    expect(r.lines).toEqual({ start: 2, end: 7 });
    expect(r.title).toBe('lock graph: 4 classes, 5 dependencies, 1 cycle');
  });

  it('reads `sysctl -n` output (no name) and the first edge glued to the name', () => {
    expect(edges(only('\n"Giant","pipe mutex"\n"pipe mutex","ufs"\n'))).toEqual([
      'Giant -> pipe mutex',
      'pipe mutex -> ufs',
    ]);
    expect(edges(only('debug.witness.fullgraph: "Giant","ufs"\n'))).toEqual(['Giant -> ufs']);
  });

  it('says what the sysctl printed instead of a graph', () => {
    const out = parseText('debug.witness.fullgraph: \nWitness is still cold\n');
    const messages = [...out.diagnostics, ...out.reports.flatMap((r) => r.diagnostics ?? [])].map(
      (d) => d.message,
    );
    expect(messages.join('\n')).toMatch(/Witness is still cold/);
  });

  it('a lone quoted pair is not a graph', () => {
    expect(parseText('"a","b"\n').reports).toEqual([]);
  });

  it('parseEdge is strict about the quoting', () => {
    expect(parseEdge('"a","b"')).toEqual(['a', 'b']);
    expect(parseEdge('  "zfsvfs->z_hold_mtx[i]","dn->dn_mtx"  ')).toEqual([
      'zfsvfs->z_hold_mtx[i]',
      'dn->dn_mtx',
    ]);
    for (const bad of ['"a", "b"', '"a","b', 'a","b"', '"","b"', '"a",""', '"a"'])
      expect(parseEdge(bad)).toBeNull();
  });

  it('a generated fullgraph gives the edges and the planted cycle of the generator', () => {
    const g = generateWitnessFullgraph({ witnesses: 80, edges: 240, seed: 9 });
    const r = only(g.text);
    expect(new Set(edges(r))).toEqual(new Set(g.dependencies.map(([a, b]) => `${a} -> ${b}`)));
    // one cycle per planted tangle (the shortest in it, which may not be the planted one)
    expect(r.cycles).toHaveLength(g.cycles.length);
    const deps = new Set(edges(r));
    r.cycles!.forEach((c, k) => {
      c.forEach((v, i) => expect(deps.has(`${v} -> ${c[(i + 1) % c.length]}`)).toBe(true));
      expect(c.some((v) => g.cycles[k]!.includes(v))).toBe(true);
    });
  });
});
