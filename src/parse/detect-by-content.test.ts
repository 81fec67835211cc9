// Detection is by content, never by name: every corpus file reads the same with and without a
// format hint, whichever hint it is (a hint only moves one importer to the front of the table,
// so a difference means two importers claim the same line).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Format } from '../model/types';
import { CORPUS_DIR, corpusAvailable, corpusFiles, corpusFolders } from './corpus';
import { FORMAT_PARSERS } from './detect';
import { parseText } from './index';

const FORMATS = [
  'linux-lockdep',
  'freebsd-witness',
  'openbsd-witness',
  'tsan',
  'helgrind',
  'java',
  'go-deadlock',
  'abseil',
  'bitcoin',
  'lockscope-trace',
  'proc-lockdep',
  'witness-graph',
] as const satisfies readonly Format[];

describe('detection by content', () => {
  it('every importer in the table has a hint to test', () => {
    for (const p of FORMAT_PARSERS) expect(FORMATS).toContain(p.format);
  });

  if (!corpusAvailable()) return;
  const files = corpusFolders().flatMap((f) => corpusFiles(f));
  it('covers the corpus', () => {
    expect(files.length).toBeGreaterThan(50);
  });
  for (const file of files) {
    it(file, () => {
      const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
      const plain = parseText(text);
      for (const format of FORMATS) {
        const hinted = parseText(text, { format });
        expect(hinted.reports, `hint ${format}`).toEqual(plain.reports);
      }
    });
  }
});
