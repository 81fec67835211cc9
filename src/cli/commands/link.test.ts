import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../parse';
import { decodePermalink, reportFingerprint } from '../../permalink';
import { SAMPLE_LOG } from '../../permalink/testdata/sample-log';
import { commandRunner, tempFolder } from '../testing';
import { DEFAULT_BASE } from './link';

const { dir, file } = tempFolder('link');
const log = file('console.log', SAMPLE_LOG);
const parsed = parseText(SAMPLE_LOG);

const run = commandRunner('link');

async function opened(link: string) {
  const r = await decodePermalink(link);
  if (!r.ok) throw new Error(r.error);
  const report = parseText(r.state.input).reports[r.state.report!]!;
  return { state: r.state, report };
}

describe('lockscope link', () => {
  it('prints one line: a short link to the first report with a cycle, only that report in it', async () => {
    const r = await run([log]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^http:\/\/127\.0\.0\.1:4173\/#v1\.[A-Za-z0-9_-]+\n$/);
    expect(r.stdout.startsWith(DEFAULT_BASE)).toBe(true);
    const { state, report } = await opened(r.stdout.trim());
    expect(reportFingerprint(report)).toBe(reportFingerprint(parsed.reports[0]!));
    expect(state.excerpt).toEqual({ start: 41, end: 104 });
    expect(state.input).not.toContain('usb 1-');
    expect(r.stderr).toMatch(
      /^lockscope: report 1 of 2: possible deadlock in widget_apply; \d{3} characters\n$/,
    );
  });

  it('--report N picks the Nth report, --base sets the address, --full carries the whole log', async () => {
    const r = await run([
      '--report',
      '2',
      '--base',
      'https://ci.example.org/lockscope/',
      '--full',
      log,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('https://ci.example.org/lockscope/#v1.')).toBe(true);
    const { state } = await opened(r.stdout.trim());
    expect(state.input).toBe(SAMPLE_LOG);
    expect(state.report).toBe(1);
    expect(state.excerpt).toBeNull();
    expect(r.stderr).toContain('report 2 of 2: possible deadlock in widget_walk');
  });

  it('reads stdin and gzip files', async () => {
    const fromStdin = await run(['-'], SAMPLE_LOG);
    const fromGzip = await run([file('console.log.gz', gzipSync(SAMPLE_LOG))]);
    const fromFile = await run([log]);
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    expect(fromGzip.stdout).toBe(fromFile.stdout);
  });

  it('warns on stderr when the link is longer than chat apps keep', async () => {
    const long = Array.from(
      { length: 400 },
      (_, i) => `noise line ${i} ${(i * 7919) % 104729}`,
    ).join('\n');
    const r = await run(['--full', file('long.log', `${long}\n${SAMPLE_LOG}`)]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /characters\nlockscope: warning: chat apps cut links over 2,000 characters; without --full it carries only the report\n$/,
    );
  });

  it('exits 1 and says why when there is no report, or not that many', async () => {
    const none = await run([file('none.log', 'booting\nall fine\n')]);
    expect(none.code).toBe(1);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(/^lockscope: .*none\.log(:\d+)?: No lock report found/);
    const tooFar = await run(['--report', '3', log]);
    expect(tooFar.code).toBe(1);
    expect(tooFar.stderr).toBe(`lockscope: ${log}: there is no report 3; it holds 2 reports\n`);
  });

  it.each([
    [['--report', '0', 'x'], "--report takes a report number from 1 (got '0')"],
    [['--report', 'two', 'x'], "--report takes a report number from 1 (got 'two')"],
    [
      ['--base', 'not a url', 'x'],
      "--base 'not a url' is not a URL (e.g. https://lockscope.example.org/)",
    ],
    [['--base', 'ftp://x/', 'x'], "--base 'ftp://x/' is not an http(s) URL"],
    [
      ['--base', 'http://x/#a', 'x'],
      "--base 'http://x/#a' has a '#' part; the link's own goes there",
    ],
    [['a', 'b'], 'give one FILE: a link opens one report'],
    [['--frob', 'x'], "unknown option '--frob'"],
  ])('%j is a usage error (exit 2, one line, no stack)', async (argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `lockscope: ${message}\nTry 'lockscope link --help' for more information.\n`,
    );
  });

  it('a missing file is exit 2 with the reason', async () => {
    const r = await run([join(dir, 'missing.log')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/missing\.log: no such file\n/);
  });

  it('--help documents the default base, the report choice and the exit codes', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: lockscope link [--base URL] [--report N] [--full] FILE|-');
    expect(r.stdout).toContain('--base defaults to http://127.0.0.1:4173/');
    expect(r.stdout).toContain(
      'Exit status: 0 when a link was printed; 1 when FILE holds no report',
    );
  });
});
