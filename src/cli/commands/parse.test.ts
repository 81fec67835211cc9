// The command's plumbing (inputs, output shapes, exit codes) with the parser stubbed, so these
// hold whatever the importers find; parse-real.test.ts runs the real parser.
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { SCHEMA, type ParseOutput } from '../../model/types';
import { circularReport } from '../../render/fixtures';
import { memoryIO } from '../io';
import { main } from '../main';
import { commandRunner, tempFolder } from '../testing';

const parseText = vi.hoisted(() =>
  vi.fn((input: string, _options?: object): ParseOutput => {
    if (input.includes('REPORT')) {
      return {
        schema: 'lockscope.report/v1',
        reports: [circularReport()],
        diagnostics: [{ line: 3, severity: 'info', message: 'undid dmesg timestamps' }],
      };
    }
    return {
      schema: 'lockscope.report/v1',
      reports: [],
      diagnostics: [
        { line: 2, severity: 'error', message: 'No lock report found; the closest is line 2' },
      ],
    };
  }),
);
vi.mock('../../parse', () => ({ parseText }));

const { dir, file } = tempFolder('cli');
const withReport = file('with.log', 'REPORT\n');
const without = file('without.log', 'nothing\nlock here\n');

const run = commandRunner('parse');

describe('lockscope parse', () => {
  it('defaults to text, reading stdin when no file is given', async () => {
    const r = await run([], 'REPORT');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /^possible deadlock in frob_update\n {2}linux-lockdep circular-dependency, lines 1-69\n/,
    );
    expect(r.stdout).toContain('notes:\n  line 3: info: undid dmesg timestamps\n');
    expect((await run(['-'], 'REPORT')).stdout).toBe(r.stdout);
  });

  it('--json prints the model with each report and diagnostic saying its file', async () => {
    const r = await run(['--json', withReport]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.schema).toBe(SCHEMA);
    expect(out.reports).toEqual([{ file: withReport, ...circularReport() }]);
    expect(out.diagnostics).toEqual([
      { file: withReport, line: 3, severity: 'info', message: 'undid dmesg timestamps' },
    ]);
  });

  it('--json with several files is still one object, reports in argument order', async () => {
    const r = await run(['--json', without, withReport, '-'], 'REPORT');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['schema', 'reports', 'diagnostics']);
    expect(out.reports.map((x: { file: string }) => x.file)).toEqual([withReport, '-']);
    expect(out.diagnostics.map((x: { file: string }) => x.file)).toEqual([
      without,
      withReport,
      '-',
    ]);
  });

  it('--text over several files names each source and says which had nothing', async () => {
    const r = await run([withReport, without, withReport]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      `report 1 of 2: possible deadlock in frob_update\n  linux-lockdep circular-dependency, lines 1-69 of ${withReport}\n`,
    );
    expect(r.stdout).toContain('report 2 of 2:');
    expect(r.stderr).toBe(`lockscope: ${without}: no lock report found\n`);
  });

  it('--dot prints one digraph for all reports', async () => {
    const r = await run(['--dot', withReport, withReport]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^digraph lockscope \{\n[\s\S]*\n\}\n$/);
    expect(r.stdout.match(/^ {2}\/\/ report \d/gm)).toHaveLength(2);
  });

  it('exits 1 when nothing is found, with the reason on stderr, compiler style', async () => {
    const r = await run([without]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${without}:2: error: No lock report found; the closest is line 2\n`);
    const j = await run(['--json'], 'nothing');
    expect(j.code).toBe(1);
    expect(JSON.parse(j.stdout).reports).toEqual([]);
    expect(j.stderr).toBe('<stdin>:2: error: No lock report found; the closest is line 2\n');
  });

  it('passes --format on as a hint and refuses formats it does not know', async () => {
    parseText.mockClear();
    await run(['--format', 'freebsd-witness', withReport]);
    expect(parseText).toHaveBeenCalledWith('REPORT\n', { format: 'freebsd-witness' });
    const r = await run(['--format', 'solaris', withReport]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^lockscope: unknown format 'solaris'; one of: linux-lockdep, /);
  });

  it('usage errors: conflicting outputs, stdin twice, a missing file (nothing printed on stdout)', async () => {
    for (const [argv, message] of [
      [['--json', '--dot', withReport], 'choose one output: --json or --dot'],
      [['-', '-'], "stdin ('-') can be read only once"],
      [[withReport, join(dir, 'nope.log')], `${join(dir, 'nope.log')}: no such file`],
      [[dir], `${dir}: is a directory, not a file (give the log files inside it)`],
    ] as const) {
      const r = await run([...argv]);
      expect(r.code, message).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `lockscope: ${message}\nTry 'lockscope parse --help' for more information.\n`,
      );
    }
  });

  it('tells a person at a terminal that it is waiting for a paste', async () => {
    const m = memoryIO('REPORT', { stdinIsTTY: true });
    expect(await main(['parse'], m.io)).toBe(0);
    expect(m.stderr()).toContain('paste it and end with Ctrl-D');
  });

  it('a bug in the parser is exit 3 with one line, not a stack trace', async () => {
    parseText.mockImplementationOnce(() => {
      throw new Error('boom');
    });
    const r = await run([withReport]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      'lockscope: internal error: boom\nThis is a bug in lockscope; please report it with the input.\n',
    );
  });
});
