// FreeBSD and OpenBSD WITNESS (sys/kern/subr_witness.c) and the lock panics around it: the two
// importers share one reader; OpenBSD's port prefixes its messages with "witness: ".
import type { Format } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { FormatParser, ParsedReport } from '../format';
import { parseLor, sniffLor, type StartsReport } from './lor';
import { MAX_LINE } from './lock-line';
import { otherReportAt } from './other-reports';
import { BLOCKABLE_SLEEP_LOCK, OPENBSD_LINE_STARTS, WITNESS_LINE_STARTS } from './patterns';

type Reader = (
  lines: readonly CleanLine[],
  start: number,
  format: Format,
  startsReport: StartsReport,
) => ParsedReport;

// Every report's first line holds one of these words: a cheap test before the real ones.
const PREFILTER = /lock|1st|mutex|hread/;

let cacheLines: readonly CleanLine[] | null = null;
let cacheIndex = -1;
let cacheReader: Reader | null = null;

function readerAt(lines: readonly CleanLine[], i: number): Reader | null {
  if (lines === cacheLines && i === cacheIndex) return cacheReader;
  const text = lines[i]?.text ?? '';
  let reader: Reader | null = null;
  if (text.length <= MAX_LINE && PREFILTER.test(text))
    reader = sniffLor(lines, i) ? parseLor : otherReportAt(lines, i);
  cacheLines = lines;
  cacheIndex = i;
  cacheReader = reader;
  return reader;
}

function startsReport(lines: readonly CleanLine[], i: number): boolean {
  return readerAt(lines, i) !== null;
}

// OpenBSD sleep locks are rwlock/rrwlock/kernel_lock and its panic has no "@ file:line"
const OPENBSD_CLASSES = new Set(['rwlock', 'rrwlock', 'kernel_lock', 'mutex']);

function isOpenBsd(text: string): boolean {
  if (/^\s*witness: |\switness: lock order reversal:\s*$/.test(text)) return true;
  const b = BLOCKABLE_SLEEP_LOCK.exec(text);
  return b !== null && OPENBSD_CLASSES.has(b[2]!);
}

function makeParser(format: Format, lineStarts: readonly RegExp[]): FormatParser {
  const mine = (text: string) => isOpenBsd(text) === (format === 'openbsd-witness');
  return {
    format,
    sniff: (lines, i) => readerAt(lines, i) !== null && mine(lines[i]!.text),
    parse: (lines, start) => {
      const reader = readerAt(lines, start);
      if (!reader) throw new Error(`no WITNESS report starts at line ${lines[start]?.origin}`);
      const parsed = reader(lines, start, format, startsReport);
      // a FreeBSD-looking first line followed by OpenBSD-only sections ("first seen at", "ddb{0}>")
      if (format === 'freebsd-witness' && looksOpenBsd(lines, start, parsed.end))
        parsed.report.format = 'openbsd-witness';
      return parsed;
    },
    lineStarts,
  };
}

function looksOpenBsd(lines: readonly CleanLine[], start: number, end: number): boolean {
  for (let i = start; i < end && i < lines.length; i++) {
    if (
      /^\s*(?:lock order ".*" first seen at:|lock order data \S+ -> \S+ missing|ddb\{\d+\}>)/.test(
        lines[i]!.text,
      )
    )
      return true;
  }
  return false;
}

export const openbsdWitnessParser: FormatParser = makeParser(
  'openbsd-witness',
  OPENBSD_LINE_STARTS,
);
export const freebsdWitnessParser: FormatParser = makeParser(
  'freebsd-witness',
  WITNESS_LINE_STARTS,
);
