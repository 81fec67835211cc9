// Turning the parse results of one or more files into what `lockscope parse` prints.
import { SCHEMA, type Diagnostic, type ParseOutput, type Report } from '../../model/types';
import { renderDot } from '../../render/dot';
import { formatDiagnostic, renderReportText } from '../../render/text';

export type OutputMode = 'text' | 'json' | 'dot';

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

export function renderParsed(files: readonly FileOutput[], mode: OutputMode): string {
  switch (mode) {
    case 'json':
      return JSON.stringify(mergeOutputs(files), null, 2) + '\n';
    case 'dot':
      return renderDot(files.flatMap((f) => f.output.reports));
    case 'text':
      return renderText(files);
  }
}

/** One object whatever the number of files, so a script's jq filter never depends on it. */
export function mergeOutputs(files: readonly FileOutput[]): MultiFileOutput {
  return {
    schema: SCHEMA,
    reports: files.flatMap((f) => f.output.reports.map((r) => ({ file: f.name, ...r }))),
    diagnostics: files.flatMap((f) => f.output.diagnostics.map((d) => ({ file: f.name, ...d }))),
  };
}

function renderText(files: readonly FileOutput[]): string {
  const total = files.reduce((n, f) => n + f.output.reports.length, 0);
  if (total === 0) return '';
  const named = files.length > 1 || files[0]?.name !== '-';
  const blocks: string[] = [];
  let index = 0;
  for (const f of files) {
    const source = named ? f.name : undefined;
    for (const r of f.output.reports) {
      index++;
      blocks.push(
        renderReportText(r, { index, total, ...(source !== undefined ? { source } : {}) }),
      );
    }
    // Notes about the file as a whole (what the cleaner undid, what was skipped).
    if (f.output.reports.length > 0 && f.output.diagnostics.length > 0) {
      const head = source !== undefined ? `notes on ${source}:` : 'notes:';
      blocks.push(
        [head, ...f.output.diagnostics.map((d) => `  ${formatDiagnostic(d)}`)].join('\n') + '\n',
      );
    }
  }
  return blocks.join('\n');
}
