// Permalink lengths (the figure that matters: chat apps cut links over 2,000 characters) for
// seed 002 and every report of corpus/linux, full and report-only, with the same texts
// compressed without the preset dictionary for comparison; and encode/decode times.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { deflateSync } from 'fflate';
import { parseText } from '../src/parse';
import { CORPUS_DIR, corpusAvailable, corpusFiles } from '../src/parse/corpus';
import {
  decodePermalinkSync,
  encodeFragmentV1Sync,
  LINK_LENGTH_LIMIT,
} from '../src/permalink/codec';
import { serializePayload } from '../src/permalink/payload';
import { reduceViewState } from '../src/permalink/share';
import { defaultViewState, type ViewState } from '../src/permalink/state';
import { bestTime } from './measure';

/** What `lockscope link` uses by default; a deployed base adds its own length. */
const BASE = 'http://127.0.0.1:4173/';
const SEED_002 = join('seeds', '002_2cc49d2819f18c37.txt');

interface Lengths {
  v1: number;
  /** the same payload and frame, fflate level 9 without the preset dictionary */
  fflate: number;
  /** node:zlib raw DEFLATE level 9, no dictionary: what CompressionStream('deflate-raw') gives */
  zlib: number;
}

function lengths(state: ViewState): Lengths {
  const v1 = encodeFragmentV1Sync(state, BASE).length;
  const payload = new TextEncoder().encode(serializePayload(state));
  // The same frame around it ("#v1." and an ~8-byte header), so only the compression differs.
  const frame = (n: number) => BASE.length + 4 + Math.ceil(((n + 8) * 4) / 3);
  return {
    v1,
    fflate: frame(deflateSync(payload, { level: 9 }).length),
    zlib: frame(deflateRawSync(payload, { level: 9 }).length),
  };
}

function stats(values: number[]): { median: number; max: number; over: number } {
  const v = [...values].sort((a, b) => a - b);
  return {
    median: v[Math.floor((v.length - 1) / 2)] ?? 0,
    max: v.at(-1) ?? 0,
    over: v.filter((x) => x > LINK_LENGTH_LIMIT).length,
  };
}

const row = (cells: (string | number)[]) =>
  cells.map((c, i) => (i === 0 ? String(c).padEnd(44) : String(c).padStart(11))).join('');

export function benchPermalink(): string {
  if (!corpusAvailable()) return `permalink: no corpus at ${CORPUS_DIR}`;
  const out: string[] = [
    `permalink lengths in characters, base ${BASE} included (limit ${LINK_LENGTH_LIMIT.toLocaleString('en-US')});`,
    'v1 = fflate with the preset dictionary; without it: fflate, and zlib (= CompressionStream deflate-raw)',
    row(['', 'v1 (dict)', 'fflate', 'zlib/CS']),
  ];

  const seed = readFileSync(join(CORPUS_DIR, SEED_002), 'utf8');
  const seedParsed = parseText(seed);
  const seedState = defaultViewState(seed);
  const seedReduced = reduceViewState(seedState, seedParsed);
  const sf = lengths(seedState);
  const sr = lengths(seedReduced.state);
  out.push(row(['seed 002, full', sf.v1, sf.fflate, sf.zlib]));
  out.push(row([`seed 002, report only (${seedReduced.reduction})`, sr.v1, sr.fflate, sr.zlib]));

  const full: Lengths[] = [];
  const reduced: Lengths[] = [];
  const kinds = new Map<string, number>();
  const reducedStates: ViewState[] = [];
  for (const file of corpusFiles('linux')) {
    const input = readFileSync(join(CORPUS_DIR, file), 'utf8');
    const parsed = parseText(input);
    full.push(lengths(defaultViewState(input)));
    for (let i = 0; i < parsed.reports.length; i++) {
      const r = reduceViewState({ ...defaultViewState(input), report: i }, parsed);
      kinds.set(r.reduction, (kinds.get(r.reduction) ?? 0) + 1);
      reduced.push(lengths(r.state));
      reducedStates.push(r.state);
    }
  }
  const line = (name: string, xs: Lengths[]) => {
    const [a, b, c] = (['v1', 'fflate', 'zlib'] as const).map((k) => stats(xs.map((x) => x[k])));
    out.push(row([`${name}, median`, a!.median, b!.median, c!.median]));
    out.push(row([`${name}, max`, a!.max, b!.max, c!.max]));
    const over = (s: { over: number }) => `${s.over}/${xs.length}`;
    out.push(row([`${name}, over the limit`, over(a!), over(b!), over(c!)]));
  };
  line(`linux: ${reduced.length} reports, report only`, reduced);
  line(`linux: ${full.length} files, full`, full);
  out.push(
    `reductions: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')} ` +
      `(stripped: cleaned + addresses and register dumps dropped; cleaned: prefixes undone only; lines: the report's raw lines)`,
  );

  // Times: seed 002 one at a time, then every reduced corpus link.
  const seedLink = encodeFragmentV1Sync(seedState, BASE);
  const times = [
    ['encode seed 002 (full)', bestTime(() => void encodeFragmentV1Sync(seedState, BASE))],
    ['decode seed 002 (full)', bestTime(() => void decodePermalinkSync(seedLink))],
    [
      'reduce seed 002 (parses 1-3 times)',
      bestTime(() => void reduceViewState(seedState, seedParsed)),
    ],
  ] as [string, number][];
  const links = reducedStates.map((s) => encodeFragmentV1Sync(s, BASE));
  const enc = bestTime(() => reducedStates.forEach((s) => encodeFragmentV1Sync(s, BASE)), {
    maxRuns: 3,
  });
  const dec = bestTime(() => links.forEach((l) => decodePermalinkSync(l)), { maxRuns: 3 });
  times.push([`encode, per corpus report link`, enc / reducedStates.length]);
  times.push([`decode, per corpus report link`, dec / links.length]);
  out.push('', row(['time', 'ms']));
  for (const [name, ms] of times) out.push(row([name, ms.toFixed(2)]));
  return out.join('\n');
}
