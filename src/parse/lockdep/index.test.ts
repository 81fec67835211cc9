// What the golden summaries do not show: usage era, details, spans, dependency flags,
// scenario interrupt flags, diagnostics, and the unusual ways a report can start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../model/types';
import { parseText } from '../index';
import { splitGoldenFile } from '../summary';
import { lockdepParser } from './index';
import { cleanLines } from './test-lines';

const golden = (name: string) =>
  splitGoldenFile(
    readFileSync(join(import.meta.dirname, '..', 'testdata', 'lockdep', name), 'utf8'),
  ).body;
const only = (text: string): Report => {
  const reports = parseText(text).reports.filter((r) => r.format === 'linux-lockdep');
  expect(reports).toHaveLength(1);
  return reports[0]!;
};

describe('lockdep importer', () => {
  it('decodes usage strings in the era the report comes from', () => {
    expect(only(golden('circular-2.6.18-info-old-usage.txt')).usageEra).toBe('pre-2.6.30');
    expect(only(golden('inconsistent-2.6.18-old-usage-names.txt')).usageEra).toBe('pre-2.6.30');
    expect(only(golden('recursive-3.x-reclaim-fs-usage.txt')).usageEra).toBe('reclaim-fs');
    expect(only(golden('circular-7-entry-4.14-no-instance.txt')).usageEra).toBe('modern');
    expect(only(golden('circular-6.x-rlock-sync-odd-names.txt')).usageEra).toBe('modern');
  });

  it('keeps wait types, the headline and per-kind details', () => {
    const r = only(golden('circular-3-entry-chain-exists-5.9-wait-types.txt'));
    expect(r.classes[0]).toEqual({ name: '&kvm->slots_lock', usage: '+.+.', waitType: '3:3' });
    expect(r.headline).toBe('WARNING: possible circular locking dependency detected');
    expect(r.details).toMatchObject({
      chainSummary: '&kvm->slots_lock --> &kvm->lock --> &vcpu->mutex',
    });
    const inc = only(golden('inconsistent-5.10-arm64-call-trace.txt'));
    expect(inc.details).toMatchObject({
      usageChange: '{SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W}',
      irqFlags: '[HC0[0]:SC1[1]:HE1:SE0]',
      irqEventStamp: '118042',
      'softirqs last disabled': '(117997): [<ffff8000100a3e68>] run_ksoftirqd+0x48/0x100',
    });
    const rcu = only(golden('suspicious-rcu-6.x-s390.txt'));
    expect(rcu.details).toMatchObject({
      rcuSource: 'drivers/s390/fake/fake_ccw.c:88',
      rcuMessage: 'RCU-list traversed in non-reader section!!',
      rcuSchedulerActive: '2',
      debugLocks: '1',
    });
    expect(only(golden('held-lock-freed-syzbot-symbolized-inline.txt')).details).toMatchObject({
      freedRange: 'ffff888061b0c000-ffff888061b0c7ff',
    });
    expect(only(golden('invalid-wait-context-6.2-powerpc.txt')).details).toMatchObject({
      context: '2:2',
    });
  });

  it('marks the new edge and the chain entries', () => {
    const r = only(golden('circular-3-entry-chain-exists-5.9-wait-types.txt'));
    expect(r.dependencies.map((d) => [d.chainEntry, d.isNew])).toEqual([
      [1, false],
      [2, false],
      [0, true],
    ]);
    expect(r.dependencies[2]!.trace.map((f) => f.function).slice(0, 3)).toEqual([
      '__lock_acquire',
      'lock_acquire',
      '__mutex_lock',
    ]);
  });

  it('flags the lock taken inside the interrupt', () => {
    const r = only(golden('safe-to-unsafe-5.11-dependency-paths.txt'));
    expect(r.scenario!.steps.map((s) => [s.cpu, s.op, s.inInterrupt])).toEqual([
      [0, 'lock', false],
      [1, 'irq-disable', false],
      [1, 'lock', false],
      [1, 'lock', false],
      [0, 'interrupt', false],
      [0, 'lock', true],
    ]);
  });

  it('names the irq-safe and irq-unsafe locks the new dependency connects', () => {
    const r = only(golden('safe-to-unsafe-5.11-dependency-paths.txt'));
    expect([r.details!.safeLock, r.details!.unsafeLock]).toEqual([
      '&tbl->rx_lock',
      '&tbl->walk_lock',
    ]);
  });

  it('points spans at original lines', () => {
    const text = golden('circular-2-entry-4.18-hashed.txt');
    const r = only(text);
    const lines = text.split('\n');
    const at = (role: string, ref: string | null) =>
      r.spans!.filter((s) => s.role === role && s.ref === ref).map((s) => lines[s.line - 1]);
    expect(at('title', null)).toEqual([lines[1]]);
    expect(at('chain-entry', '&ldata->output_lock')[0]).toContain('-> #1 (&ldata->output_lock)');
    expect(at('frame', '&ldata->output_lock -> &port->buf_lock')).toHaveLength(7);
    expect(at('held-lock', '&ldata->output_lock')[0]).toContain('#2:');
    expect(r.lines).toEqual({ start: 1, end: lines.length - 1 }); // the body ends with a newline
  });

  it('lists show-all-locks entries with their tasks', () => {
    const r = only(golden('show-all-locks-hung-task.txt'));
    expect(r.heldLocks!.map((h) => `${h.task?.comm}#${h.index}`)).toEqual([
      'khungtaskd#0',
      'fake-sync#0',
      'fake-sync#1',
      'kworker/u16:2#0',
      'kworker/u16:2#1',
      'kworker/u16:2#2',
    ]);
    expect(r.dependencies).toEqual([]);
  });

  it('says what is missing when a chain is cut', () => {
    const text = golden('circular-7-entry-4.14-no-instance.txt').split('\n');
    const from = text.findIndex((l) => l.startsWith('-> #6'));
    const to = text.findIndex((l) => l.startsWith('-> #2'));
    const cut = [
      ...text.slice(0, from),
      ...text.slice(
        to,
        text.findIndex((l) => l.startsWith('-> #1')),
      ),
    ].join('\n');
    const r = only(cut);
    expect(r.truncated).toBe(true);
    expect(r.diagnostics!.map((d) => d.message)).toContain(
      "the dependency chain stops at -> #2: entries #1 and #0 are missing; the cycle is completed from the report's header",
    );
    expect(r.cycle).toEqual(['&pm_qos_lock', 'cpuhp_state-down', '&gpu->hw_lock']);
  });

  it('reads a report whose head was cut off', () => {
    const text = golden('circular-2-entry-4.18-hashed.txt').split('\n').slice(4).join('\n');
    const r = only(text);
    expect(r.kind).toBe('circular-dependency');
    expect(r.truncated).toBe(true);
    expect(r.cycle).toEqual(['&port->buf_lock', '&ldata->output_lock']);
    expect(r.diagnostics![0]!.message).toMatch(/title is missing/);
  });

  it('reads a title a mailer wrapped onto two lines', () => {
    const text = golden('circular-2.6.18-info-old-usage.txt').replace(
      '[ INFO: possible circular locking dependency detected ]',
      '[ INFO: possible circular locking\ndependency detected ]',
    );
    const r = only(text);
    expect(r.headline).toBe('[ INFO: possible circular locking dependency detected ]');
    expect(r.lines.start).toBe(1);
  });

  it('is not fooled by the boot banner, lockdep-is-off notes or the -rt lock debugger', () => {
    const text = [
      'Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., Ingo Molnar',
      '... MAX_LOCKDEP_SUBCLASSES:  8',
      '... MAX_LOCK_DEPTH:          48',
      'INFO: lockdep is turned off.',
      '#012:  [c03dcfe4] {kernel_sem.lock}',
      '... acquired at:  [<c0136f2e>] __down_interruptible+0x3e/0x1f0',
    ].join('\n');
    expect(parseText(text).reports).toEqual([]);
  });

  it('sniffs banner, title and headless starts only', () => {
    const lines = cleanLines(
      'prose\n======\n==========\nWARNING: held lock freed!\nx/1 is trying to acquire lock:\nfoo is trying',
    );
    expect([0, 1, 2, 3, 4, 5].map((i) => lockdepParser.sniff(lines, i))).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
    ]);
  });
});
