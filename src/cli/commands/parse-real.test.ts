// `lockscope parse` over the real parser: what the command prints is exactly what parseText finds.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../parse';
import { CORPUS_DIR } from '../../parse/corpus';
import { LOCKDEP_CIRCULAR_SAMPLE } from '../../render/fixtures';
import { commandRunner, tempFolder } from '../testing';

const { file } = tempFolder('real');

const run = commandRunner('parse');

describe('lockscope parse (real parser)', () => {
  it('--json is parseText output plus "file", and the exit status says whether reports were found', async () => {
    const inputs = [LOCKDEP_CIRCULAR_SAMPLE, `kernel: boot\n${LOCKDEP_CIRCULAR_SAMPLE}tail\n`];
    for (const [i, text] of inputs.entries()) {
      const p = file(`sample${i}.log`, text);
      const r = await run(['--json', p]);
      const expected = parseText(text);
      const out = JSON.parse(r.stdout);
      expect(out.reports).toEqual(
        expected.reports.map((x) => ({ file: p, ...JSON.parse(JSON.stringify(x)) })),
      );
      expect(out.diagnostics).toEqual(expected.diagnostics.map((d) => ({ file: p, ...d })));
      expect(r.code).toBe(expected.reports.length > 0 ? 0 : 1);
    }
  });

  it('a gzipped log gives the same answer as the plain one', async () => {
    const plain = await run(['--json', file('s.log', LOCKDEP_CIRCULAR_SAMPLE)]);
    const packed = await run(['--json', file('s.log.gz', gzipSync(LOCKDEP_CIRCULAR_SAMPLE))]);
    expect(packed.code).toBe(plain.code);
    expect(JSON.parse(packed.stdout).reports.map(stripFile)).toEqual(
      JSON.parse(plain.stdout).reports.map(stripFile),
    );
  });

  it('--format never changes the result', async () => {
    const p = file('hint.log', LOCKDEP_CIRCULAR_SAMPLE);
    const plain = await run(['--json', p]);
    for (const format of ['linux-lockdep', 'freebsd-witness', 'tsan']) {
      expect((await run(['--json', '--format', format, p])).stdout, format).toBe(plain.stdout);
    }
  });

  it('garbage: exit 1, nothing on stdout, and stderr points at the closest line', async () => {
    const text = 'usb 1-1: new device\nsomething about a mutex being slow\nok\n';
    const r = await run([file('garbage.log', text)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /garbage\.log:2: error: No lock report found in \d+ lines\. The closest is line 2: "something about a mutex being slow"/,
    );
  });

  it('binary and empty inputs: exit 1 with what was wrong, never a stack trace', async () => {
    const binary = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const b = await run([file('blob.bin', binary)]);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/blob\.bin:\d+: error: This looks like binary data/);
    const e = await run([file('empty.log', '')]);
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/empty\.log: error: The input is empty/);
    for (const r of [b, e]) expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  const seed = join(CORPUS_DIR, 'seeds', '002_2cc49d2819f18c37.txt');
  it.skipIf(!existsSync(seed))(
    'reads a corpus report in place, the same as parseText does',
    async () => {
      const r = await run(['--json', seed]);
      const expected = parseText(readFileSync(seed, 'utf8'));
      expect(JSON.parse(r.stdout).reports.map(stripFile)).toEqual(
        JSON.parse(JSON.stringify(expected.reports)),
      );
      expect(r.code).toBe(expected.reports.length > 0 ? 0 : 1);
    },
  );
});

function stripFile(r: { file?: string }) {
  const { file: _file, ...rest } = r;
  return rest;
}

describe('lockscope parse on a lockdep report (needs the lockdep importer)', () => {
  it('--text shows the cycle, held lock, each dependency with its chain entry and frame, and the scenario', async () => {
    const r = await run([file('frob.log', LOCKDEP_CIRCULAR_SAMPLE)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const t = r.stdout;
    expect(t).toMatch(
      /^possible deadlock in frob_update\n {2}linux-lockdep circular-dependency, lines 1-69 of .*frob\.log\n/,
    );
    expect(t).toContain('  kernel   6.1.0-frob+\n  task     frobd/812\n');
    expect(t).toContain(
      '  cycle    &frob->state_lock -> frob_list_lock -> &frob->queue_mutex -> &frob->state_lock\n',
    );
    expect(t).toContain(
      '  held     #0 &frob->queue_mutex (ffff888012345700), at frob_flush+0x18/0x60 [frob]\n',
    );
    expect(t).toContain(
      '    #1  &frob->state_lock -> frob_list_lock\n          at frob_register+0x44/0x120 [frob]\n',
    );
    expect(t).toContain(
      '    #0  &frob->queue_mutex -> &frob->state_lock  (new)\n          at frob_update+0x2a/0x90 [frob]\n',
    );
    expect(t).toMatch(
      / {4}CPU0 +CPU1\n {4}---- +----\n {4}lock\(&frob->queue_mutex\);\n {33}lock\(frob_list_lock\);\n/,
    );
  });

  it('--dot draws the three-lock cycle with the new dependency dashed', async () => {
    const r = await run(['--dot', file('frob2.log', LOCKDEP_CIRCULAR_SAMPLE)]);
    expect(r.code).toBe(0);
    const edges = r.stdout.split('\n').filter((l) => l.includes('" -> "'));
    expect(edges).toHaveLength(3);
    expect(edges.filter((l) => l.includes('color="red"'))).toHaveLength(3);
    expect(edges.find((l) => l.includes('dashed'))).toMatch(
      /^ {2}"&frob->queue_mutex" -> "&frob->state_lock" \[label="#0 new"/,
    );
  });
});
