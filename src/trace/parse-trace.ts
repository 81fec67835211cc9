// The 'lockscope-trace' importer for parseText(): an ftrace lock trace or a lockscope JSON trace
// pasted in is read, validated (lockdep, offline), and each finding becomes a report whose lines
// point at the trace lines of the events involved.
import { emptyReport } from '../model/report';
import type { Diagnostic, Report } from '../model/types';
import type { CleanLine } from '../parse/clean/types';
import type { FormatParser } from '../parse/format';
import { parseFtraceLine } from './read/ftrace-line';
import { readTrace } from './read';
import { validateTrace } from './validate';

const LOCK_EVENT = /: lock_(?:acquire|release): /;
const FTRACE_HEADER = /^# tracer: \w+\s*$|^cpus=\d+\s*$/;
const JSON_START = /^\s*\{\s*(?:"format"\s*:\s*"lockscope-trace"|$)/;

function sniffJson(lines: readonly CleanLine[], i: number): boolean {
  const text = lines[i]!.text;
  if (!JSON_START.test(text)) return false;
  if (text.includes('"lockscope-trace"')) return true;
  // "{" alone on its line: the format field is among the next few lines
  for (let k = i + 1; k < lines.length && k <= i + 3; k++) {
    if (/^\s*"format"\s*:\s*"lockscope-trace"/.test(lines[k]!.text)) return true;
  }
  return false;
}

function sniffFtrace(lines: readonly CleanLine[], i: number): boolean {
  const text = lines[i]!.text;
  if (FTRACE_HEADER.test(text)) return true;
  return LOCK_EVENT.test(text) && parseFtraceLine(text) !== null;
}

/** Where the trace ends: the first line that is none of the things an ftrace text holds. */
function ftraceEnd(lines: readonly CleanLine[], start: number): number {
  let i = start;
  for (; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (t.trim() === '' || t.startsWith('#') || /^\s*=> /.test(t) || FTRACE_HEADER.test(t))
      continue;
    if (/^(?:version = \d+|CPU \d+ is empty|cpus=\d+)\s*$/.test(t)) continue;
    if (parseFtraceLine(t)) continue;
    break;
  }
  while (i > start + 1 && lines[i - 1]!.text.trim() === '') i--;
  return i;
}

/** The JSON document: up to the line where its braces balance (strings skipped). */
function jsonEnd(lines: readonly CleanLine[], start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < lines.length; i++) {
    const t = lines[i]!.text;
    for (let k = 0; k < t.length; k++) {
      const c = t[k];
      if (inString) {
        if (c === '\\') k++;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
    }
  }
  return lines.length;
}

export interface TraceParse {
  reports: Report[];
  diagnostics: Diagnostic[];
  end: number;
}

export function parseTraceLines(lines: readonly CleanLine[], start: number): TraceParse {
  const json = sniffJson(lines, start);
  const end = json ? jsonEnd(lines, start) : ftraceEnd(lines, start);
  const slice = lines.slice(start, end);
  const origin = (local: number | null | undefined): number | null =>
    local === null || local === undefined ? null : (slice[local - 1]?.origin ?? null);
  const read = readTrace(slice.map((l) => l.text).join('\n'));
  const diagnostics: Diagnostic[] = read.errors.map((e) => ({
    line: origin(e.line) ?? slice[0]?.origin ?? null,
    severity: 'error',
    message: `${read.format === 'json' ? 'JSON trace' : 'ftrace'}: ${e.message}`,
  }));
  // events carry lines of the slice; reports must point into the original input
  const events = read.events.map((e) => ({ ...e, line: origin(e.line) ?? undefined }));
  if (events.length === 0) return { reports: [], diagnostics, end };
  const result = validateTrace(events);
  for (const n of result.notes)
    diagnostics.push({ line: n.line ?? null, severity: 'warning', message: n.message });
  const { events: n, threads } = result.stats;
  const scope = `${n} event${n === 1 ? '' : 's'} over ${threads} thread${threads === 1 ? '' : 's'}`;
  if (result.reports.length === 0) {
    diagnostics.push({
      line: slice[0]?.origin ?? null,
      severity: 'info',
      code: 'trace-clean',
      message: `lock trace (${read.format}): no problem found in ${scope} (${result.stats.classes} lock classes, ${result.stats.dependencies} dependencies)`,
    });
  }
  return { reports: result.reports, diagnostics, end };
}

export const lockTraceParser: FormatParser = {
  format: 'lockscope-trace',
  sniff: (lines, i) => sniffJson(lines, i) || sniffFtrace(lines, i),
  parse(lines, start) {
    const r = parseTraceLines(lines, start);
    // the driver calls parseMany() for traces; parse() alone gives the first finding
    const first = lines[start]?.origin ?? 1;
    const none = emptyReport('lockscope-trace', 'circular-dependency', {
      start: first,
      end: first,
    });
    return { report: r.reports[0] ?? none, end: r.end };
  },
  parseMany: parseTraceLines,
  lineStarts: [],
};
