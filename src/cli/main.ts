// The `lockscope` command: argv -> one of the subcommands in COMMANDS -> an exit status.
// Errors become one line on stderr; only a bug prints more (and only with LOCKSCOPE_DEBUG=1).
import { readFileSync } from 'node:fs';
import { formatOptions, parseArgs, UsageError } from './args';
import { EXIT, type Command } from './command';
import { checkCommand } from './commands/check';
import { linkCommand } from './commands/link';
import { orderCommand } from './commands/order';
import { parseCommand } from './commands/parse';
import { simCommand } from './commands/sim';
import { processIO, type CliIO } from './io';
import { InputError } from './read-input';

/** Each subcommand is a Command in commands/. */
export const COMMANDS: readonly Command[] = [
  parseCommand,
  linkCommand,
  simCommand,
  checkCommand,
  orderCommand,
];

export async function main(argv: readonly string[], io: CliIO = processIO()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(mainHelp());
    return EXIT.usage;
  }
  if (first === '-h' || first === '--help') {
    io.stdout.write(mainHelp());
    return EXIT.ok;
  }
  if (first === '--version' || first === '-V') {
    io.stdout.write(`lockscope ${version()}\n`);
    return EXIT.ok;
  }
  if (first === 'help') return help(rest[0], io);
  const command = COMMANDS.find((c) => c.name === first);
  if (!command) {
    const what = first.startsWith('-')
      ? `unknown option '${first}' (a command comes first)`
      : `unknown command '${first}'`;
    return usageError(what, io);
  }
  return runCommand(command, rest, io);
}

async function runCommand(command: Command, argv: readonly string[], io: CliIO): Promise<number> {
  try {
    const args = parseArgs(argv, command.options);
    if (args.options.help) {
      io.stdout.write(commandHelp(command));
      return EXIT.ok;
    }
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof UsageError) return usageError(err.message, io, command);
    if (err instanceof InputError) return usageError(err.message, io, command);
    const message = err instanceof Error ? err.message : String(err);
    io.stderr.write(
      `lockscope: internal error: ${message}\nThis is a bug in lockscope; please report it with the input.\n`,
    );
    if (process.env.LOCKSCOPE_DEBUG && err instanceof Error) io.stderr.write(`${err.stack}\n`);
    return EXIT.internal;
  }
}

function help(name: string | undefined, io: CliIO): number {
  if (name === undefined) {
    io.stdout.write(mainHelp());
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return usageError(`unknown command '${name}'`, io);
  io.stdout.write(commandHelp(command));
  return EXIT.ok;
}

function usageError(message: string, io: CliIO, command?: Command): number {
  const hint = command ? `lockscope ${command.name} --help` : 'lockscope --help';
  io.stderr.write(`lockscope: ${message}\nTry '${hint}' for more information.\n`);
  return EXIT.usage;
}

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'lockscope: read lockdep, WITNESS and other deadlock reports: the lock graph, the cycle, the stacks',
    '',
    'Usage: lockscope COMMAND [options] [FILE...]',
    '       lockscope COMMAND --help',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help',
    '  -V, --version  print the version',
    '',
    'Example:',
    '  dmesg | lockscope parse',
    '  lockscope parse --json build-*.log.gz > reports.json',
    '  lockscope link --base https://lockscope.example.org/ console.log',
    '  lockscope sim --budget 50000 abba.c',
    '',
  ].join('\n');
}

export function commandHelp(c: Command): string {
  return `Usage: ${c.synopsis}\n\n${c.summary}\n\nOptions:\n${formatOptions(c.options)}\n\n${c.details}\n`;
}

function version(): string {
  try {
    const pkg = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version?: string };
    return pkg.version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
