// `lockscope parse --markdown | --svg | --summary`: the exports the app's Export menu also offers.
import { buildLockGraph } from '../../graph';
import { logCycles } from '../../logs';
import type { Report } from '../../model/types';
import { renderMarkdown } from '../../render/markdown';
import { drawGraph, renderSvg } from '../../render/svg';
import type { FileOutput } from './parse-output';

/** Each report as Markdown, in input order, separated by a rule. */
export function* renderMarkdownReports(files: readonly FileOutput[]): Generator<string> {
  const named = files.length > 1 || files[0]?.name !== '-';
  let first = true;
  for (const f of files) {
    for (const r of f.output.reports) {
      yield (first ? '' : '\n---\n\n') + renderMarkdown(r, named ? { source: f.name } : {});
      first = false;
    }
  }
}

/**
 * The lock graph of all reports merged, laid out in layers, every report's cycle in the cycle
 * colour (one report: its own graph, with its "#k" and "new" labels).
 */
export function renderGraphSvg(reports: readonly Report[]): string {
  const graph = buildLockGraph(reports);
  const merged = reports.length > 1;
  const cycles = merged ? logCycles(reports, graph).cycles.filter((c) => !c.merged) : null;
  const title =
    reports.length === 1 ? reports[0]!.title : `${reports.length} reports, one lock graph`;
  return renderSvg(
    drawGraph(graph, {
      reports,
      merged,
      ...(cycles ? { cycles: cycles.map((c) => c.classes) } : {}),
      title,
    }),
  );
}
