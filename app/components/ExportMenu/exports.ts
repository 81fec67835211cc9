// The files the Export menu makes, from the store's state and the graph on screen. Nothing leaves
// the browser: each is a Blob handed to the user as a download.
import { renderDot } from '../../../src/render/dot';
import { renderMarkdown } from '../../../src/render/markdown';
import { drawGraph, renderSvg } from '../../../src/render/svg';
import { SCHEMA } from '../../../src/model/types';
import {
  selectHighlight,
  selectLockGraph,
  selectMergedCycles,
  selectScenario,
  selectSelectedReport,
  type AppState,
} from '../../store';
import { readGraphSnapshot } from './graph-snapshot';

export type ExportKind = 'png' | 'svg' | 'dot' | 'json' | 'markdown';

export interface ExportFile {
  name: string;
  blob: Blob;
}

/** "possible deadlock in foo_bar" -> "possible-deadlock-in-foo_bar" (at most 60 characters) */
export function fileStem(s: AppState): string {
  if (s.merged) return 'lockscope-all-reports';
  const title = selectSelectedReport(s)?.title ?? '';
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `lockscope-${slug || 'report'}`;
}

/** The reports the graph shows: every one when merged, else the selected one. */
function shownReports(s: AppState) {
  const reports = s.output?.reports ?? [];
  if (s.merged) return reports;
  const r = selectSelectedReport(s);
  return r ? [r] : [];
}

export function canExport(s: AppState, kind: ExportKind): boolean {
  switch (kind) {
    case 'png':
      return readGraphSnapshot() !== null && (selectLockGraph(s)?.nodes.length ?? 0) > 0;
    case 'svg':
    case 'dot':
      return (selectLockGraph(s)?.nodes.length ?? 0) > 0;
    case 'json':
      return (s.output?.reports.length ?? 0) > 0;
    case 'markdown':
      return selectSelectedReport(s) !== null;
  }
}

export function makeExport(s: AppState, kind: ExportKind): ExportFile | null {
  if (!canExport(s, kind)) return null;
  const stem = fileStem(s);
  switch (kind) {
    case 'png': {
      const snap = readGraphSnapshot();
      return snap ? { name: `${stem}.png`, blob: snap.png(2) } : null;
    }
    case 'svg':
      return { name: `${stem}.svg`, blob: text(svgAsShown(s), 'image/svg+xml') };
    case 'dot': {
      const reports = shownReports(s);
      const label = s.merged ? `${reports.length} reports` : undefined;
      return {
        name: `${stem}.dot`,
        blob: text(renderDot(reports, label ? { label } : {}), 'text/vnd.graphviz'),
      };
    }
    case 'json': {
      // The contract object, exactly as `lockscope parse --json` prints it for one input.
      const out = {
        schema: SCHEMA,
        reports: s.output!.reports,
        diagnostics: s.output!.diagnostics,
      };
      return {
        name: `${stem}.json`,
        blob: text(JSON.stringify(out, null, 2) + '\n', 'application/json'),
      };
    }
    case 'markdown': {
      const report = selectSelectedReport(s)!;
      const scenario = selectScenario(s)?.id;
      const md = renderMarkdown(report, scenario ? { scenario } : {});
      return { name: `${stem}.md`, blob: text(md, 'text/markdown') };
    }
  }
}

/** The SVG of what is on screen; without a graph view (not drawn yet), the graph laid out afresh. */
export function svgAsShown(s: AppState): string {
  const report = selectSelectedReport(s);
  const title = s.merged
    ? `${s.output?.reports.length ?? 0} reports, one lock graph`
    : report?.title;
  const snap = readGraphSnapshot();
  if (snap) {
    const drawing = snap.drawing();
    return renderSvg(title ? { ...drawing, title } : drawing, { palette: snap.palette() });
  }
  const graph = selectLockGraph(s)!;
  const highlight = selectHighlight(s);
  const cycles = s.merged ? selectMergedCycles(s).cycles.filter((c) => !c.merged) : null;
  return renderSvg(
    drawGraph(graph, {
      reports: s.output?.reports ?? [],
      merged: s.merged,
      ...(cycles ? { cycles: cycles.map((c) => c.classes) } : {}),
      ...(highlight.nodes.length > 0 ? { highlight } : {}),
      ...(title ? { title } : {}),
    }),
  );
}

function text(body: string, type: string): Blob {
  return new Blob([body], { type: `${type};charset=utf-8` });
}

/** A download with no network: an object URL on a link with a download attribute. */
export function download(file: ExportFile): void {
  const url = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // the browser has started reading the blob; keep it a little for slow ones
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
