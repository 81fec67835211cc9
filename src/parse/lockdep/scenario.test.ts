import { describe, expect, it } from 'vitest';
import type { LogicalLine } from './logical-lines';
import { readScenario } from './scenario';

const L = (texts: string[]): LogicalLine[] =>
  texts.map((text, i) => ({ text, from: i, to: i, origin: i + 1, originEnd: i + 1 }));

describe('readScenario', () => {
  it('reads a pristine circular table by column', () => {
    const r = readScenario(
      L([
        '',
        '       CPU0                    CPU1',
        '       ----                    ----',
        '  lock(&dev_priv->mm_lock);',
        '                               lock(&mm->mmap_sem);',
        '                               lock(&dev_priv->mm_lock);',
        '  lock(cpu_hotplug_lock.rw_sem);',
      ]),
      'circular',
    )!;
    expect(r.guessed).toBe(false);
    expect(r.scenario).toEqual({
      cpus: ['CPU0', 'CPU1'],
      steps: [
        { cpu: 0, op: 'lock', class: '&dev_priv->mm_lock', inInterrupt: false },
        { cpu: 1, op: 'lock', class: '&mm->mmap_sem', inInterrupt: false },
        { cpu: 1, op: 'lock', class: '&dev_priv->mm_lock', inInterrupt: false },
        { cpu: 0, op: 'lock', class: 'cpu_hotplug_lock.rw_sem', inInterrupt: false },
      ],
    });
  });

  it('reads rlock/sync and names with parentheses', () => {
    const r = readScenario(
      L([
        '  rlock((work_completion)(&(&wb->dwork)->work));',
        '                               lock(&q->q_usage_counter(io)#55);',
        '                               lock((work_completion)(&(&wb->dwork)->work));',
        '  sync(set->srcu);',
      ]),
      'circular',
    )!;
    expect(r.scenario.steps.map((s) => [s.cpu, s.op, s.class])).toEqual([
      [0, 'rlock', '(work_completion)(&(&wb->dwork)->work)'],
      [1, 'lock', '&q->q_usage_counter(io)#55'],
      [1, 'lock', '(work_completion)(&(&wb->dwork)->work)'],
      [0, 'sync', 'set->srcu'],
    ]);
  });

  it('puts the interrupt and the lock inside it on CPU0 with broken alignment', () => {
    const r = readScenario(
      L([
        'CPU0 CPU1',
        '---- ----',
        'lock(&new->fa_lock);',
        ' local_irq_disable();',
        ' lock(&dev->event_lock);',
        ' lock(&client->buffer_lock);',
        '<Interrupt>',
        '  lock(&dev->event_lock);',
      ]),
      'irq',
    )!;
    expect(r.guessed).toBe(true);
    expect(r.scenario.steps.map((s) => [s.cpu, s.op, s.class, s.inInterrupt])).toEqual([
      [0, 'lock', '&new->fa_lock', false],
      [1, 'irq-disable', null, false],
      [1, 'lock', '&dev->event_lock', false],
      [1, 'lock', '&client->buffer_lock', false],
      [0, 'interrupt', null, false],
      [0, 'lock', '&dev->event_lock', true],
    ]);
  });

  it('reads a pristine irq table by column, tabs included', () => {
    const r = readScenario(
      L([
        '  lock(A);',
        '\t\t\t       local_irq_disable();',
        '                               lock(B);',
        '  <Interrupt>',
        '    lock(B);',
      ]),
      'irq',
    )!;
    expect(r.guessed).toBe(false);
    expect(r.scenario.steps.map((s) => [s.cpu, s.inInterrupt])).toEqual([
      [0, false],
      [1, false],
      [1, false],
      [0, false],
      [0, true],
    ]);
  });

  it('reads one-CPU tables', () => {
    const r = readScenario(
      L([
        '       CPU0',
        '       ----',
        '  lock(&conn->lock);',
        '  <Interrupt>',
        '    lock(&conn->lock);',
      ]),
      'single',
    )!;
    expect(r.scenario.cpus).toEqual(['CPU0']);
    expect(r.scenario.steps.map((s) => [s.cpu, s.op, s.inInterrupt])).toEqual([
      [0, 'lock', false],
      [0, 'interrupt', false],
      [0, 'lock', true],
    ]);
  });

  it('returns null without steps', () => {
    expect(readScenario(L(['', '       CPU0']), 'single')).toBeNull();
  });
});
