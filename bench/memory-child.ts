// Run in a fresh process by the memory benchmark: generate the 50 MB log, optionally parse it,
// and print the process's memory figures as JSON on stdout.
import { parseText } from '../src/parse';
import { generateDmesgLog } from './generate';

const parse = process.argv.includes('--parse');
const log = generateDmesgLog(50e6);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
const out = parse ? parseText(log.text) : null;
const after = process.memoryUsage();
gc?.();
const retained = process.memoryUsage();
process.stdout.write(
  JSON.stringify({
    bytes: log.text.length,
    reports: out?.reports.length ?? null,
    heapBefore: before.heapUsed,
    heapAfter: after.heapUsed,
    heapRetained: retained.heapUsed,
    rssAfter: after.rss,
    // Peak resident set size of the whole process (kB on Linux), the only true peak Node offers.
    maxRss: process.resourceUsage().maxRSS * 1024,
  }) + '\n',
);
