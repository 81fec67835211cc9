import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from '../parse';
import { TRACE_EXAMPLES } from './examples';

const fixture = (name: string) => readFileSync(join(__dirname, 'testdata', name), 'utf8');
const asJson = (events: unknown[]) =>
  JSON.stringify({ format: 'lockscope-trace', version: 1, events }, null, 2);

describe('parseText on a pasted trace', () => {
  it('an ftrace ABBA gives the circular-dependency report, lines pointing at the trace', () => {
    const out = parseText(fixture('trace-cmd-abba.txt'));
    expect(out.reports.map((r) => [r.format, r.kind, r.cycle])).toEqual([
      ['lockscope-trace', 'circular-dependency', ['&port->buf_lock', '&ldata->output_lock']],
    ]);
    expect(out.reports[0]!.lines).toEqual({ start: 5, end: 9 });
    expect(out.diagnostics).toEqual([]);
  });

  it('lines are those of the original input, after text before the trace', () => {
    const out = parseText(`some notes\n\n${fixture('trace-cmd-abba.txt')}`);
    expect(out.reports[0]!.lines).toEqual({ start: 7, end: 11 });
  });

  it('a JSON trace gives its findings; a clean one says what was checked', () => {
    expect(parseText(fixture('json-abba.json')).reports.map((r) => r.cycle)).toEqual([['A', 'B']]);
    const clean = parseText(asJson(TRACE_EXAMPLES.find((e) => e.name === 'same-order')!.events));
    expect(clean.reports).toEqual([]);
    expect(clean.diagnostics).toEqual([
      {
        line: 1,
        severity: 'info',
        code: 'trace-clean',
        message:
          'lock trace (json): no problem found in 8 events over 2 threads (2 lock classes, 1 dependencies)',
      },
    ]);
  });

  it('several problems in one trace are several reports, in the order of their first line', () => {
    const out = parseText(fixture('ftrace-abba-latency.txt'));
    expect(out.reports.map((r) => [r.kind, r.lines.start, r.lines.end])).toEqual([
      ['circular-dependency', 19, 28],
      ['inconsistent-lock-state', 24, 27],
    ]);
  });

  it('bad JSON events are errors with the line of the event', () => {
    const out = parseText(fixture('json-bad-events.json'));
    expect(out.diagnostics.filter((d) => d.severity === 'error').map((d) => d.line)).toEqual([
      6, 7, 8,
    ]);
    expect(out.diagnostics.at(-1)!.message).toContain('no problem found in 1 event over 1 thread');
    expect(out.diagnostics.at(-1)!.code).toBe('trace-clean');
    // only that one: the app tells a clean trace from a text it could not read by the code
    expect(out.diagnostics.filter((d) => d.code !== undefined)).toHaveLength(1);
  });

  it('every example, as JSON, gives the kinds the validator finds', () => {
    for (const ex of TRACE_EXAMPLES) {
      expect(parseText(asJson(ex.events)).reports.map((r) => r.kind)).toEqual(ex.expect);
    }
  });
});
