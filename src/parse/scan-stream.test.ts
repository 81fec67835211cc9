// The driver's scan stays bounded: repeated headers fold into one diagnostic, reading stops at
// MAX_READS reports, and so the output's size is bounded whatever the input.
import { describe, expect, it } from 'vitest';
import { parseText } from './index';
import { MAX_READS, formatCount } from './scan-stream';

const TITLE = 'WARNING: possible circular locking dependency detected';
const BANNER = [
  '======================================================',
  TITLE,
  '------------------------------------------------------',
].join('\n');
// a small but whole report: its body holds the locks, so it is never folded
const REPORT = [
  BANNER,
  'frobd/812 is trying to acquire lock:',
  'ffff888012345678 (&frob->lock){+.+.}-{3:3}, at: frob_update+0x1a/0x90',
  '',
  'but task is already holding lock:',
  'ffff888012345679 (&frob->queue_lock){+.+.}-{3:3}, at: frob_flush+0x1a/0x90',
  '',
].join('\n');

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

describe('a header with nothing after it', () => {
  it('is a diagnostic when the next report starts right after it', () => {
    const out = parseText(`${BANNER}\n\n${REPORT}\n`);
    expect(out.reports.map((r) => r.lines.start)).toEqual([5]);
    expect(out.diagnostics).toEqual([
      {
        line: 1,
        severity: 'warning',
        message: `a report header with nothing after it before the next report: "${TITLE}"`,
      },
    ]);
  });

  it('stays a (cut) report at the end of the input or before an unrelated line', () => {
    expect(parseText(`${TITLE}\n`).reports.map((r) => [r.lines.start, r.truncated])).toEqual([
      [1, true],
    ]);
    const out = parseText(`${TITLE}\nusb 1-1: new high-speed USB device\n${TITLE}\n`);
    expect(out.reports.map((r) => r.lines.start)).toEqual([1, 3]);
    expect(out.diagnostics).toEqual([]);
  });

  it('folds a million repeats into one diagnostic, quickly', () => {
    const { value, ms } = timed(() => parseText(`${TITLE}\n`.repeat(1_000_000)));
    expect(value.reports.map((r) => r.lines.start)).toEqual([1_000_000]);
    expect(value.diagnostics).toEqual([
      {
        line: 1,
        severity: 'warning',
        message: `a report header with nothing after it before the next report: "${TITLE}" — and 999,998 more like it, lines 2–999,999`,
      },
    ]);
    expect(ms).toBeLessThan(20_000);
  });

  it('folds repeated three-line banners and headers with blank lines between them', () => {
    const banners = parseText(`${BANNER}\n`.repeat(50_000));
    expect(banners.reports.map((r) => r.lines.start)).toEqual([149_998]);
    expect(banners.diagnostics.map((d) => d.message.split(' — ')[1])).toEqual([
      'and 49,998 more like it, lines 2–149,995',
    ]);
    const spaced = parseText(`${TITLE}\n\n\n`.repeat(1000));
    expect(spaced.reports.map((r) => r.lines.start)).toEqual([2998]);
    expect(spaced.diagnostics.map((d) => d.message.split(' — ')[1])).toEqual([
      'and 998 more like it, lines 2–2,995',
    ]);
  });

  it('folds different headers in a row too, and says they differ', () => {
    const out = parseText(`lock order reversal:\n${BANNER}\n${REPORT}`);
    expect(out.reports.map((r) => r.lines.start)).toEqual([5]);
    expect(out.diagnostics.map((d) => [d.line, d.message.split(' — ')[1]])).toEqual([
      [1, 'and 1 more (not all the same header), line 2'],
    ]);
  });

  it('ends the fold at a real report and starts a new one after it', () => {
    const out = parseText(`${BANNER}\n${BANNER}\n${REPORT}\n${TITLE}\n${TITLE}\n`);
    expect(out.reports.map((r) => r.lines.start)).toEqual([7, 17]);
    expect(out.diagnostics.map((d) => [d.line, d.message.split(' — ')[1]])).toEqual([
      [1, 'and 1 more like it, line 4'],
      [16, undefined],
    ]);
  });
});

describe('reading stops at MAX_READS reports', () => {
  it('keeps the first reports and names the line where it stopped', () => {
    const pair = `${TITLE}\nfrobd/812 is trying to acquire lock:\n`;
    const { value, ms } = timed(() => parseText(pair.repeat(MAX_READS + 5000)));
    expect(value.reports.length).toBe(MAX_READS);
    const stop = 2 * MAX_READS + 1;
    expect(value.diagnostics).toEqual([
      {
        line: stop,
        severity: 'error',
        message: `stopped reading at line ${formatCount(stop)} after 10,000 report headers, the most lockscope reads in one input: lines ${formatCount(stop)}–30,000 were not read`,
      },
    ]);
    expect(ms).toBeLessThan(20_000);
  });

  it('bounds the output of alternating empty headers, which cannot be folded unread', () => {
    const out = parseText(`${TITLE}\nlock order reversal:\n`.repeat(100_000));
    expect(out.reports).toEqual([]);
    expect(out.diagnostics.length).toBeLessThanOrEqual(3);
    expect(out.diagnostics.map((d) => d.line)).toEqual([MAX_READS + 1, 1, 1]);
    expect(out.diagnostics[1]!.message).toContain('and 9,999 more (not all the same header)');
  });
});

describe('formatCount', () => {
  it('groups thousands the same way in every locale', () => {
    expect([0, 999, 1000, 999_999, 1_000_000].map(formatCount)).toEqual([
      '0',
      '999',
      '1,000',
      '999,999',
      '1,000,000',
    ]);
  });
});
