import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/model/types';
import {
  cycleText,
  formatLabel,
  lineRangeText,
  scenarioColumns,
  scenarioRows,
  stepText,
} from './report-text';

describe('report text', () => {
  it('writes the cycle back to its start', () => {
    expect(cycleText(['A', 'B', 'C'])).toBe('A → B → C → A');
    expect(cycleText(['&x->lock'])).toBe('&x->lock → &x->lock');
    expect(cycleText([])).toBe('');
  });

  it('writes line ranges as the page shows them', () => {
    expect(lineRangeText({ start: 12, end: 80 })).toBe('L12–L80');
    expect(lineRangeText({ start: 7, end: 7 })).toBe('L7');
  });

  it('lays the scenario out one column per CPU, as lockdep prints it', () => {
    const scenario: Scenario = {
      cpus: ['CPU0', 'CPU1'],
      steps: [
        { cpu: 0, op: 'lock', class: 'B', inInterrupt: false },
        { cpu: 1, op: 'lock', class: 'A', inInterrupt: false },
        { cpu: 1, op: 'irq-disable', class: null, inInterrupt: false },
        { cpu: 0, op: 'interrupt', class: null, inInterrupt: false },
        { cpu: 0, op: 'rlock', class: 'A', inInterrupt: true },
      ],
    };
    expect(scenarioColumns(scenario)).toEqual(['CPU0', 'CPU1']);
    expect(scenarioRows(scenario).map((r) => r.cells)).toEqual([
      ['lock(B)', null],
      [null, 'lock(A)'],
      [null, 'local_irq_disable()'],
      ['<Interrupt>', null],
      ['rlock(A)', null],
    ]);
    expect(scenarioRows(scenario)[4]!.inInterrupt).toBe(true);
    expect(stepText({ cpu: 0, op: 'sync', class: 'set->srcu', inInterrupt: false })).toBe(
      'sync(set->srcu)',
    );
  });

  it('adds a column when a step names a CPU the header did not', () => {
    const scenario: Scenario = {
      cpus: ['CPU0'],
      steps: [{ cpu: 1, op: 'lock', class: 'A', inInterrupt: false }],
    };
    expect(scenarioColumns(scenario)).toEqual(['CPU0', 'CPU1']);
    expect(scenarioRows(scenario)[0]!.cells).toEqual([null, 'lock(A)']);
  });

  it('names formats for people', () => {
    expect(formatLabel('linux-lockdep')).toBe('Linux lockdep');
    expect(formatLabel('freebsd-witness')).toBe('FreeBSD WITNESS');
  });
});
