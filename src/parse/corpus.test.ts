// Every real report in ../shared/corpus (lockdep, WITNESS and the userspace checkers) parses into the reports
// it holds. The expected summaries in corpus-expected/ were reviewed by eye; UPDATE_CORPUS=1
// rewrites them from current output and fails, so the diff gets reviewed before it is committed.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from './index';
import { summarizeOutput, type ReportSummary } from './summary';
import {
  CORPUS_DIR,
  REPORT_FOLDERS,
  USERSPACE_FOLDERS,
  corpusAvailable,
  corpusFiles,
} from './corpus';

const FOLDERS = REPORT_FOLDERS;
// In these folders a file holding no report records why (the diagnostic the user sees), so that
// "no report" is a reviewed statement too, not an empty list.
const EXPLAIN_NO_REPORT = new Set<string>([...USERSPACE_FOLDERS, 'other']);
const update = process.env.UPDATE_CORPUS === '1';
const expectedDir = join(import.meta.dirname, 'corpus-expected');

if (!corpusAvailable()) {
  describe.skip(`corpus (not found at ${CORPUS_DIR}; set LOCKSCOPE_CORPUS)`, () => {});
  console.warn(`corpus tests skipped: no corpus at ${CORPUS_DIR} (set LOCKSCOPE_CORPUS)`);
} else {
  for (const folder of FOLDERS) {
    const expectedFile = join(expectedDir, `${folder}.json`);
    const expected: Record<string, ReportSummary[]> = existsSync(expectedFile)
      ? JSON.parse(readFileSync(expectedFile, 'utf8'))
      : {};
    const actualAll: Record<string, ReportSummary[]> = {};
    describe(`corpus/${folder}`, () => {
      for (const file of corpusFiles(folder)) {
        it(file, () => {
          const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
          const out = parseText(text);
          const actual: ReportSummary[] = summarizeOutput(out);
          if (actual.length === 0 && EXPLAIN_NO_REPORT.has(folder))
            actual.push({ 'NO REPORT': out.diagnostics.map((d) => d.message).join(' | ') });
          actualAll[file] = actual;
          if (!update) expect(actual).toEqual(expected[file]);
        });
      }
      it('expected summaries are up to date', () => {
        if (update) {
          writeFileSync(expectedFile, JSON.stringify(actualAll, null, 1) + '\n');
          throw new Error(`${expectedFile} rewritten from current output: review the diff`);
        }
        expect(Object.keys(expected).sort()).toEqual(corpusFiles(folder).sort());
      });
    });
  }
}
