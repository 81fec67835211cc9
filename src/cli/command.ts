// What a subcommand is: its name, its help, its options table and what it does. main.ts keeps a
// table of them, so `link`, `sim` and `check` are one file and one table row each.
import type { OptionSpec, ParsedArgs } from './args';
import type { CliIO } from './io';

export interface Command {
  name: string;
  /** one line for the command list in `lockscope --help` */
  summary: string;
  /** the synopsis: "lockscope parse [options] [FILE...|-]" */
  synopsis: string;
  /** what follows the option list in `lockscope CMD --help` */
  details: string;
  options: readonly OptionSpec[];
  run(args: ParsedArgs, io: CliIO): Promise<number>;
}

export const EXIT = {
  /** at least one report was found (or the command did what was asked) */
  ok: 0,
  /** the input held no report */
  none: 1,
  /** bad command line or an input that cannot be read */
  usage: 2,
  /** a bug in lockscope */
  internal: 3,
} as const;

export const HELP_OPTION: OptionSpec = { name: 'help', short: 'h', help: 'show this help' };
