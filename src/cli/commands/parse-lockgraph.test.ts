// `lockscope parse` on whole-kernel dumps, with the real parser: --json carries every class,
// dependency and cycle; --text stays a summary.
import { describe, expect, it } from 'vitest';
import {
  generateLockdepChains,
  generateLockdepDump,
  generateWitnessFullgraph,
} from '../../../bench/lockgraph-dump';
import type { Report } from '../../model/types';
import { commandRunner } from '../testing';

const run = commandRunner('parse');
/** `lockscope parse <argv…> -` with the dump on stdin */
const parse = (argv: string[], stdin: string) => run([...argv, '-'], stdin);

describe('lockscope parse on a lock graph dump', () => {
  it('--json prints one lock-graph report with every class, dependency and cycle', async () => {
    const g = generateLockdepDump({ classes: 8000, dependencies: 32000, cycles: 2, seed: 21 });
    const r = await parse(['--json'], g.text);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { reports: Report[] };
    expect(out.reports).toHaveLength(1);
    const report = out.reports[0]!;
    expect(report).toMatchObject({ format: 'proc-lockdep', kind: 'lock-graph' });
    expect(report.classes).toHaveLength(8000);
    expect(report.dependencies).toHaveLength(32000);
    expect(report.dependencies[0]).toEqual({
      prev: g.dependencies.find(([a]) => a === g.classes[0])![0],
      next: expect.any(String),
      trace: [],
      chainEntry: null,
      isNew: false,
    });
    expect(report.cycles).toHaveLength(2);
    expect(report.cycle).toEqual(report.cycles![0]);
  });

  it('--text is a summary, not one line per dependency', async () => {
    const g = generateLockdepDump({ classes: 8000, dependencies: 32000, seed: 21 });
    const r = await parse(['--text'], g.text);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n').length).toBeLessThan(25);
    expect(r.stdout).toMatch(/^lock graph: 8000 classes, 32000 dependencies, 2 cycles\n/);
  });

  it('reads lockdep_chains and the witness fullgraph the same way', async () => {
    const chains = await parse(['--json'], generateLockdepChains().text);
    const fullgraph = await parse(['--json'], generateWitnessFullgraph().text);
    const kind = (s: string) =>
      (JSON.parse(s) as { reports: Report[] }).reports.map((x) => `${x.format} ${x.kind}`);
    expect(kind(chains.stdout)).toEqual(['proc-lockdep lock-graph']);
    expect(kind(fullgraph.stdout)).toEqual(['witness-graph lock-graph']);
  });
});
