import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateTrace } from '../validate';
import { readTrace } from './index';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'testdata', name), 'utf8');

describe('ftrace, trace file layout (latency flags, stack traces, irq handler lines)', () => {
  const r = readTrace(fixture('ftrace-abba-latency.txt'));
  it('reads the lock events with their instance, thread, time and line', () => {
    expect(r.format).toBe('ftrace');
    expect(r.errors).toEqual([]);
    expect(r.events[0]).toEqual({
      thread: 'kworker/0:1-12',
      op: 'acquire',
      lock: '&dev->mutex',
      instance: '00000000a1b2c3d4',
      time: 100.000001,
      line: 13,
      stack: [
        '__mutex_lock+0x9a/0x9c0',
        'dev_reset_work+0x2c/0x110',
        'process_one_work+0x228/0x5b0',
      ],
    });
  });
  it('turns the flags column into irq state changes and the h flag into an interrupt', () => {
    const ops = r.events.map((e) => `${e.thread}:${e.op}${e.lock ? `(${e.lock})` : ''}`);
    expect(ops).toEqual([
      'kworker/0:1-12:acquire(&dev->mutex)',
      'kworker/0:1-12:hardirq-off',
      'kworker/0:1-12:acquire(&dev->stats_lock)',
      'kworker/0:1-12:release(&dev->stats_lock)',
      'kworker/0:1-12:hardirq-on',
      'kworker/0:1-12:release(&dev->mutex)',
      '<idle>-0:hardirq-enter',
      '<idle>-0:acquire(&dev->stats_lock)',
      '<idle>-0:release(&dev->stats_lock)',
      '<idle>-0:hardirq-exit',
      'bash-4242:acquire(&dev->stats_lock)',
      'bash-4242:acquire(&dev->mutex)',
    ]);
  });
  it('validates to what lockdep would report', () => {
    const v = validateTrace(r.events);
    expect(v.reports.map((x) => x.kind)).toEqual([
      'inconsistent-lock-state',
      'circular-dependency',
    ]);
    const circular = v.reports[1]!;
    expect(circular.cycle).toEqual(['&dev->mutex', '&dev->stats_lock']);
    expect(circular.task).toEqual({ comm: 'bash', pid: 4242 });
    // from where &dev->mutex -> &dev->stats_lock was first seen to the acquisition that closed the cycle
    expect(circular.lines).toEqual({ start: 19, end: 28 });
  });
});

describe('ftrace, trace-cmd report layout', () => {
  const r = readTrace(fixture('trace-cmd-abba.txt'));
  it('reads "0x" addresses, the try marker and "<...>" tasks', () => {
    expect(r.errors).toEqual([]);
    expect(r.events[1]).toMatchObject({
      thread: '<...>-1187',
      op: 'acquire',
      lock: '&ldata->output_lock',
      instance: 'ffff888104a1c208',
      try: true,
      line: 3,
    });
  });
  it('a trylock adds no dependency, the later lock does: ABBA', () => {
    const v = validateTrace(r.events);
    expect(v.reports.map((x) => x.cycle)).toEqual([['&port->buf_lock', '&ldata->output_lock']]);
    expect(v.reports[0]!.task).toEqual({ comm: 'kworker/u8:3', pid: 2201 });
  });
});

describe('ftrace, older kernels without the lockdep_map address', () => {
  it('reads "read " and names with #N', () => {
    const r = readTrace(fixture('ftrace-old-no-address.txt'));
    expect(r.errors).toEqual([]);
    expect(r.events[0]).toMatchObject({ lock: '&mm->mmap_sem', mode: 'read', line: 5 });
    expect(r.events[0]!.instance).toBeUndefined();
    expect(validateTrace(r.events).reports.map((x) => x.cycle)).toEqual([
      ['&mm->mmap_sem', '&sb->s_type->i_mutex_key#5'],
    ]);
  });
  it('a read in an interrupt is a recursive read (read_lock_is_recursive())', () => {
    const line =
      '  <idle>-0 [001] d.h1. 1.000001: lock_acquire: 00000000a1b2c3d4 read &tasklist_lock';
    expect(readTrace(line).events.at(-1)).toMatchObject({ mode: 'recursive-read' });
  });
  it('says what is missing when there are no lock events', () => {
    expect(readTrace('# tracer: nop\n  bash-1 [000] ..... 1.0: sys_enter: NR 0\n').errors).toEqual([
      {
        line: null,
        message: expect.stringContaining('no lock_acquire events among 1 ftrace lines') as string,
      },
    ]);
    expect(readTrace('hello').errors[0]!.message).toContain('no ftrace event lines found');
  });
});

describe('JSON traces', () => {
  it('reads events with their lines', () => {
    const r = readTrace(fixture('json-abba.json'));
    expect(r.format).toBe('json');
    expect(r.errors).toEqual([]);
    expect(r.events.map((e) => e.line)).toEqual([5, 6, 7, 8, 9, 10]);
    expect(r.events[4]).toEqual({
      thread: 'T2',
      op: 'acquire',
      lock: 'B',
      time: 1.5,
      stack: ['t2_b'],
      line: 9,
    });
    expect(validateTrace(r.events).reports.map((x) => x.cycle)).toEqual([['A', 'B']]);
  });
  it('says what is wrong with each bad event, and where', () => {
    const r = readTrace(fixture('json-bad-events.json'));
    expect(r.errors).toEqual([
      {
        line: 6,
        message:
          'event 1 (line 6): "op" must be one of acquire, release, hardirq-off, hardirq-on, softirq-off, softirq-on, hardirq-enter, hardirq-exit, softirq-enter, softirq-exit; got "grab"',
      },
      { line: 7, message: 'event 2 (line 7): "lock" must name the lock class of an acquire' },
      {
        line: 8,
        message:
          'event 3 (line 8): "mode" must be one of write, read, recursive-read; got "shared"',
      },
    ]);
    expect(r.events).toHaveLength(1);
  });
  it('reports a syntax error with its line', () => {
    const r = readTrace(
      '{\n  "format": "lockscope-trace",\n  "version": 1,\n  "events": [ { "thread": "T1" ,, } ]\n}',
    );
    expect(r.events).toEqual([]);
    expect(r.errors[0]!.line).toBe(4);
    expect(r.errors[0]!.message).toMatch(/^not valid JSON: /);
  });
  it('checks the header fields', () => {
    expect(readTrace('{"format":"other","version":1,"events":[]}').errors[0]!.message).toBe(
      '"format" must be "lockscope-trace", not "other"',
    );
    expect(
      readTrace('{"format":"lockscope-trace","version":2,"events":[]}').errors[0]!.message,
    ).toBe('"version" must be 1, not 2');
  });
});
