// A 100 MB log parses without throwing and finds the report inside it (~4 s here; the timing
// of the same size is `npm run bench -- parse:huge-log`).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from './index';
import { splitGoldenFile } from './summary';

const REPORT = splitGoldenFile(
  readFileSync(
    join(
      import.meta.dirname,
      'testdata',
      'lockdep',
      'circular-3-entry-chain-exists-5.9-wait-types.txt',
    ),
    'utf8',
  ),
).body.trimEnd();

const ORDINARY = [
  'usb 1-3: new high-speed USB device number 7 using xhci_hcd',
  'EXT4-fs (sda2): mounted filesystem with ordered data mode. Quota mode: none.',
  'e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx',
  'audit: type=1400 audit(1700000123.123:42): apparmor="STATUS" operation="profile_load"',
  'CPU3: Core temperature above threshold, cpu clock throttled (total events = 12)',
  'nvme nvme0: 8/0/0 default/read/poll queues',
  'BTRFS info (device sda1): disk space caching is enabled',
  'random: crng reseeded on system resumption',
];

/** `bytes` of timestamped dmesg lines with the report in the middle. */
function dmesgLog(bytes: number): { text: string; reportLine: number } {
  const out: string[] = [];
  let size = 0;
  let t = 0;
  let reportLine = 0;
  const emit = (line: string) => {
    t += 0.003;
    const stamped = `[${t.toFixed(6).padStart(12)}] ${line}`;
    out.push(stamped);
    size += stamped.length + 1;
  };
  for (let i = 0; size < bytes; i++) {
    if (reportLine === 0 && size >= bytes / 2) {
      reportLine = out.length + 1;
      for (const l of REPORT.split('\n')) emit(l);
    }
    emit(ORDINARY[i % ORDINARY.length]!);
  }
  return { text: out.join('\n') + '\n', reportLine };
}

describe('a large input', () => {
  it('parses 100 MB of dmesg without throwing and finds the report in it', () => {
    const { text, reportLine } = dmesgLog(100e6);
    expect(text.length).toBeGreaterThanOrEqual(100e6);
    const t0 = performance.now();
    const out = parseText(text);
    const ms = performance.now() - t0;
    expect(out.reports.map((r) => [r.kind, r.lines.start])).toEqual([
      ['circular-dependency', reportLine],
    ]);
    expect(out.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    // ~5 s at 20 MB/s; a generous bound for a loaded machine, still far below quadratic
    expect(ms).toBeLessThan(60_000);
  }, 120_000);
});
