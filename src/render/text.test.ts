import { describe, expect, it } from 'vitest';
import { circularReport, LIST, QUEUE, STATE } from './fixtures';
import { renderReportText, renderScenario, safe } from './text';

describe('renderReportText', () => {
  const text = renderReportText(circularReport(), { source: 'kern.log', index: 1, total: 2 });

  it('heads the report with its title, kind, lines, kernel and task', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe('report 1 of 2: possible deadlock in frob_update');
    expect(lines[1]).toBe('  linux-lockdep circular-dependency, lines 1-69 of kern.log');
    expect(text).toContain('  kernel   6.1.0-frob+\n');
    expect(text).toContain('  task     frobd/812\n');
  });

  it('writes the cycle closed, A -> B -> C -> A', () => {
    expect(text).toContain(`  cycle    ${STATE} -> ${LIST} -> ${QUEUE} -> ${STATE}\n`);
  });

  it('lists held locks with where they were taken', () => {
    expect(text).toContain(
      `  held     #0 ${QUEUE} (ffff888012345700), at frob_flush+0x18/0x60 [frob]\n`,
    );
  });

  it('shows each dependency with its chain entry and first frame past the lock machinery', () => {
    expect(text).toContain(
      `    #2  ${LIST} -> ${QUEUE}\n          at frob_flush+0x18/0x60 [frob]\n`,
    );
    expect(text).toContain(
      `    #1  ${STATE} -> ${LIST}\n          at frob_register+0x44/0x120 [frob]\n`,
    );
    expect(text).toContain(
      `    #0  ${QUEUE} -> ${STATE}  (new)\n          at frob_update+0x2a/0x90 [frob]\n`,
    );
    expect(text).toContain('  trace    frob_update+0x2a/0x90 [frob] (11 frames)\n');
  });

  it('prints per-report notes with their line numbers', () => {
    const r = {
      ...circularReport(),
      diagnostics: [{ line: 40, severity: 'warning' as const, message: 'scenario cut short' }],
    };
    expect(renderReportText(r)).toContain('  notes:\n    line 40: warning: scenario cut short\n');
  });

  it('leaves out what the report does not have, and says "truncated"', () => {
    const r = {
      ...circularReport(),
      kernel: null,
      task: null,
      cycle: null,
      scenario: null,
      heldLocks: null,
      dependencies: [],
      trace: [],
      truncated: true,
    };
    const t = renderReportText(r);
    expect(t).not.toMatch(/kernel|task|cycle|held|dependencies|scenario/);
    expect(t).toContain('(truncated)');
    expect(t).toContain(`  classes  ${STATE}{+.+.}, ${QUEUE}{+.+.}, ${LIST}{+.+.}\n`);
  });
});

describe('renderScenario', () => {
  it('lays steps out in one column per CPU, as lockdep does', () => {
    // The CPU1 column starts 4 spaces past the longest CPU0 step, "lock(&frob->queue_mutex);".
    const col = ' '.repeat(`lock(${QUEUE});`.length + 4);
    expect(renderScenario(circularReport().scenario!)).toEqual([
      'CPU0'.padEnd(col.length) + 'CPU1',
      '----'.padEnd(col.length) + '----',
      `lock(${QUEUE});`,
      `${col}lock(${LIST});`,
      `${col}lock(${QUEUE});`,
      `lock(${STATE});`,
    ]);
  });

  it('writes interrupts and irq-disable the kernel way, nested steps indented', () => {
    const lines = renderScenario({
      cpus: ['CPU0'],
      steps: [
        { cpu: 0, op: 'lock', class: 'A', inInterrupt: false },
        { cpu: 0, op: 'interrupt', class: null, inInterrupt: false },
        { cpu: 0, op: 'lock', class: 'A', inInterrupt: true },
      ],
    });
    expect(lines.slice(2)).toEqual(['lock(A);', '<Interrupt>', '  lock(A);']);
  });

  it('survives a CPU index the table does not name', () => {
    const lines = renderScenario({
      cpus: [],
      steps: [{ cpu: 1e9, op: 'rlock', class: 'B', inInterrupt: false }],
    });
    expect(lines.at(-1)?.trim()).toBe('rlock(B);');
    expect(lines.length).toBe(3);
  });
});

it('safe() keeps terminal escape sequences in lock names from reaching the terminal', () => {
  expect(safe('evil\u001b[2Jname\r')).toBe('evil\ufffd[2Jname\ufffd');
  expect(safe('tab\tok é')).toBe('tab\tok é');
});
