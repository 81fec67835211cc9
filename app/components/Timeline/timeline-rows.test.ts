import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../../src/parse/index';
import { splitGoldenFile } from '../../../src/parse/summary';
import { GOLDEN_ROOT } from '../../../src/parse/testdata/golden-files';
import { deriveScenarios, replay, type Scenario } from '../../../src/scenario';
import { timelineRows } from './timeline-rows';

function scenarios(path: string): Scenario[] {
  const body = splitGoldenFile(readFileSync(join(GOLDEN_ROOT, path), 'utf8')).body;
  return deriveScenarios(parseText(body).reports[0]!);
}

function rowsOf(s: Scenario, schedule = s.schedule) {
  return timelineRows(s, replay(s, schedule).states);
}

describe('timelineRows', () => {
  it('writes each step of the seven-CPU run with the frame that takes the lock', () => {
    const [full] = scenarios('lockdep/circular-7-entry-4.14-no-instance.txt');
    const rows = rowsOf(full!);
    expect(rows).toHaveLength(14);
    expect(rows.map((r) => r.cpu)).toEqual([0, 1, 2, 3, 4, 5, 6, 0, 1, 2, 3, 4, 5, 6]);
    expect(rows[10]).toMatchObject({
      text: 'rlock(&mm->mmap_sem)',
      where: 'cpufreq_sysfs_show()',
      whereIsOwn: true,
      outcome: 'waits',
    });
    expect(rows[6]).toMatchObject({ outcome: 'took', whereIsOwn: true, added: false });
    expect(rows[4]).toMatchObject({ where: 'cpufreq_sysfs_show()', whereIsOwn: false });
  });

  it('marks the step lockdep\'s table leaves to "Chain exists of:"', () => {
    const table = scenarios('lockdep/circular-7-entry-4.14-no-instance.txt')[1]!;
    const rows = rowsOf(table);
    expect(rows.map((r) => r.added)).toEqual([false, false, false, false, true]);
    expect(rows[4]!.via).toMatch(/ --> /);
  });

  it('writes interrupts as lockdep does, and the steps that release', () => {
    const [s] = scenarios('lockdep/inconsistent-2.6.18-old-usage-names.txt');
    expect(rowsOf(s!).map((r) => [r.text, r.inInterrupt])).toEqual([
      ['lock(&card->irq_lock)', false],
      ['<Interrupt>', false],
      ['lock(&card->irq_lock)', true],
    ]);
    const serial = s!.cpus[0]!.ops.map(() => '0').join('');
    expect(rowsOf(s!, serial.slice(0, 1)).map((r) => r.outcome)).toEqual(['took']);
  });
});
