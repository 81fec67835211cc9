// Links made by v1 must open the same way forever: testdata/links-v1.txt holds a few, each with
// the view it must decode to. Never regenerate that file; add entries when a field is added.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../parse';
import { decodePermalink } from './codec';

interface Golden {
  name: string;
  link: string;
  expected: Record<string, unknown>;
}

function readGoldens(): Golden[] {
  const text = readFileSync(join(import.meta.dirname, 'testdata', 'links-v1.txt'), 'utf8');
  const out: Golden[] = [];
  for (const block of text.split(/\n\n+/)) {
    const lines = block.split('\n').filter((l) => l !== '');
    const link = lines.find((l) => /^https?:\/\//.test(l));
    const expect = lines.find((l) => l.startsWith('expect: '));
    if (!link || !expect) continue;
    const name = lines
      .filter((l) => l.startsWith('# '))
      .at(-1)!
      .slice(2);
    out.push({ name, link, expected: JSON.parse(expect.slice('expect: '.length)) });
  }
  return out;
}

const goldens = readGoldens();

describe('v1 links made by earlier versions', () => {
  it('are all there', () => {
    expect(goldens.length).toBeGreaterThanOrEqual(4);
  });

  it.each(goldens.map((g) => [g.name, g] as const))('%s', async (_name, g) => {
    const r = await decodePermalink(g.link);
    if (!r.ok) throw new Error(r.error);
    const { input, ...rest } = r.state;
    const report = r.state.report === null ? null : parseText(input).reports[r.state.report];
    expect({
      ...rest,
      input: {
        length: input.length,
        sha256: createHash('sha256').update(input).digest('hex'),
        firstLine: input.split('\n')[0],
      },
      cycle: report ? report.cycle : null,
    }).toEqual(g.expected);
  });
});
