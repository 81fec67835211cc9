import { describe, expect, it } from 'vitest';
import { COMMANDS } from './main';
import { commandRunner } from './testing';

const run = commandRunner();

describe('lockscope (dispatch)', () => {
  it('prints help and exits 2 with no command', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('Usage: lockscope COMMAND');
    for (const c of COMMANDS) expect(r.stderr).toContain(`  ${c.name}  `);
  });

  it('--help, -h and "help" print the help on stdout and exit 0', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(0);
      expect(r.stdout).toContain('Commands:');
    }
  });

  it('"help parse" and "parse --help" show the parse usage, with the JSON shape and exit codes', async () => {
    const a = await run(['help', 'parse']);
    const b = await run(['parse', '--help']);
    expect(a.stdout).toBe(b.stdout);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain(
      'Usage: lockscope parse [--text|--json|--dot] [--format FMT] [FILE...|-]',
    );
    expect(b.stdout).toContain('"file" field');
    expect(b.stdout).toContain('Exit status: 0 when at least one report was found; 1 when none');
    expect(b.stdout).toContain('linux-lockdep, freebsd-witness');
  });

  it('--version prints the package version', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^lockscope \d+\.\d+\.\d+\n$/);
  });

  it('an unknown command or a leading option is a usage error: one line and a hint', async () => {
    for (const [argv, what] of [
      [['frobnicate'], "unknown command 'frobnicate'"],
      [['--json'], "unknown option '--json' (a command comes first)"],
      [['help', 'nope'], "unknown command 'nope'"],
    ] as const) {
      const r = await run([...argv]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`lockscope: ${what}\nTry 'lockscope --help' for more information.\n`);
    }
  });

  it("usage errors inside a command point at that command's help", async () => {
    const r = await run(['parse', '--jsn']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "lockscope: unknown option '--jsn' (did you mean --json?)\nTry 'lockscope parse --help' for more information.\n",
    );
  });
});
