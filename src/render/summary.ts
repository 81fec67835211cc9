// `lockscope parse --summary`: the reports of one or more logs grouped by dedup key, one line per
// group, for triage scripts (sort -rn, cut -f2) and for people scanning a long CI log.
import { groupReports, type ReportGroup } from '../logs';
import type { LineRange, Report } from '../model/types';
import { safe } from './text';

/** A report with the file it came from ("-" for stdin), as `lockscope parse` reads them. */
export interface SourcedReport {
  file: string;
  report: Report;
}

export interface SummaryOccurrence {
  /** index into the output's `reports` */
  report: number;
  file: string;
  lines: LineRange;
  title: string;
}

/** A group as --summary --json prints it: ReportGroup plus where each occurrence is. */
export interface SummaryGroup extends ReportGroup {
  occurrences: SummaryOccurrence[];
}

export function summariseReports(sourced: readonly SourcedReport[]): SummaryGroup[] {
  const groups = groupReports(sourced.map((s) => s.report));
  return groups.map((g) => ({
    ...g,
    occurrences: g.reports.map((i) => {
      const s = sourced[i]!;
      return { report: i, file: s.file, lines: s.report.lines, title: s.report.title };
    }),
  }));
}

/**
 * One line per group, in order of first appearance, four tab-separated fields:
 *   COUNT  KEY  TITLE  OCCURRENCES
 * TITLE is the first occurrence's; OCCURRENCES is a comma-separated list of line ranges
 * ("87-97,102-111"), each "FILE:87-97" when several files were read. Tabs and control characters
 * inside a field become spaces / U+FFFD, so a field never splits.
 */
export function renderSummaryText(groups: readonly SummaryGroup[], withFiles: boolean): string {
  return groups
    .map((g) => {
      const where = g.occurrences
        .map((o) => `${withFiles ? `${field(o.file)}:` : ''}${rangeText(o.lines)}`)
        .join(',');
      return [String(g.count), field(g.key), field(g.title), where].join('\t') + '\n';
    })
    .join('');
}

function rangeText(lines: LineRange): string {
  return lines.start === lines.end ? String(lines.start) : `${lines.start}-${lines.end}`;
}

function field(text: string): string {
  return safe(text.replace(/\t/g, ' '));
}
