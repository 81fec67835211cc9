// `lockscope parse --summary [--json]`: the reports grouped by dedup key (src/logs).
import { renderSummaryText, summariseReports } from '../../render/summary';
import { jsonChunks, mergeOutputs, type FileOutput, type OutputMode } from './parse-output';

export const SUMMARY_DETAILS = `  --summary  one line per group of duplicate reports, in order of first appearance:
          COUNT <tab> KEY <tab> TITLE <tab> LINES, where KEY is the dedup key (the sorted
          lock classes of the cycle, "cycle: A | B"; else the kind and its own classes,
          "inconsistent-lock-state: X (SOFTIRQ)"; else the kind and the function or title),
          TITLE the first occurrence's and LINES each occurrence's "start-end", comma-separated
          ("FILE:start-end" with several FILEs). e.g.  lockscope parse --summary ci.log | sort -rn
          With --json: the --json object plus "groups": [{key, title, titles, count, reports,
          occurrences, first, last, kinds, basis, parts, qualifier, cycle}], "reports" being
          indexes into "reports".`;

export function* summaryParsed(files: readonly FileOutput[], mode: OutputMode): Generator<string> {
  const groups = summariseReports(
    files.flatMap((f) => f.output.reports.map((report) => ({ file: f.name, report }))),
  );
  if (mode === 'json') {
    yield* jsonChunks(mergeOutputs(files), { groups });
    return;
  }
  yield renderSummaryText(groups, files.length > 1);
}
