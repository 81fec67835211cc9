// Browser figures for the lock graph view, in headless Chromium against the production build:
// paste-to-drawn time for seed 002, a merged graph of 500 classes, the initial JavaScript size
// (gzip) and the page's JS heap after a 50 MB log. "Drawn" is window.lockscope.whenDrawn():
// parsed, laid out in the worker, positions applied, two frames painted. Prints; never fails.
//
// benchBrowser() is synchronous like every benchmark here, so it runs this file again in a child
// process (the browser work is asynchronous) and returns what the child prints.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, asBenchChild, median, runBenchChild, withAppPage } from './browser-harness';
import { generateDmesgLog } from './generate';

const PORT = 4199;
const CORPUS = resolve(process.env.LOCKSCOPE_CORPUS ?? join(ROOT, '..', 'shared', 'corpus'));
const RUNS = 15;

export function benchBrowser(): string {
  return runBenchChild('browser.ts', 'browser benchmark', 600_000);
}

/** The JS the first page load fetches: the entry script and what it preloads, gzip -9. */
function initialJs(): { files: string[]; gzip: number; raw: number; lazy: string } {
  const dist = join(ROOT, 'dist');
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  let gzip = 0;
  let raw = 0;
  for (const f of files) {
    const bytes = readFileSync(join(dist, f));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  // Vite names both the graph view's own chunk and the shared one holding Cytoscape after
  // LockGraphView: the lazy graph is all of them together.
  const graphChunks = readdirSync(join(dist, 'assets')).filter(
    (f) => f.startsWith('LockGraphView') && f.endsWith('.js'),
  );
  const lazyBytes = graphChunks.reduce(
    (n, f) => n + gzipSync(readFileSync(join(dist, 'assets', f)), { level: 9 }).length,
    0,
  );
  const lazy = graphChunks.length
    ? `${kb(lazyBytes)} gzip in ${graphChunks.length} chunks (Cytoscape and the graph view, loaded when a graph is shown)`
    : 'not found';
  return { files, gzip, raw, lazy };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** 250 reports over 500 classes: each its own buf_lock, mmap_lock and i_mutex_key shared in 125s. */
function merged500(example: string): string {
  const parts: string[] = [];
  for (let i = 0; i < 250; i++) {
    parts.push(
      example
        .replaceAll('&dev->buf_lock', `&dev->buf_lock#${i}`)
        .replaceAll('&mm->mmap_lock', `&mm->mmap_lock#${i % 125}`)
        .replaceAll('&sb->s_type->i_mutex_key#12', `&sb->s_type->i_mutex_key#${(i * 7) % 125}`),
    );
  }
  return parts.join('\nsome other kernel message\n');
}

async function child(): Promise<void> {
  const out: string[] = [];
  const log = generateDmesgLog(50e6);
  const seedPath = join(CORPUS, 'seeds', '002_2cc49d2819f18c37.txt');
  const seed = existsSync(seedPath) ? readFileSync(seedPath, 'utf8') : null;
  const example = readFileSync(join(ROOT, 'public', 'examples', 'lockdep-circular.txt'), 'utf8');
  const texts: Record<string, string> = {
    'log.txt': log.text,
    'seed.txt': seed ?? example,
    'merged.txt': merged500(example),
  };
  await withAppPage(PORT, texts, async (page) => {
    const times = await page.evaluate(async (runs) => {
      const text = await (await fetch('/__bench/seed.txt')).text();
      const out: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        await window.lockscope!.load(text);
        await window.lockscope!.whenDrawn();
        out.push(performance.now() - t0);
      }
      return out;
    }, RUNS);
    const seedState = await page.evaluate(() => window.lockscope!.state().graph);
    out.push(
      `paste-to-drawn, ${seed ? 'seed 002' : 'the lockdep example (corpus not found)'} (${seedState.nodes.length} classes, ${seedState.edges.length} dependencies), ${RUNS} runs:`,
      `  median ${median(times).toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms (target: median under 300 ms)`,
    );

    const merged = await page.evaluate(async () => {
      const text = await (await fetch('/__bench/merged.txt')).text();
      const api = window.lockscope!;
      const t0 = performance.now();
      await api.load(text);
      await api.whenDrawn();
      const t1 = performance.now();
      api.setMerged(true);
      await api.whenDrawn();
      const t2 = performance.now();
      const g = api.state().graph;
      api.setMerged(false);
      return {
        parse: t1 - t0,
        merge: t2 - t1,
        nodes: g.nodes.length,
        edges: g.edges.length,
        reports: api.state().reports.length,
      };
    });
    out.push(
      `merged graph, ${merged.reports} reports, ${merged.nodes} classes, ${merged.edges} dependencies:`,
      `  toggle-to-drawn ${merged.merge.toFixed(0)} ms (target: under 2 s); load of the ${(texts['merged.txt']!.length / 1e6).toFixed(1)} MB log and its first report ${merged.parse.toFixed(0)} ms`,
    );

    const js = initialJs();
    out.push(
      `initial JavaScript: ${kb(js.gzip)} gzip -9, ${kb(js.raw)} raw (${js.files.join(', ')}; target: under 350 KB)`,
      `  lazy graph chunk: ${js.lazy}`,
    );

    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = await cdp.send('Runtime.getHeapUsage');
      return usage.usedSize + (usage.backingStorageSize ?? 0);
    };
    const before = await heap();
    const big = await page.evaluate(async () => {
      const text = await (await fetch('/__bench/log.txt')).text();
      const t0 = performance.now();
      await window.lockscope!.load(text);
      await window.lockscope!.whenDrawn();
      return { ms: performance.now() - t0, reports: window.lockscope!.state().reports.length };
    });
    const after = await heap();
    const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;
    out.push(
      `50 MB log (${(log.text.length / 1e6).toFixed(0)} MB, ${big.reports} reports): loaded and drawn in ${(big.ms / 1000).toFixed(1)} s;`,
      `  page JS heap after GC ${mib(after)} (${mib(before)} before; the input string alone is ~${mib(log.text.length)} as Latin-1, double if it holds any non-Latin-1 character)`,
    );
  });
  process.stdout.write(`browser (headless Chromium, canvas renderer):\n${out.join('\n')}\n`);
}

asBenchChild(child);
