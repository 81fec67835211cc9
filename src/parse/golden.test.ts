// The golden corpus the repository owns (src/parse/testdata/**): each file is the expected
// summary (header), a blank line, then the raw text. UPDATE_GOLDEN=1 rewrites the headers from
// current output and still fails, so that a person reviews the diff before committing it.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from './index';
import { formatSummaries, splitGoldenFile, summarizeOutput } from './summary';

const root = join(import.meta.dirname, 'testdata');
const update = process.env.UPDATE_GOLDEN === '1';

export function goldenFiles(dir = root): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...goldenFiles(p));
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

describe('golden corpus', () => {
  const files = goldenFiles();
  it('has cases', () => {
    expect(files.length).toBeGreaterThan(0);
  });
  for (const file of files) {
    it(relative(root, file), () => {
      const { header, body } = splitGoldenFile(readFileSync(file, 'utf8'));
      const actual = formatSummaries(summarizeOutput(parseText(body)));
      if (update && actual !== header) {
        writeFileSync(file, actual + '\n' + body);
        throw new Error(`header rewritten from current output: review the diff of ${relative(root, file)}`);
      }
      expect(actual).toBe(header);
    });
  }
});
