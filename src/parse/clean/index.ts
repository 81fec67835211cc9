// Undo what happened to a report on its way from a console to the reader: placeholder.
import type { Diagnostic } from '../../model/types';
import type { CleanLine } from './types';

export interface CleanOptions {
  /** line-start vocabulary of every format (detect.ts ALL_LINE_STARTS) */
  lineStarts?: readonly RegExp[];
}

export interface CleanResult {
  lines: CleanLine[];
  diagnostics: Diagnostic[];
}

export function cleanText(input: string, _options: CleanOptions = {}): CleanResult {
  const lines = input.split(/\r\n|\r|\n/).map((text, i) => ({
    text,
    origin: i + 1,
    originEnd: i + 1,
    stream: null,
  }));
  return { lines, diagnostics: [] };
}

export type { CleanLine };
