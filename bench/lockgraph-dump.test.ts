import { describe, expect, it } from 'vitest';
import {
  generateLockdepChains,
  generateLockdepDump,
  generateWitnessFullgraph,
} from './lockgraph-dump';

describe('generateLockdepDump', () => {
  it('is a pure function of its options and seed', () => {
    const a = generateLockdepDump({ classes: 300, dependencies: 1200, seed: 7 });
    const b = generateLockdepDump({ classes: 300, dependencies: 1200, seed: 7 });
    const c = generateLockdepDump({ classes: 300, dependencies: 1200, seed: 8 });
    expect(a.text).toBe(b.text);
    expect(a.text).not.toBe(c.text);
  });

  it('prints every class once and every dependency as a " -> [key] name" line', () => {
    const g = generateLockdepDump({ classes: 500, dependencies: 2000, cycles: 3, seed: 2 });
    expect(new Set(g.classes).size).toBe(500);
    expect(g.dependencies).toHaveLength(2000);
    expect(g.cycles).toHaveLength(3);
    const lines = g.text.split('\n');
    expect(lines[0]).toBe('all lock classes:');
    expect(lines.filter((l) => / FD: *\d+ BD: *\d+ [-+?.]{4}: /.test(l))).toHaveLength(500);
    expect(lines.filter((l) => /^ -> \[[0-9a-f]{16}\] /.test(l))).toHaveLength(2000);
    // each planted cycle is closed by a dependency
    const deps = new Set(g.dependencies.map(([a, b]) => `${a}\0${b}`));
    for (const c of g.cycles)
      c.forEach((v, i) => expect(deps.has(`${v}\0${c[(i + 1) % c.length]}`)).toBe(true));
  });

  it('writes the older eras', () => {
    const early = generateLockdepDump({ classes: 20, dependencies: 40, era: 'early' }).text;
    expect(early).not.toContain('->');
    expect(early.split('\n')[0]).toMatch(/^[0-9a-f]{16} OPS: +\d+ FD: +\d+ BD: +\d+ [-+?.]{4}: /);
    const six = generateLockdepDump({ classes: 20, dependencies: 40, era: 'reclaim-fs' }).text;
    expect(six.split('\n')[1]).toMatch(/ [-+?.]{6}: /);
    const hashed = generateLockdepDump({ classes: 20, dependencies: 40, hashed: true }).text;
    expect(hashed.split('\n')[1]).toMatch(/^00000000[0-9a-f]{8} FD:/);
    const noProve = generateLockdepDump({ classes: 20, dependencies: 40, era: 'no-prove' }).text;
    expect(noProve.split('\n')[1]).toMatch(/^[0-9a-f]{16}: \S/);
  });
});

describe('generateLockdepChains / generateWitnessFullgraph', () => {
  it('chains hold the planted cycle, one dependency per consecutive pair', () => {
    const g = generateLockdepChains({ chains: 50, classes: 40 });
    expect(g.text.startsWith('all lock chains:\nirq_context: ')).toBe(true);
    const deps = new Set(g.dependencies.map(([a, b]) => `${a}\0${b}`));
    for (const c of g.cycles)
      c.forEach((v, i) => expect(deps.has(`${v}\0${c[(i + 1) % c.length]}`)).toBe(true));
  });

  it('fullgraph prints "parent","child" lines after the sysctl name', () => {
    const g = generateWitnessFullgraph({ witnesses: 30, edges: 60 });
    const lines = g.text.trimEnd().split('\n');
    expect(lines[0]).toBe('debug.witness.fullgraph: ');
    expect(lines.slice(1).every((l) => /^"[^"]+","[^"]+"$/.test(l))).toBe(true);
    expect(new Set(lines.slice(1)).size).toBe(g.dependencies.length);
  });
});
