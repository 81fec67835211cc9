// Turning the parse results of one or more files into what `lockscope parse` prints.
import { SCHEMA, type Diagnostic, type ParseOutput, type Report } from '../../model/types';
import { renderDot } from '../../render/dot';
import { renderGraphSvg, renderMarkdownReports } from './parse-exports';
import { formatDiagnostic, renderReportText } from '../../render/text';

export type OutputMode = 'text' | 'json' | 'dot' | 'markdown' | 'svg';

export interface FileOutput {
  /** as given on the command line; "-" for stdin */
  name: string;
  output: ParseOutput;
}

/** ParseOutput with each report and diagnostic saying which file it came from (an addition to v1). */
export interface MultiFileOutput {
  schema: typeof SCHEMA;
  reports: (Report & { file: string })[];
  diagnostics: (Diagnostic & { file: string })[];
}

/**
 * The output in pieces, written one by one: a log with a million reports makes a JSON text
 * longer than V8's longest string, so nothing here builds the whole output at once.
 */
export function* renderParsed(files: readonly FileOutput[], mode: OutputMode): Generator<string> {
  switch (mode) {
    case 'json':
      yield* jsonChunks(mergeOutputs(files));
      return;
    case 'dot':
      yield renderDot(files.flatMap((f) => f.output.reports));
      return;
    case 'markdown':
      yield* renderMarkdownReports(files);
      return;
    case 'svg':
      yield renderGraphSvg(files.flatMap((f) => f.output.reports));
      return;
    case 'text':
      yield* textChunks(files);
  }
}

/**
 * Exactly JSON.stringify(out, null, 2) + "\n", an array element at a time; `extra` arrays (an
 * addition to the contract, such as --summary's "groups") follow the diagnostics.
 */
export function* jsonChunks(
  out: MultiFileOutput,
  extra: Readonly<Record<string, readonly object[]>> = {},
): Generator<string> {
  yield `{\n  "schema": ${JSON.stringify(out.schema)},\n`;
  yield* jsonArray('reports', out.reports, ',');
  const keys = Object.keys(extra);
  yield* jsonArray('diagnostics', out.diagnostics, keys.length > 0 ? ',' : '');
  for (const [i, key] of keys.entries())
    yield* jsonArray(key, extra[key]!, i < keys.length - 1 ? ',' : '');
  yield '}\n';
}

function* jsonArray(key: string, items: readonly object[], after: string): Generator<string> {
  if (items.length === 0) {
    yield `  ${JSON.stringify(key)}: []${after}\n`;
    return;
  }
  yield `  ${JSON.stringify(key)}: [\n`;
  for (let i = 0; i < items.length; i++) {
    const text = JSON.stringify(items[i], null, 2).replace(/\n/g, '\n    ');
    yield `    ${text}${i < items.length - 1 ? ',' : ''}\n`;
  }
  yield `  ]${after}\n`;
}

/** One object whatever the number of files, so a script's jq filter never depends on it. */
export function mergeOutputs(files: readonly FileOutput[]): MultiFileOutput {
  return {
    schema: SCHEMA,
    reports: files.flatMap((f) => f.output.reports.map((r) => ({ file: f.name, ...r }))),
    diagnostics: files.flatMap((f) => f.output.diagnostics.map((d) => ({ file: f.name, ...d }))),
  };
}

function* textChunks(files: readonly FileOutput[]): Generator<string> {
  const total = files.reduce((n, f) => n + f.output.reports.length, 0);
  if (total === 0) return;
  const named = files.length > 1 || files[0]?.name !== '-';
  let index = 0;
  for (const f of files) {
    const source = named ? f.name : undefined;
    for (const r of f.output.reports) {
      index++;
      yield (
        (index > 1 ? '\n' : '') +
        renderReportText(r, { index, total, ...(source !== undefined ? { source } : {}) })
      );
    }
    // Notes about the file as a whole (what the cleaner undid, what was skipped).
    if (f.output.reports.length > 0 && f.output.diagnostics.length > 0) {
      const head = source !== undefined ? `notes on ${source}:` : 'notes:';
      yield (
        '\n' +
        [head, ...f.output.diagnostics.map((d) => `  ${formatDiagnostic(d)}`)].join('\n') +
        '\n'
      );
    }
  }
}
