// The parser's front door: raw pasted text in, reports and diagnostics out. Never throws.
import { SCHEMA, type Diagnostic, type ParseOutput, type Report } from '../model/types';
import { cleanText } from './clean';
import type { CleanLine } from './clean/types';
import { ALL_LINE_STARTS, orderedParsers } from './detect';
import type { ParseOptions } from './format';
import { countInputLines, explainNoReport, sniffBadInput } from './no-report';
import { internalError, newScanBudget, scanStream } from './scan-stream';

export type { ParseOptions };

export function parseText(input: string, options: ParseOptions = {}): ParseOutput {
  const diagnostics: Diagnostic[] = [];
  const bad = sniffBadInput(input);
  if (bad) return { schema: SCHEMA, reports: [], diagnostics: [bad] };

  let lines: CleanLine[];
  try {
    const cleaned = cleanText(input, { lineStarts: ALL_LINE_STARTS });
    lines = cleaned.lines;
    for (const d of cleaned.diagnostics) diagnostics.push(d);
  } catch (err) {
    // The cleaner is a best effort; if it trips, read the text as it is rather than fail.
    diagnostics.push(internalError(null, 'cleaning the text', err));
    lines = input.split(/\r\n|\r|\n/).map((text, i) => ({
      text,
      origin: i + 1,
      originEnd: i + 1,
      stream: null,
    }));
  }

  const parsers = orderedParsers(options.format);
  const reports: Report[] = [];
  const budget = newScanBudget();
  for (const stream of splitStreams(lines)) {
    // A loop, not push(...x): spreading 125,000+ reports overflows the call stack.
    for (const report of scanStream(stream, parsers, diagnostics, budget)) reports.push(report);
  }
  reports.sort((a, b) => a.lines.start - b.lines.start);

  // a trace that was read and found clean says so itself
  if (reports.length === 0 && !budget.readMany)
    diagnostics.push(explainNoReport(lines, countInputLines(lines, input)));
  return { schema: SCHEMA, reports, diagnostics };
}

/**
 * Two reports printed at once interleave line by line; with printk caller ids
 * ("[T8418]" vs "[T14782]") each task's lines are read on their own. Lines without an id
 * (wrapped tails, prefix-less continuation records) stay with the id before them.
 */
function splitStreams(lines: CleanLine[]): CleanLine[][] {
  if (!lines.some((l) => l.stream !== null)) return [lines];
  const byStream = new Map<string, CleanLine[]>();
  let current = '';
  for (const line of lines) {
    if (line.stream !== null) current = line.stream;
    let group = byStream.get(current);
    if (!group) byStream.set(current, (group = []));
    group.push(line);
  }
  return [...byStream.values()];
}
