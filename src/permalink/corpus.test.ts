// Every report of the shared corpus, through a full link and a report-only link and back.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../parse';
import { CORPUS_DIR, corpusAvailable, corpusFiles, REPORT_FOLDERS } from '../parse/corpus';
import { decodePermalink, encodeFragmentV1 } from './codec';
import { reportFingerprint } from './reduce';
import { reduceViewState } from './share';
import { defaultViewState, type ViewState } from './state';

const files = corpusAvailable() ? REPORT_FOLDERS.flatMap((f) => corpusFiles(f)) : [];

describe.skipIf(!corpusAvailable())(`permalinks over the corpus at ${CORPUS_DIR}`, () => {
  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(files)(
    '%s: full and report-only links give back the view and the report',
    async (file) => {
      const input = readFileSync(join(CORPUS_DIR, file), 'utf8');
      const parsed = parseText(input);
      const state: ViewState = {
        ...defaultViewState(input),
        view: { merged: false, layout: 'layered' },
      };

      const full = await decodePermalink(await encodeFragmentV1(state));
      expect(full).toEqual({ ok: true, state });

      for (let i = 0; i < parsed.reports.length; i++) {
        const report = parsed.reports[i]!;
        const withCycle: ViewState = {
          ...state,
          report: i,
          selection: report.cycle?.[0] ? { kind: 'node', id: report.cycle[0] } : null,
        };
        const reduced = reduceViewState(withCycle, parsed);
        const decoded = await decodePermalink(await encodeFragmentV1(reduced.state));
        if (!decoded.ok) throw new Error(decoded.error);
        expect(decoded.state.selection).toEqual(withCycle.selection);
        expect(decoded.state.view).toEqual(state.view);
        const again = parseText(decoded.state.input).reports[decoded.state.report!];
        expect(again && reportFingerprint(again), `report ${i} (${reduced.reduction})`).toBe(
          reportFingerprint(report),
        );
        if (reduced.reduction !== 'whole') {
          expect(decoded.state.excerpt).toEqual({
            start: report.lines.start,
            end: report.lines.end,
          });
          expect(decoded.state.input.length).toBeLessThanOrEqual(input.length);
        }
      }
    },
  );
});
