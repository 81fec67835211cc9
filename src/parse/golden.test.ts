// The golden corpus the repository owns (src/parse/testdata/**): each file is the expected
// summary (header), a blank line, then the raw text. UPDATE_GOLDEN=1 rewrites the headers from
// current output and still fails, so that a person reviews the diff before committing it.
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from './index';
import { formatSummaries, splitGoldenFile, summarizeOutput } from './summary';
import { GOLDEN_ROOT, goldenFiles } from './testdata/golden-files';

const root = GOLDEN_ROOT;
const update = process.env.UPDATE_GOLDEN === '1';

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
        throw new Error(
          `header rewritten from current output: review the diff of ${relative(root, file)}`,
        );
      }
      expect(actual).toBe(header);
    });
  }
});
