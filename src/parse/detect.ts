// The format table: one importer per format, tried in order on every cleaned line.
// Detection is by content only; a format hint merely moves that importer to the front.
import type { Format } from '../model/types';
import type { FormatParser } from './format';
import { lockdepParser } from './lockdep';
import { tsanParser } from './tsan';
import { helgrindParser } from './helgrind';
import { javaParser } from './java';
import { goDeadlockParser } from './go-deadlock';
import { abseilParser } from './abseil';
import { bitcoinParser } from './bitcoin';
import { procLockdepParser, witnessGraphParser } from './lockgraph';
import { freebsdWitnessParser, openbsdWitnessParser } from './witness';
import { lockTraceParser } from '../trace/parse-trace';

export const FORMAT_PARSERS: readonly FormatParser[] = [
  lockdepParser,
  openbsdWitnessParser,
  freebsdWitnessParser,
  tsanParser,
  helgrindParser,
  javaParser,
  goDeadlockParser,
  abseilParser,
  bitcoinParser,
  procLockdepParser,
  witnessGraphParser,
  lockTraceParser,
];

export function orderedParsers(hint?: Format): readonly FormatParser[] {
  if (!hint) return FORMAT_PARSERS;
  const first = FORMAT_PARSERS.filter((p) => p.format === hint);
  return [...first, ...FORMAT_PARSERS.filter((p) => p.format !== hint)];
}

/** Every format's line-start vocabulary, for the cleaner's re-splitting and re-joining. */
export const ALL_LINE_STARTS: readonly RegExp[] = FORMAT_PARSERS.flatMap((p) => p.lineStarts);
