import { describe, expect, it } from 'vitest';
import { emptyReport } from '../model/report';
import type { Report } from '../model/types';
import { renderSummaryText, summariseReports } from './summary';

function circular(cycle: string[], title: string, start: number, end = start + 9): Report {
  return { ...emptyReport('linux-lockdep', 'circular-dependency', { start, end }), title, cycle };
}

describe('renderSummaryText', () => {
  const sourced = [
    { file: 'a.log', report: circular(['A', 'B'], 'possible deadlock in f', 10) },
    { file: 'a.log', report: circular(['X'], 'possible deadlock in\tx', 30, 30) },
    { file: 'b.log', report: circular(['B', 'A'], 'possible deadlock in g', 5) },
  ];
  const groups = summariseReports(sourced);

  it('prints one tab-separated line per group: count, key, title, occurrences', () => {
    expect(renderSummaryText(groups, false)).toBe(
      '2\tcycle: A | B\tpossible deadlock in f\t10-19,5-14\n' +
        '1\tcycle: X\tpossible deadlock in x\t30\n',
    );
    expect(renderSummaryText(groups, true).split('\n')[0]!.split('\t')[3]).toBe(
      'a.log:10-19,b.log:5-14',
    );
  });

  it('says where each occurrence is, by index into the reports', () => {
    expect(groups[0]!.occurrences).toEqual([
      { report: 0, file: 'a.log', lines: { start: 10, end: 19 }, title: 'possible deadlock in f' },
      { report: 2, file: 'b.log', lines: { start: 5, end: 14 }, title: 'possible deadlock in g' },
    ]);
  });

  it('never lets a field hold a tab or a line break', () => {
    const odd = summariseReports([{ file: 'x\ty', report: circular(['a\tb', 'c\nd'], 't\r', 1) }]);
    const line = renderSummaryText(odd, true);
    expect(line.split('\n')).toHaveLength(2);
    expect(line.split('\t')).toHaveLength(4);
  });
});
