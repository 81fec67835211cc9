import { describe, expect, it } from 'vitest';
import { parseText } from '../parse';
import { reduceForLink, reportFingerprint, stripNoise } from './reduce';
import { defaultReportIndex, reduceViewState } from './share';
import { defaultViewState } from './state';
import { MARKUP_CLASS, SAMPLE_LOG } from './testdata/sample-log';

const parsed = parseText(SAMPLE_LOG);

describe('reduceForLink', () => {
  it('keeps the selected report only, without timestamps, addresses or the register dump', () => {
    expect(parsed.reports).toHaveLength(2);
    const r = reduceForLink(SAMPLE_LOG, parsed, 0)!;
    expect(r.reduction).toBe('stripped');
    expect(r.excerpt).toEqual({
      start: parsed.reports[0]!.lines.start,
      end: parsed.reports[0]!.lines.end,
    });
    expect(r.text.startsWith('======')).toBe(true);
    for (const gone of [
      '[  42.',
      'usb 1-',
      'ffff888',
      '[<ffffffff',
      'RIP:',
      'RAX:',
      'Hardware name',
      'recursive',
    ])
      expect(r.text, gone).not.toContain(gone);
    expect(r.text).toContain(
      ' #0: (&w->state_mutex){+.+.}-{3:3}, at: widget_ioctl+0x51/0x200 [widget]',
    );
    expect(r.text).toContain(MARKUP_CLASS);
    expect(r.text.length).toBeLessThan(SAMPLE_LOG.length / 3);
  });

  it('gives the same report back, and the index of it in the reduced text', () => {
    for (const i of [0, 1]) {
      const r = reduceForLink(SAMPLE_LOG, parsed, i)!;
      const again = parseText(r.text).reports;
      expect(again).toHaveLength(1);
      expect(r.report).toBe(0);
      expect(reportFingerprint(again[0]!)).toBe(reportFingerprint(parsed.reports[i]!));
    }
  });

  it('the fingerprint sees what a person checks: a frame offset, a held lock, a usage bit', () => {
    const base = reportFingerprint(parsed.reports[0]!);
    for (const [from, to] of [
      ['widget_reconfigure+0x33', 'widget_reconfigure+0x34'],
      ['#0: ffff888087654321 (&w->state_mutex)', '#0: ffff888087654321 (&w->other_mutex)'],
      ['(&w-><b>cfg</b>_lock){+.+.}', '(&w-><b>cfg</b>_lock){+.-.}'],
    ]) {
      const changed = parseText(SAMPLE_LOG.replace(from!, to!)).reports[0]!;
      expect(reportFingerprint(changed), from).not.toBe(base);
    }
  });

  it('is null for a report that is not there', () => {
    expect(reduceForLink(SAMPLE_LOG, parsed, 2)).toBeNull();
  });

  it('keeps the whole text when the input has no report', () => {
    const state = defaultViewState('just a log line\n');
    expect(reduceViewState(state)).toEqual({ state, reduction: 'whole' });
  });

  it('reduces the report the app would show when the view names none', () => {
    expect(defaultReportIndex(parsed.reports)).toBe(0);
    const { state, reduction } = reduceViewState(defaultViewState(SAMPLE_LOG), parsed);
    expect(reduction).toBe('stripped');
    expect(state.report).toBe(0);
    expect(state.excerpt?.start).toBe(parsed.reports[0]!.lines.start);
  });
});

describe('stripNoise', () => {
  it.each([
    ['       [<ffffffff810f1234>] __mutex_lock+0x8b/0x9c0', '       __mutex_lock+0x8b/0x9c0'],
    [
      ' #0: (____ptrval____) (&mm->mmap_sem){++++}, at: f+0x1/0x2',
      ' #0: (&mm->mmap_sem){++++}, at: f+0x1/0x2',
    ],
    [
      'ffff888012345678 (&w->lock){+.+.}-{3:3}, at: f+0x1/0x2',
      '(&w->lock){+.+.}-{3:3}, at: f+0x1/0x2',
    ],
    [' #1:  (&dev->mutex){+.+.}, at: f+0x1/0x2 ', ' #1:  (&dev->mutex){+.+.}, at: f+0x1/0x2'],
  ])('%j -> %j', (line, want) => {
    expect(stripNoise([line])).toEqual([want]);
  });

  it('drops register dumps, code bytes, the hardware and module lines', () => {
    const lines = [
      'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996)',
      'RIP: 0033:0x7f3a2b1c9d4b',
      'RSP: 002b:00007ffd1a2b3c48 EFLAGS: 00000246 ORIG_RAX: 0000000000000010',
      'RAX: ffffffffffffffda RBX: 0000000000000003 RCX: 00007f3a2b1c9d4b',
      'R13: 0000000000000003 R14: 00000000c0186473 R15: 00007fff188dc2ac',
      'Code: 48 89 c7 e8 ...',
      'Modules linked in: widget',
      ' lock_acquire+0xd1/0x2e0',
    ];
    expect(stripNoise(lines)).toEqual([' lock_acquire+0xd1/0x2e0']);
  });
});
