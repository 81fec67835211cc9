// The one test that runs the command for real: `node bin/lockscope.mjs`, as `npx lockscope` does,
// straight from the TypeScript sources with no build step.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { parseText } from '../parse';
import { LOCKDEP_CIRCULAR_SAMPLE } from '../render/fixtures';

const ROOT = resolve(import.meta.dirname, '..', '..');

it('node bin/lockscope.mjs parse --json FILE prints the report model and exits by what it found', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'lockscope-e2e-')), 'frob.log');
  writeFileSync(path, LOCKDEP_CIRCULAR_SAMPLE);
  const run = spawnSync(
    process.execPath,
    [join(ROOT, 'bin', 'lockscope.mjs'), 'parse', '--json', path],
    {
      cwd: tmpdir(),
      encoding: 'utf8',
      timeout: 30_000,
    },
  );
  const expected = parseText(LOCKDEP_CIRCULAR_SAMPLE);
  expect(run.status).toBe(expected.reports.length > 0 ? 0 : 1);
  const out = JSON.parse(run.stdout);
  expect(out.schema).toBe('lockscope.report/v1');
  expect(out.reports).toEqual(
    JSON.parse(JSON.stringify(expected.reports)).map((r: object) => ({ file: path, ...r })),
  );
  if (expected.reports.length === 0) expect(run.stderr).toContain('No lock report found');
  else expect(run.stderr).toBe('');
});
