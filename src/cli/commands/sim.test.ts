import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIM_EXAMPLES } from '../../sim';
import { commandRunner, tempFolder } from '../testing';

const { dir, file } = tempFolder('sim');
const source = (id: string) => SIM_EXAMPLES.find((e) => e.id === id)!.source;
const abba = file('abba.c', source('abba'));
const fixed = file('fixed.c', source('abba-fixed'));
const philosophers = file('philosophers.c', source('philosophers'));
const broken = file('broken.c', 'DEFINE_MUTEX(a);\nthread T1 {\n  mutex_lock(&a)\n}\n');

const run = commandRunner('sim');

describe('lockscope sim', () => {
  it('prints each deadlock with its shortest schedule and cycle, and exits 1', async () => {
    const r = await run([abba]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('1. Circular wait: T1 -> T2 -> T1 on a, b');
    expect(r.stdout).toContain('  1. T1: mutex_lock(&a)  (line 6)');
    expect(r.stdout).toContain('  4. T2: mutex_lock(&a) waits: a is held by T1  (line 14)');
    expect(r.stdout).toContain('Cycle: a -> b -> a');
    expect(r.stdout).toMatch(
      /1 deadlock possible: every interleaving explored \(\d+ states explored\)\./,
    );
    expect(r.stderr).toBe('');
  });

  it('exits 0 when no deadlock is possible', async () => {
    const r = await run([fixed]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^No deadlock is possible: every interleaving explored/);
  });

  it('--json gives the findings with reports and traces', async () => {
    const r = await run(['--json', abba]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.schema).toBe('lockscope.sim/v1');
    expect(out.complete).toBe(true);
    expect(out.deadlocks[0].cycle).toEqual(['a', 'b']);
    expect(out.deadlocks[0].report.format).toBe('lockscope-trace');
    expect(out.deadlocks[0].trace.length).toBeGreaterThan(0);
  });

  it('--budget stops the search and says so', async () => {
    const r = await run(['--budget', '50', philosophers]);
    expect(r.stdout).toContain('Stopped at the state budget (50 states)');
    const j = JSON.parse((await run(['--json', '--budget=50', philosophers])).stdout);
    expect(j.complete).toBe(false);
    expect(j.stateBudget).toBe(50);
  });

  it('reads stdin for -', async () => {
    const r = await run(['-'], source('aa'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Self-deadlock: T1 takes dev_lock twice');
  });

  it('prints program errors like a compiler and exits 2', async () => {
    const r = await run([broken]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `${broken}:3:17: expected ';' after mutex_lock(…), found '}'\nlockscope: 1 error in ${broken}\n`,
    );
    expect(r.stdout).toBe('');
  });

  it('usage errors exit 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([abba, fixed])).code).toBe(2);
    const bad = await run(['--budget', 'lots', abba]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      "--budget needs a whole number of states, at least 1 (got 'lots')",
    );
    expect((await run([join(dir, 'missing.c')])).code).toBe(2);
  });
});
