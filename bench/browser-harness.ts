// What the browser benchmarks share: running in a child process (every benchmark here is
// synchronous, the browser work is not), the production build served by `vite preview` on the
// benchmark's own port, and a headless Chromium page on it with the app loaded and drawn.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Runs `bench/<file> --child` and returns what it prints, or why it failed. */
export function runBenchChild(file: string, name: string, timeout: number): string {
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'bin', 'run-ts.mjs'), join(ROOT, 'bench', file), '--child'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 1e7, timeout },
  );
  if (run.status !== 0)
    return `${name} failed (${run.status ?? run.signal}): ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`;
  return run.stdout.trimEnd();
}

/** In the child: runs `child` when the file was started with --child; a failure exits 1. */
export function asBenchChild(child: () => Promise<void>): void {
  if (!process.argv.includes('--child')) return;
  child().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}

/**
 * Builds the app, serves it on `port`, opens it in headless Chromium (1280×900) and waits until
 * the example is drawn, then runs `body`. `texts` are served as `/__bench/<name>`: big inputs
 * reach the page as same-origin responses, not through evaluate().
 */
export async function withAppPage(
  port: number,
  texts: Record<string, string>,
  body: (page: Page) => Promise<void>,
): Promise<void> {
  const { chromium } = await import('playwright-core');
  const origin = `http://127.0.0.1:${port}`;
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  const build = spawnSync(vite, ['build', '--logLevel', 'error'], { cwd: ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`vite build failed: ${build.stderr}`);
  const server = spawn(vite, ['preview', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    stdio: 'ignore',
  });
  try {
    for (let i = 0; ; i++) {
      const up = await fetch(origin).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      if (i > 100) throw new Error('vite preview did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--disable-gpu', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route(`${origin}/__bench/*`, (route) =>
      route.fulfill({
        body: texts[new URL(route.request().url()).pathname.replace(/^\/__bench\//, '')] ?? '',
      }),
    );
    await page.goto(origin);
    await page.waitForFunction(() => window.lockscope !== undefined);
    await page.evaluate(async () => {
      await window.lockscope!.ready;
      await window.lockscope!.whenDrawn(); // the example: loads the lazy graph chunk once
    });
    await body(page);
    await browser.close();
  } finally {
    server.kill();
  }
}
