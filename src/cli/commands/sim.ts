// `lockscope sim`: read a lock program, explore every interleaving, print the deadlocks found.
import { explore, parseProgram, DEFAULT_STATE_BUDGET, type Exploration } from '../../sim';
import { UsageError, type ParsedArgs } from '../args';
import { EXIT, HELP_OPTION, type Command } from '../command';
import type { CliIO } from '../io';
import { readInput } from '../read-input';

const MAX_PROGRAM_BYTES = 1 * 2 ** 20;

const DETAILS = `Reads a lock program (FILE, or stdin for '-'; the language is in docs/simulator.md),
explores every interleaving of its threads, with interrupt handlers firing wherever their CPU
has interrupts enabled, and prints each reachable deadlock: what it is, the shortest schedule
that reaches it, and the cycle of lock classes in lockdep's taken-before order.

  --json      one object: {"schema":"lockscope.sim/v1", "file", "statesExplored", "complete",
              "stateBudget", "deadlocks":[{id, kind, title, summary, schedule, cycle,
              stuck, report, trace}]}; each report follows report-json.md.
  --budget N  stop after N states (default ${DEFAULT_STATE_BUDGET.toLocaleString('en')}); the output says when it stopped.

Exit status: 1 when a deadlock is possible, 0 when none was found, 2 for usage errors and
programs with errors (printed as FILE:line:col: message), 3 for a bug.`;

export const simCommand: Command = {
  name: 'sim',
  summary: 'explore a lock program for deadlocks; print each with its shortest schedule',
  synopsis: 'lockscope sim [--json] [--budget N] FILE',
  details: DETAILS,
  options: [
    { name: 'json', help: 'the findings as JSON, each deadlock with its report and trace' },
    { name: 'budget', value: 'N', help: `stop after N states (default ${DEFAULT_STATE_BUDGET})` },
    HELP_OPTION,
  ],
  run: runSim,
};

function budgetOf(args: ParsedArgs): number {
  const raw = args.options.budget;
  if (raw === undefined) return DEFAULT_STATE_BUDGET;
  const n = Number(raw);
  if (typeof raw !== 'string' || !/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n < 1)
    throw new UsageError(
      `--budget needs a whole number of states, at least 1 (got '${String(raw)}')`,
    );
  return n;
}

async function runSim(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length !== 1)
    throw new UsageError(
      args.positionals.length === 0
        ? 'sim needs a program FILE (or - for stdin)'
        : 'sim reads one program FILE',
    );
  const budget = budgetOf(args);
  const name = args.positionals[0]!;
  const input = await readInput(name, io, MAX_PROGRAM_BYTES);
  const shown = name === '-' ? '<stdin>' : name;
  const { program, errors } = parseProgram(input.text);
  if (!program) {
    for (const e of errors) io.stderr.write(`${shown}:${e.line}:${e.column}: ${e.message}\n`);
    io.stderr.write(
      `lockscope: ${errors.length} error${errors.length === 1 ? '' : 's'} in ${shown}\n`,
    );
    return EXIT.usage;
  }
  const result = explore(program, { stateBudget: budget });
  if (args.options.json) {
    const { ms: _ms, ...rest } = result;
    io.stdout.write(
      `${JSON.stringify({ schema: 'lockscope.sim/v1', file: name, ...rest }, null, 2)}\n`,
    );
  } else io.stdout.write(renderText(result));
  return result.deadlocks.length > 0 ? 1 : 0;
}

export function renderText(r: Exploration): string {
  const out: string[] = [];
  r.deadlocks.forEach((d, i) => {
    out.push(`${i + 1}. ${d.title}`);
    out.push(`   ${d.summary}`);
    out.push('   Shortest schedule:');
    d.schedule.forEach((s, k) =>
      out.push(`   ${String(k + 1).padStart(3)}. ${s.text}${s.line ? `  (line ${s.line})` : ''}`),
    );
    if (d.cycle) out.push(`   Cycle: ${[...d.cycle, d.cycle[0]].join(' -> ')}`);
    out.push(`   Report: ${d.report.headline ?? d.report.kind}: ${d.report.title}`);
    out.push('');
  });
  const states = `${r.statesExplored.toLocaleString('en')} states explored`;
  if (!r.complete)
    out.push(
      `Stopped at the state budget (${r.stateBudget.toLocaleString('en')} states): ${states}; ` +
        'other deadlocks may exist. Raise it with --budget N.',
    );
  const found =
    r.deadlocks.length === 0
      ? 'No deadlock is possible'
      : `${r.deadlocks.length} deadlock${r.deadlocks.length === 1 ? '' : 's'} possible`;
  out.push(
    r.complete
      ? `${found}: every interleaving explored (${states}).`
      : `${r.deadlocks.length === 0 ? 'No deadlock found' : found} so far.`,
  );
  return `${out.join('\n')}\n`;
}
