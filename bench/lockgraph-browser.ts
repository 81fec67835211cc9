// The lock-graph explorer in headless Chromium on a generated 8,000-class / 32,000-dependency
// /proc/lockdep dump: paste-to-parsed (and the longest main-thread task meanwhile: the parse
// runs in the worker), time to a drawn neighbourhood (target under 300 ms), and the whole graph
// drawn with canvas and with WebGL — time, longest task and JS heap (CDP). Prints the machine's
// load too: the figures are wall-clock on 2 shared cores. Never fails on time.
// Runs itself in a child process, as bench/browser.ts does, on its own port.
// Last runs (load average 11-15 on 2 cores): paste-to-explorer 0.7-1.4 s, longest task 0.2-0.45 s
// (was 4.7 s / 3.6 s); neighbourhood median 168 ms (was 242); whole graph on canvas 2.6-6 s,
// 11.5 s at the busiest, ~52 MiB heap (was 34 s / 201 MiB); WebGL (SwiftShader) 24 s (was 68 s).
import { loadavg } from 'node:os';
import { asBenchChild, median, runBenchChild, withAppPage } from './browser-harness';
import { generateLockdepDump } from './lockgraph-dump';

const PORT = 4184;
const RUNS = 9;

export function benchLockgraphBrowser(): string {
  return runBenchChild('lockgraph-browser.ts', 'lockgraph browser benchmark', 900_000);
}

const mib = (n: number) => `${(n / 2 ** 20).toFixed(0)} MiB`;

async function child(): Promise<void> {
  const out: string[] = [];
  const dump = generateLockdepDump({ classes: 8000, dependencies: 32000, cycles: 3, seed: 1 });
  await withAppPage(PORT, { 'dump.txt': dump.text }, async (page) => {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
    };

    const load = await page.evaluate(async () => {
      const text = await (await fetch('/__bench/dump.txt')).text();
      let longest = 0;
      const observer = new PerformanceObserver((list) => {
        for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
      });
      observer.observe({ type: 'longtask', buffered: false });
      const t0 = performance.now();
      await window.lockscope!.load(text);
      await window.lockscope!.whenDrawn();
      const ms = performance.now() - t0;
      await new Promise((r) => setTimeout(r, 50));
      observer.disconnect();
      const s = window.lockscope!.state().lockGraph;
      return {
        ms,
        longest,
        classes: s?.classes ?? 0,
        dependencies: s?.dependencies ?? 0,
        mb: text.length / 1e6,
      };
    });
    out.push(
      `dump: ${load.mb.toFixed(1)} MB /proc/lockdep, ${load.classes} classes, ${load.dependencies} dependencies`,
      `  paste-to-explorer ${load.ms.toFixed(0)} ms; longest main-thread task meanwhile ${load.longest.toFixed(0)} ms`,
    );

    const focus = await page.evaluate(async (runs) => {
      const api = window.lockscope!;
      const names = api.state().graph.nodes;
      const times: number[] = [];
      let drawn = 0;
      for (let i = 0; i < runs; i++) {
        const name = names[(i * 997) % names.length]!;
        const t0 = performance.now();
        const answer = api.graphQuery({ focus: name, depth: i % 2 === 0 ? 1 : 2 });
        await api.whenDrawn();
        times.push(performance.now() - t0);
        drawn = Math.max(drawn, answer?.nodeCount ?? 0);
      }
      return { times, drawn };
    }, RUNS);
    out.push(
      `neighbourhood query-to-drawn, ${RUNS} classes (depth 1 and 2, up to ${focus.drawn} classes drawn):`,
      `  median ${median(focus.times).toFixed(0)} ms, max ${Math.max(...focus.times).toFixed(0)} ms (target: under 300 ms)`,
    );

    const path = await page.evaluate(async () => {
      const api = window.lockscope!;
      const names = api.state().graph.nodes;
      const t0 = performance.now();
      const answer = api.graphQuery({ from: names[0]!, to: names[names.length - 1]! });
      await api.whenDrawn();
      return { ms: performance.now() - t0, yes: answer?.takenBefore };
    });
    out.push(
      `"is A taken before B?" query-to-drawn ${path.ms.toFixed(0)} ms (answer: ${path.yes})`,
    );

    for (const renderer of ['canvas', 'webgl'] as const) {
      await page.evaluate(() => window.lockscope!.graphQuery(null));
      const before = await heap();
      const whole = await page.evaluate(async (r) => {
        const api = window.lockscope!;
        api.setRenderer(r);
        let longest = 0;
        const observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) longest = Math.max(longest, e.duration);
        });
        observer.observe({ type: 'longtask', buffered: false });
        const t0 = performance.now();
        api.graphQuery({ whole: true });
        await api.whenDrawn();
        const ms = performance.now() - t0;
        await new Promise((done) => setTimeout(done, 50));
        observer.disconnect();
        const d = api.state().lockGraph?.drawing;
        return { ms, longest, nodes: d?.nodes, edges: d?.edges, used: d?.renderer };
      }, renderer);
      const after = await heap();
      out.push(
        `whole graph, ${renderer} (drew with ${whole.used}): ${whole.nodes} nodes, ${whole.edges} edges drawn in ${(whole.ms / 1000).toFixed(1)} s (longest task ${(whole.longest / 1000).toFixed(1)} s); JS heap ${mib(after)} (${mib(before)} before)`,
      );
    }
  });
  process.stdout.write(
    `lockgraph browser (headless Chromium, no GPU: WebGL is SwiftShader software; load average ${loadavg()[0]!.toFixed(1)} on 2 cores):\n${out.join('\n')}\n`,
  );
}

asBenchChild(child);
