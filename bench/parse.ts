// Parse throughput: the real corpus, a generated 50 MB dmesg log, and the pathological inputs
// (a 1 MB line, a 100,000-line report, a million repeated headers), each with its linearity.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../src/parse';
import { CORPUS_DIR, corpusAvailable, corpusFiles, corpusFolders } from '../src/parse/corpus';
import {
  generateDmesgLog,
  hugeChain,
  hugeHeldList,
  lockdepCircular,
  longLine,
  repeatedLine,
  rng,
} from './generate';
import { bestTime, growing, rowAt, type Row } from './measure';

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const found = (input: string) => plural(parseText(input).reports.length, 'report');
/** Pathological inputs end in diagnostics (folded headers, the 10,000-report stop): count them. */
const foundAndDiagnostics = (input: string) => {
  const out = parseText(input);
  return `${plural(out.reports.length, 'report')}, ${plural(out.diagnostics.length, 'diagnostic')}`;
};

export function benchCorpus(): Row[] {
  if (!corpusAvailable())
    return [{ name: 'corpus', bytes: 0, ms: 0, note: `no corpus at ${CORPUS_DIR}` }];
  const texts = corpusFolders()
    .flatMap((f) => corpusFiles(f))
    .map((p) => readFileSync(join(CORPUS_DIR, p), 'utf8'));
  const bytes = texts.reduce((n, t) => n + t.length, 0);
  let reports = 0;
  const ms = bestTime(() => {
    reports = 0;
    for (const t of texts) reports += parseText(t).reports.length;
  });
  return [{ name: `corpus (${texts.length} files)`, bytes, ms, note: `${reports} reports` }];
}

export function benchLog(): Row[] {
  let inserted = 0;
  // 1x = 25 MB, 2x = 50 MB: the row is the 50 MB log, its ratio t(50 MB) / t(25 MB).
  const g = growing(
    (scale) => {
      const log = generateDmesgLog(25e6 * scale);
      inserted = log.reports;
      return log.text;
    },
    (input) => `${found(input)} of ${inserted} inserted`,
    [0.25, 0.5, 1, 2],
  );
  return [rowAt('dmesg log, 50 MB', g, 2)];
}

/** Report-dense text (a report every ~6 kB, half the lines are report lines): the importers' cost. */
export function benchDenseLog(): Row[] {
  let inserted = 0;
  const g = growing(
    (scale) => {
      const log = generateDmesgLog(10e6 * scale, 6000, 2);
      inserted = log.reports;
      return log.text;
    },
    (input) => `${found(input)} of ${inserted} inserted`,
    [0.25, 0.5, 1, 2],
  );
  return [rowAt('report-dense log, 20 MB', g, 2)];
}

/** 100 MB: must parse without throwing or running out of memory (time is secondary). */
export function benchHugeLog(): Row[] {
  const log = generateDmesgLog(100e6);
  const t0 = performance.now();
  const note = `${found(log.text)} of ${log.reports} inserted`;
  return [
    {
      name: 'dmesg log, 100 MB (one run)',
      bytes: log.text.length,
      ms: performance.now() - t0,
      note,
    },
  ];
}

/** Flattened reports are what the cleaner re-splits: the worst kind of long line. */
const FLAT_REPORT = lockdepCircular(rng(3), 4).join(' ');

export function benchLongLine(): Row[] {
  const variants: [string, string][] = [
    ['1 MB line: flattened report', FLAT_REPORT + ' '],
    ['1 MB line: "(&a{" repeated', '(&a{'],
    ['1 MB line: one letter', 'a'],
    ['1 MB line: spaces', ' '],
  ];
  return variants.map(([name, unit]) => {
    const g = growing((scale) => longLine(1e6 * scale, unit), found, [0.125, 0.25, 0.5, 1, 2]);
    return rowAt(name, g, 1);
  });
}

export function benchHugeReport(): Row[] {
  const held = growing((scale) => hugeHeldList(100_000 * scale), found, [0.125, 0.25, 0.5, 1, 2]);
  // Each chain entry is 8 lines: a blank, "-> #k (...):", six frames.
  const chain = growing(
    (scale) => hugeChain(Math.round((100_000 * scale) / 8)),
    found,
    [0.125, 0.25, 0.5, 1, 2],
  );
  return [
    rowAt('report with 100,000 held locks', held, 1),
    rowAt('report with a 100,000-line chain', chain, 1),
  ];
}

export function benchRepeatedHeader(): Row[] {
  const header = 'WARNING: possible circular locking dependency detected';
  const banner = [
    '======================================================',
    header,
    '------------------------------------------------------',
  ].join('\n');
  const one = growing(
    (scale) => repeatedLine(header, 1e6 * scale),
    foundAndDiagnostics,
    [0.125, 0.25, 0.5, 1, 2],
  );
  const three = growing(
    (scale) => repeatedLine(banner, Math.round((1e6 * scale) / 3)),
    foundAndDiagnostics,
    [0.125, 0.25, 0.5, 1, 2],
  );
  // a header with a one-line body, repeated: each one is a (tiny) report
  const withBody = growing(
    (scale) =>
      repeatedLine(
        `${header}\nfrobd/812 is trying to acquire lock:`,
        Math.round((1e6 * scale) / 2),
      ),
    foundAndDiagnostics,
    [0.125, 0.25, 0.5, 1, 2],
  );
  return [
    rowAt('header line x 1,000,000', one, 1),
    rowAt('banner (3 lines) x 333,333', three, 1),
    rowAt('header + body line x 500,000', withBody, 1),
  ];
}
