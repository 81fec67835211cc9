import { describe, expect, it } from 'vitest';
import type { Frame, Scenario } from '../../src/model/types';
import {
  cycleText,
  formatLabel,
  frameText,
  isLockMachinery,
  lineRangeText,
  scenarioColumns,
  scenarioRows,
  stepText,
  whereTaken,
} from './report-text';

function frame(fn: string, extra: Partial<Frame> = {}): Frame {
  return {
    function: fn,
    offset: null,
    module: null,
    unreliable: false,
    file: null,
    line: null,
    address: null,
    ...extra,
  };
}

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

  it('writes a frame with its offset, module and source line', () => {
    expect(frameText(frame('lsdemo_ioctl', { offset: '0x6e/0x2c0', module: 'lsdemo' }))).toBe(
      'lsdemo_ioctl+0x6e/0x2c0 [lsdemo]',
    );
    expect(frameText(frame('f', { file: 'kernel/locking/lockdep.c', line: 3134 }))).toBe(
      'f kernel/locking/lockdep.c:3134',
    );
  });

  it('finds where a lock was taken below the lock primitives and unreliable frames', () => {
    const trace = [
      frame('__lock_acquire'),
      frame('lock_acquire.part.0'),
      frame('? lsdemo_guess', { unreliable: true }),
      frame('__mutex_lock.constprop.0'),
      frame('mutex_lock_nested'),
      frame('lsdemo_write_iter', { module: 'lsdemo' }),
      frame('vfs_write'),
    ];
    expect(whereTaken(trace)?.function).toBe('lsdemo_write_iter');
    expect(
      whereTaken([frame('witness_checkorder'), frame('_sx_xlock'), frame('lsdemo_strategy')])
        ?.function,
    ).toBe('lsdemo_strategy');
    expect(whereTaken([frame('lock_acquire')])?.function).toBe('lock_acquire');
    expect(whereTaken([frame('x', { unreliable: true })])?.function).toBe('x');
    expect(whereTaken([])).toBeNull();
  });

  it('tells lock machinery from callers', () => {
    expect(isLockMachinery('_raw_spin_lock_irqsave')).toBe(true);
    expect(isLockMachinery('down_write')).toBe(true);
    expect(isLockMachinery('lsdemo_fault')).toBe(false);
    expect(isLockMachinery('mutex_unlock_is_not_here_but_prefix')).toBe(false);
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
