// `npm run bench [-- NAME...]`: runs the named benchmarks (all when none is named; a name also
// selects those it prefixes, so `parse` runs every parse:*). Prints figures; never fails on time.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { benchGraph } from './graph';
import { benchLockGraph } from './lockgraph';
import { formatTable, type Row } from './measure';
import { benchBrowser } from './browser';
import { benchLockgraphBrowser } from './lockgraph-browser';
import { benchMemory } from './memory';
import { benchPermalink } from './permalink';
import { benchSim } from './sim';
import {
  benchCorpus,
  benchDenseLog,
  benchHugeLog,
  benchHugeReport,
  benchLog,
  benchLongLine,
  benchRepeatedHeader,
} from './parse';

interface Benchmark {
  name: string;
  about: string;
  run(): Row[] | string;
}

/** Later issues add browser benchmarks here (e.g. `browser:layout`). */
const BENCHMARKS: readonly Benchmark[] = [
  { name: 'browser', about: 'the graph view in headless Chromium', run: benchBrowser },
  {
    name: 'lockgraph-browser',
    about: 'the lock-graph explorer on an 8,000/32,000 dump in headless Chromium',
    run: benchLockgraphBrowser,
  },
  {
    name: 'graph',
    about: 'lock graph build, SCCs and layered layout, 500 to 8,000 classes',
    run: benchGraph,
  },
  {
    name: 'lockgraph',
    about: 'a generated /proc/lockdep (2,000 to 8,000 classes): parse + SCCs, order, queries',
    run: benchLockGraph,
  },
  { name: 'parse:corpus', about: 'every file of the shared corpus', run: benchCorpus },
  {
    name: 'parse:log',
    about: 'a generated 50 MB dmesg log with lockdep reports inside',
    run: benchLog,
  },
  {
    name: 'parse:dense',
    about: 'a generated 20 MB log with a lockdep report every ~6 kB',
    run: benchDenseLog,
  },
  { name: 'parse:long-line', about: '1 MB lines of several kinds', run: benchLongLine },
  {
    name: 'parse:huge-report',
    about: 'a report with 100,000 held locks / a 100,000-line chain',
    run: benchHugeReport,
  },
  {
    name: 'parse:repeated-header',
    about: 'one header line repeated a million times',
    run: benchRepeatedHeader,
  },
  {
    name: 'parse:huge-log',
    about: 'a generated 100 MB dmesg log, parsed once (must not throw)',
    run: benchHugeLog,
  },
  {
    name: 'permalink',
    about: 'link lengths: seed 002 and every corpus/linux report, full and report-only',
    run: benchPermalink,
  },
  {
    name: 'sim',
    about: 'the lock-program explorer, 2 to 6 threads, with and without partial-order reduction',
    run: benchSim,
  },
  {
    name: 'parse:memory',
    about: 'peak RSS and heap for the 50 MB log (fresh processes)',
    run: benchMemory,
  },
];

function select(names: readonly string[]): Benchmark[] {
  if (names.length === 0) return [...BENCHMARKS];
  return BENCHMARKS.filter((b) =>
    names.some((n) => b.name === n || b.name.startsWith(`${n}:`) || b.name.startsWith(n)),
  );
}

const args = process.argv.slice(2);
if (args.includes('--list') || args.includes('-h') || args.includes('--help')) {
  console.log('usage: npm run bench [-- NAME...]   (a prefix such as "parse" selects parse:*)\n');
  for (const b of BENCHMARKS) console.log(`  ${b.name.padEnd(24)}${b.about}`);
  process.exit(0);
}
const chosen = select(args);
if (chosen.length === 0) {
  console.error(`no benchmark matches ${args.join(' ')}; try --list`);
  process.exit(2);
}

console.log(
  `node ${process.version}, ${process.platform}/${process.arch}; 2x/1x is t(2x input)/t(1x input): 2.0 = linear\n`,
);
const rows: Row[] = [];
const texts: string[] = [];
for (const b of chosen) {
  const t0 = performance.now();
  process.stderr.write(`running ${b.name}...`);
  let result: Row[] | string;
  try {
    result = b.run();
  } catch (err) {
    result = `${b.name} failed: ${err instanceof Error ? err.message : String(err)}`;
  }
  process.stderr.write(` ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
  if (typeof result === 'string') texts.push(result);
  else rows.push(...result);
}
if (rows.length) console.log(formatTable(rows));
for (const t of texts) console.log(`\n${t}`);

const outDir = resolve(import.meta.dirname, 'out');
mkdirSync(outDir, { recursive: true });
writeFileSync(
  join(outDir, 'latest.json'),
  JSON.stringify({ date: new Date().toISOString(), node: process.version, rows, texts }, null, 2),
);
