import { describe, expect, it } from 'vitest';
import { readReportLines } from './report-reader';
import { cleanLines } from './test-lines';

const REPORT = `======================================================
WARNING: possible circular locking dependency detected
6.1.0 #1 Not tainted
------------------------------------------------------
a.out/100 is trying to acquire lock:
ffff000000000001 (&a){+.+.}-{3:3}, at: take_a+0x1/0x2

but task is already holding lock:
ffff000000000002 (&b){+.+.}-{3:3}, at: take_b+0x1/0x2

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (&b){+.+.}-{3:3}:
       take_b+0x1/0x2

-> #0 (&a){+.+.}-{3:3}:
       take_a+0x1/0x2

other info that might help us debug this:

1 lock held by a.out/100:
 #0: ffff000000000002 (&b){+.+.}-{3:3}, at: take_b+0x1/0x2

stack backtrace:
CPU: 0 PID: 100 Comm: a.out Not tainted 6.1.0 #1
Call Trace:
 <TASK>
 dump_stack_lvl+0x1/0x2
 take_a+0x1/0x2
 </TASK>`;

const read = (text: string) => readReportLines(cleanLines(text), 0);

describe('readReportLines', () => {
  it('reads the head and every section', () => {
    const r = read(REPORT);
    expect(r.title?.kind).toBe('circular-dependency');
    expect(r.ident?.release).toBe('6.1.0');
    expect(r.sections.map((s) => s.type)).toEqual([
      'preamble',
      'acquire',
      'holding',
      'already-depends',
      'chain',
      'chain-entry',
      'chain-entry',
      'other-info',
      'held',
      'backtrace',
    ]);
    expect(r.end).toBe(REPORT.split('\n').length);
    expect(r.stop.reason).toBe('input');
  });

  it('ends at the end of the backtrace, before trailing prose', () => {
    const lines = REPORT.split('\n').length;
    const r = read(`${REPORT}\n\nThanks, this looks like a real problem.\nCheers`);
    expect(r.end).toBe(lines);
    expect(r.stop.reason).toBe('complete');
  });

  it('ends at the next report, a cut-here line or another facility', () => {
    for (const next of [
      '======================================================\nWARNING: inconsistent lock state',
      '------------[ cut here ]------------',
      'BUG: KASAN: use-after-free in foo+0x1/0x2',
      'Kernel panic - not syncing: Fatal exception',
    ]) {
      const r = read(`${REPORT}\n${next}\nmore`);
      expect(r.end, next).toBe(REPORT.split('\n').length);
    }
  });

  it('skips an interleaved printk line when the report goes on', () => {
    const text = REPORT.replace(
      'but task is already',
      'usb 3-1: new high-speed USB device number 2 using xhci_hcd\nbut task is already',
    );
    const r = read(text);
    expect(r.foreign.map((f) => f.origin)).toEqual([8]);
    expect(r.sections.some((s) => s.type === 'holding')).toBe(true);
    expect(r.end).toBe(text.split('\n').length);
  });

  it('finds the ident after a stray line and without a rule', () => {
    const r = read(
      '=====================\nWARNING: inconsistent lock state\nsdhci-pltfm: SDHCI platform and OF driver helper\n5.9.0-rc3 #1 Not tainted\ninconsistent {IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W} usage.',
    );
    expect(r.ident?.release).toBe('5.9.0-rc3');
    expect(r.foreign.map((f) => f.origin)).toEqual([3]);
    expect(r.sections.map((s) => s.type)).toEqual(['preamble', 'inconsistent-usage']);
  });

  it('keeps hand cuts and stops at ---truncated---', () => {
    const text = REPORT.replace('which lock already', '<snip>\nwhich lock already');
    expect(read(text).cuts.map((c) => c.text)).toEqual(['<snip>']);
    const cut = read(
      REPORT.replace('other info that might', '---truncated---\nother info that might'),
    );
    expect(cut.stop.reason).toBe('cut');
    expect(cut.sections.some((s) => s.type === 'held')).toBe(false);
  });

  it('reads the second backtrace of a nested-lock report', () => {
    const text = `==================================
WARNING: Nested lock was not taken
6.0.0 #1 Not tainted
----------------------------------
t/1 is trying to lock:
ffff000000000001 (&a){+.+.}-{2:2}, at: f+0x1/0x2

but this task is not holding:
&nest

stack backtrace:
Call Trace:
 f+0x1/0x2

other info that might help us debug this:
no locks held by t/1.

stack backtrace:
Call Trace:
 f+0x1/0x2`;
    const r = read(text);
    expect(r.sections.filter((s) => s.type === 'backtrace')).toHaveLength(2);
    expect(r.sections.find((s) => s.type === 'not-holding')!.body.map((l) => l.text)).toEqual([
      '&nest',
      '',
    ]);
    expect(r.end).toBe(text.split('\n').length);
  });
});
