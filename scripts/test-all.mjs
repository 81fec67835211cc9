#!/usr/bin/env node
// `npm test`: every check in one go — typecheck, lint, format, unit and corpus tests (Vitest),
// browser tests (Playwright on Debian's chromium). Every step runs even when an earlier one
// fails, so one run shows everything. The last line is `N passed, N failed`, where N counts
// each unit test and each browser test once, and each of typecheck, lint and format as one
// check (a runner that crashes without a report counts as one failure).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium } from './check-chromium.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reports = join(root, 'test-results');
const vitestJson = join(reports, 'vitest.json');
const playwrightJson = join(reports, 'playwright.json');

const chromium = findChromium();
if (chromium.problem) {
  console.error(chromium.problem);
  process.exit(1);
}

mkdirSync(reports, { recursive: true });
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

/** Runs one step with its output streaming through; returns its exit code and duration. */
function run(title, command, args, env = {}) {
  console.log(`\n=== ${title}: ${[command.replace(`${root}/`, ''), ...args].join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0', ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const code = result.status ?? 1;
  if (result.error) console.error(`${title}: could not start: ${result.error.message}`);
  return { code, seconds };
}

function readJson(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

const rows = [];
let passed = 0;
let failed = 0;
const record = (step, p, f, seconds, note = '') => {
  passed += p;
  failed += f;
  rows.push({ step, p, f, seconds, note });
};

for (const [step, command, args] of [
  ['typecheck', bin('tsc'), ['--noEmit']],
  ['lint', bin('eslint'), ['.']],
  ['format', bin('prettier'), ['--check', '.']],
]) {
  const { code, seconds } = run(step, command, args);
  record(step, code === 0 ? 1 : 0, code === 0 ? 0 : 1, seconds, code === 0 ? '' : `exit ${code}`);
}

{
  const { code, seconds } = run('unit and corpus tests', bin('vitest'), [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${vitestJson}`,
  ]);
  const json = readJson(vitestJson);
  if (!json) {
    record('unit', 0, 1, seconds, `no report (exit ${code})`);
  } else {
    // A test file that fails to load has no failed tests in it but must still count.
    const brokenFiles = (json.testResults ?? []).filter(
      (f) =>
        f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
    ).length;
    record(
      'unit',
      json.numPassedTests ?? 0,
      (json.numFailedTests ?? 0) + brokenFiles,
      seconds,
      brokenFiles ? `${brokenFiles} files failed to run` : '',
    );
  }
}

{
  const { code, seconds } = run(
    'browser tests',
    bin('playwright'),
    ['test', '--reporter=list,json'],
    {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    },
  );
  const json = readJson(playwrightJson);
  const stats = json?.stats;
  if (!stats) {
    record('browser', 0, 1, seconds, `no report (exit ${code})`);
  } else {
    // A flaky test passed on a retry (retries are off, but be exact); errors outside any test
    // (the web server did not start…) are failures too.
    const outside = (json.errors ?? []).length;
    record(
      'browser',
      (stats.expected ?? 0) + (stats.flaky ?? 0),
      (stats.unexpected ?? 0) + outside,
      seconds,
      outside ? `${outside} errors outside tests` : '',
    );
  }
}

console.log('\n=== summary');
for (const r of rows) {
  console.log(
    `${r.step.padEnd(10)} ${String(r.p).padStart(5)} passed ${String(r.f).padStart(5)} failed  ${r.seconds.padStart(6)}s  ${r.note}`.trimEnd(),
  );
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
