import { describe, expect, it } from 'vitest';
import { generateLockdepDump } from '../../bench/lockgraph-dump';
import { parseText } from '../parse';
import { renderReportText } from './text';

describe('renderReportText on a lock-graph report', () => {
  it('summarises a whole-kernel dump in a few lines: counts, cycles, busiest classes', () => {
    const dump = generateLockdepDump({ classes: 3000, dependencies: 12000, cycles: 2, seed: 6 });
    const report = parseText(dump.text).reports[0]!;
    const text = renderReportText(report, { source: 'lockdep.txt' });
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('lock graph: 3000 classes, 12000 dependencies, 2 cycles');
    expect(lines[1]).toBe(
      '  proc-lockdep lock-graph (/proc/lockdep), lines 1-18000 of lockdep.txt',
    );
    expect(lines.length).toBeLessThan(20);
    for (const c of report.cycles!) expect(text).toContain([...c, c[0]].join(' -> '));
    expect(text).toMatch(/most connected classes[^\n]*\n {4}&rq->__lock {2}\d+ \/ 0\n/);
  });

  it('says when there is no cycle', () => {
    const report = parseText(
      'all lock classes:\nffffffff81000001 FD:    2 BD:    1 +.+.: a\n -> [ffffffff81000002] b\n\nffffffff81000002 FD:    1 BD:    2 +.+.: b\n',
    ).reports[0]!;
    expect(renderReportText(report)).toBe(
      [
        'lock graph: 2 classes, 1 dependency, 0 cycles',
        '  proc-lockdep lock-graph (/proc/lockdep), lines 1-5',
        '  no cycles: the recorded lock order is consistent',
        '  most connected classes (held before / taken after):',
        '    a  0 / 1',
        '    b  1 / 0',
        '',
      ].join('\n'),
    );
  });
});
