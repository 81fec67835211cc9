// The importer never throws and never hangs: garbage, half reports, lines wrapped twice,
// 100,000 title lines and a 1 MB line all return in bounded time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../index';
import { splitGoldenFile } from '../summary';

const golden = (name: string) =>
  splitGoldenFile(
    readFileSync(join(import.meta.dirname, '..', 'testdata', 'lockdep', name), 'utf8'),
  ).body;
const CIRCULAR = golden('circular-3-entry-chain-exists-5.9-wait-types.txt');

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

describe('robustness', () => {
  it('reads garbage without a report or an error', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) >>> 0) % 95) + 32;
    const text = Array.from({ length: 2000 }, () =>
      String.fromCharCode(...Array.from({ length: 60 }, rnd)),
    ).join('\n');
    const out = parseText(text);
    expect(out.reports.filter((r) => r.format === 'linux-lockdep')).toEqual([]);
    expect(out.diagnostics.some((d) => d.message.includes('failed'))).toBe(false);
  });

  it('reads every prefix of a report (half reports) without failing', () => {
    const lines = CIRCULAR.split('\n');
    for (let n = 1; n <= lines.length; n += 3) {
      const out = parseText(lines.slice(0, n).join('\n') + '\n');
      expect(out.diagnostics.some((d) => d.message.includes('failed'))).toBe(false);
      for (const r of out.reports) if (n < lines.length - 20) expect(r.truncated).toBe(true);
    }
  });

  it('survives every line wrapped twice', () => {
    const wrapped = CIRCULAR.split('\n')
      .map((l) =>
        l.length > 30
          ? [l.slice(0, 20), l.slice(20, 40), l.slice(40)].filter(Boolean).join('\n')
          : l,
      )
      .join('\n');
    const out = parseText(wrapped);
    expect(out.diagnostics.some((d) => d.message.includes('failed'))).toBe(false);
    expect(out.reports.length).toBeLessThan(20);
  });

  it('reads 100,000 title lines in bounded time: the last is a cut report, the rest one diagnostic', () => {
    const text = 'WARNING: possible circular locking dependency detected\n'.repeat(100_000);
    const { value, ms } = timed(() => parseText(text));
    expect(value.reports.map((r) => [r.lines.start, r.truncated])).toEqual([[100_000, true]]);
    expect(value.diagnostics.map((d) => d.line)).toEqual([1]);
    expect(value.diagnostics[0]!.message).toContain('99,998 more like it, lines 2–99,999');
    expect(ms).toBeLessThan(30_000);
  });

  it('reads a 1 MB line in bounded time', () => {
    const line = 'ffff888012345678 (' + 'a){+'.repeat(250_000) + '\n';
    const { value, ms } = timed(() =>
      parseText(`${line}-> #0 (${'x'.repeat(1_000_000)}){+.+.}:\n${line}`),
    );
    expect(value.diagnostics.some((d) => d.message.includes('failed'))).toBe(false);
    expect(ms).toBeLessThan(10_000);
  });

  it('reads a 1 MB run of section sentences on one line in bounded time', () => {
    const text = 'but task is already holding lock: '.repeat(30_000);
    const { ms } = timed(() => parseText(text));
    expect(ms).toBeLessThan(10_000);
  });
});
