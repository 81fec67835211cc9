import { describe, expect, it } from 'vitest';
import { formatOptions, parseArgs, UsageError, type OptionSpec } from './args';

const SPECS: OptionSpec[] = [
  { name: 'json', help: 'json' },
  { name: 'format', short: 'f', value: 'FMT', help: 'format' },
  { name: 'help', short: 'h', help: 'help' },
];

describe('parseArgs', () => {
  it('reads flags, valued options in every spelling, and positionals including "-"', () => {
    expect(parseArgs(['--json', 'a.log', '-', '--format', 'tsan'], SPECS)).toEqual({
      options: { json: true, format: 'tsan' },
      positionals: ['a.log', '-'],
    });
    expect(parseArgs(['--format=tsan'], SPECS).options.format).toBe('tsan');
    expect(parseArgs(['-f', 'java'], SPECS).options.format).toBe('java');
    expect(parseArgs(['-fjava'], SPECS).options.format).toBe('java');
    expect(parseArgs(['-h'], SPECS).options.help).toBe(true);
  });

  it('takes everything after "--" as a file, even names starting with a dash', () => {
    expect(parseArgs(['--', '--json', '-x.log'], SPECS)).toEqual({
      options: {},
      positionals: ['--json', '-x.log'],
    });
  });

  it('says in one line what is wrong', () => {
    expect(() => parseArgs(['--jsno'], SPECS)).toThrow(
      new UsageError("unknown option '--jsno' (did you mean --json?)"),
    );
    expect(() => parseArgs(['--verbose'], SPECS)).toThrow(
      new UsageError("unknown option '--verbose'"),
    );
    expect(() => parseArgs(['--form', 'x'], SPECS)).toThrow(
      "unknown option '--form' (did you mean --format?)",
    );
    expect(() => parseArgs(['-x'], SPECS)).toThrow("unknown option '-x'");
    expect(() => parseArgs(['--format'], SPECS)).toThrow("option '--format' needs a value (FMT)");
    expect(() => parseArgs(['--json=yes'], SPECS)).toThrow("option '--json' takes no value");
  });
});

it('formatOptions aligns the help column', () => {
  expect(formatOptions(SPECS).split('\n')).toEqual([
    '      --json        json',
    '  -f, --format FMT  format',
    '  -h, --help        help',
  ]);
});
