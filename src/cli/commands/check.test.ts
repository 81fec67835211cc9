import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../../parse';
import { TRACE_EXAMPLES } from '../../trace/examples';
import { commandRunner, tempFolder } from '../testing';

const { file } = tempFolder('check');
const testdata = (name: string) => join(__dirname, '..', '..', 'trace', 'testdata', name);
const asJson = (name: string) =>
  JSON.stringify({
    format: 'lockscope-trace',
    version: 1,
    events: TRACE_EXAMPLES.find((e) => e.name === name)!.events,
  });

const run = commandRunner('check');

describe('lockscope check', () => {
  it('prints an ftrace ABBA as lockdep would and exits 1', async () => {
    const r = await run([testdata('trace-cmd-abba.txt')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('WARNING: possible circular locking dependency detected');
    expect(r.stdout).toContain('kworker/u8:3/2201 is trying to acquire lock:');
    expect(r.stderr).toBe(
      'lockscope: 1 problem found in 10 events over 2 threads (2 lock classes, 1 dependencies)\n',
    );
    // what it prints is a report lockscope reads back
    expect(parseText(r.stdout).reports.map((x) => x.cycle)).toEqual([
      ['&port->buf_lock', '&ldata->output_lock'],
    ]);
  });

  it('--json gives the reports and stats; a clean trace exits 0 and says what was checked', async () => {
    const found = await run(['--json', testdata('json-abba.json')]);
    expect(found.code).toBe(1);
    const out = JSON.parse(found.stdout) as { schema: string; reports: { kind: string }[] };
    expect(out.schema).toBe('lockscope.report/v1');
    expect(out.reports.map((x) => x.kind)).toEqual(['circular-dependency']);

    const clean = await run([], asJson('same-order'));
    expect(clean.code).toBe(0);
    expect(clean.stdout).toBe('');
    expect(clean.stderr).toBe(
      '<stdin>: info: no problem found in 8 events over 2 threads (2 lock classes, 1 dependencies)\n',
    );
  });

  it('--first stops at the first problem, as lockdep does', async () => {
    const p = file('two.txt', readFileSync(testdata('ftrace-abba-latency.txt'), 'utf8'));
    expect((await run(['--json', p])).stdout.match(/"kind"/g)).toHaveLength(2);
    expect((await run(['--json', '--first', p])).stdout.match(/"kind"/g)).toHaveLength(1);
  });

  it('bad input exits 2 with each error and its line', async () => {
    const r = await run([testdata('json-bad-events.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toMatch(
      /json-bad-events\.json:6: error: event 1 \(line 6\): "op" must be one of/,
    );
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(3);
    const none = await run([file('notes.txt', 'just some notes\n')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('notes.txt: error: no ftrace event lines found');
  });

  it('usage errors exit 2', async () => {
    expect((await run(['a', 'b'])).code).toBe(2);
    expect((await run(['--bogus'])).code).toBe(2);
  });
});
