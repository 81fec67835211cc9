// The contract between the driver (parse/index.ts) and one importer per format (detect.ts).
import type { Diagnostic, Format, Report } from '../model/types';
import type { CleanLine } from './clean/types';

export interface ParsedReport {
  report: Report;
  /** index (into the lines given) just past the report's last line */
  end: number;
}

export interface FormatParser {
  format: Format;
  /** Does a report of this format start at lines[i]? Cheap: called for every line. */
  sniff(lines: readonly CleanLine[], i: number): boolean;
  /**
   * Parse the report that starts at lines[start] (where sniff said yes). Never throws: what is
   * missing or odd goes into report.diagnostics with original line numbers.
   */
  parse(lines: readonly CleanLine[], start: number): ParsedReport;
  /**
   * For inputs that hold any number of findings at once (a lock trace: none, one or many reports,
   * and a diagnostic saying what was checked): used instead of parse() when present.
   */
  parseMany?(
    lines: readonly CleanLine[],
    start: number,
  ): { reports: Report[]; diagnostics: Diagnostic[]; end: number };
  /**
   * Texts that begin a printed line of this format. The cleaner uses them to re-split reports
   * flattened onto one line and to tell a mailer-wrapped tail from a new line.
   */
  lineStarts: readonly RegExp[];
}

export interface ParseOptions {
  /** a format hint (e.g. from a file name or a menu): results must not depend on it */
  format?: Format;
}

export type { Diagnostic };
