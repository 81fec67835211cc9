// Memory for the 50 MB log: each measurement in a fresh process, so one run's garbage or JIT
// state cannot colour the next. Peak RSS is measured with and without the parse; the difference
// is what parsing costs at its peak.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

interface ChildFigures {
  bytes: number;
  reports: number | null;
  heapBefore: number;
  heapAfter: number;
  heapRetained: number;
  rssAfter: number;
  maxRss: number;
}

function child(parse: boolean): ChildFigures | string {
  const args = [
    '--expose-gc',
    join(ROOT, 'bin', 'run-ts.mjs'),
    join(ROOT, 'bench', 'memory-child.ts'),
  ];
  const run = spawnSync(process.execPath, parse ? [...args, '--parse'] : args, {
    encoding: 'utf8',
    maxBuffer: 1e6,
  });
  if (run.status !== 0)
    return `child failed (${run.status ?? run.signal}): ${run.stderr.trim().split('\n').at(-1)}`;
  return JSON.parse(run.stdout) as ChildFigures;
}

export function benchMemory(): string {
  const base = child(false);
  const parsed = child(true);
  if (typeof base === 'string') return base;
  if (typeof parsed === 'string') return parsed;
  const m = (n: number) => `${Math.round(n / 2 ** 20)} MiB`;
  const x = (n: number) => `${(n / parsed.bytes).toFixed(1)}x input`;
  return [
    `memory, 50 MB log (${parsed.reports} reports), each in a fresh process:`,
    `  peak RSS        ${m(parsed.maxRss)} with parse, ${m(base.maxRss)} generating only -> parse adds ${m(parsed.maxRss - base.maxRss)} (${x(parsed.maxRss - base.maxRss)})`,
    `  heapUsed        ${m(parsed.heapBefore)} before parse, ${m(parsed.heapAfter)} right after (${x(parsed.heapAfter - parsed.heapBefore)} more)`,
    `  heap retained   ${m(parsed.heapRetained)} after GC with the ParseOutput alive (${x(parsed.heapRetained - parsed.heapBefore)} over the input)`,
  ].join('\n');
}
