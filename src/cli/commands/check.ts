// `lockscope check`: validate a lock trace (ftrace text or lockscope JSON) the way lockdep would,
// and print what it finds as lockdep prints it.
import { SCHEMA, type Diagnostic } from '../../model/types';
import { safe } from '../../render/text';
import { readTrace, validateTrace } from '../../trace';
import { UsageError, type ParsedArgs } from '../args';
import { HELP_OPTION, type Command } from '../command';
import type { CliIO } from '../io';
import { MAX_INPUT_BYTES, readInput } from '../read-input';

const DETAILS = `Reads a lock trace from FILE (or stdin for '-' or no FILE): the ftrace text of the
lock:lock_acquire / lock:lock_release tracepoints (/sys/kernel/tracing/trace or
\`trace-cmd report\`, with irq_handler_entry/exit, softirq_entry/exit and the latency flags
when present) or a lockscope JSON trace (docs/trace-format.md). It replays the trace through
lockdep's rules and reports the deadlocks that did NOT happen on this run: circular
dependencies, recursive locking, inconsistent lock state, irq lock inversion and
irq-safe -> irq-unsafe lock order. Each distinct problem is reported once (lockdep itself
stops after the first; --first does the same).

Output: the reports as lockdep prints them (default), or --json: one object
  {"schema":"lockscope.report/v1", "reports":[...], "diagnostics":[...], "stats":{...}}

Exit status: 1 when a problem was found, 0 when the trace is clean, 2 for a bad command
line or a trace that cannot be read (each error with its line), 3 for a bug.`;

export const checkCommand: Command = {
  name: 'check',
  summary: 'validate a lock trace (ftrace or JSON) like lockdep; print what it finds',
  synopsis: 'lockscope check [--json] [--first] [FILE|-]',
  details: DETAILS,
  options: [
    { name: 'json', help: 'the findings as reports (schema lockscope.report/v1)' },
    { name: 'first', help: 'stop at the first problem, as lockdep does' },
    HELP_OPTION,
  ],
  run: runCheck,
};

/** check's own statuses: finding something is the failure a CI job wants to see */
const CHECK_EXIT = { clean: 0, found: 1, bad: 2 } as const;

async function runCheck(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.positionals.length > 1) throw new UsageError('check reads one trace at a time');
  const name = args.positionals[0] ?? '-';
  if (name === '-' && io.stdinIsTTY) {
    io.stderr.write('lockscope: reading a trace from the terminal; paste it and end with Ctrl-D\n');
  }
  const input = await readInput(name, io, MAX_INPUT_BYTES);
  const shown = name === '-' ? '<stdin>' : name;
  const read = readTrace(input.text);
  if (read.errors.length > 0) {
    for (const e of read.errors)
      io.stderr.write(
        `${shown}${e.line !== null ? `:${e.line}` : ''}: error: ${safe(e.message)}\n`,
      );
    return CHECK_EXIT.bad;
  }
  const result = validateTrace(read.events, { stopAfterFirst: args.options.first === true });
  const { events, threads, classes, dependencies } = result.stats;
  const summary = `${events} event${events === 1 ? '' : 's'} over ${threads} thread${threads === 1 ? '' : 's'} (${classes} lock classes, ${dependencies} dependencies)`;
  const diagnostics: Diagnostic[] = result.notes.map((n) => ({
    line: n.line ?? null,
    severity: 'warning',
    message: n.message,
  }));
  if (result.reports.length === 0)
    diagnostics.push({ line: null, severity: 'info', message: `no problem found in ${summary}` });

  if (args.options.json) {
    const out = { schema: SCHEMA, reports: result.reports, diagnostics, stats: result.stats };
    io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    for (const text of result.texts) io.stdout.write(text);
    for (const d of diagnostics)
      io.stderr.write(
        `${shown}${d.line !== null ? `:${d.line}` : ''}: ${d.severity}: ${safe(d.message)}\n`,
      );
    if (result.reports.length > 0) {
      const n = result.reports.length;
      io.stderr.write(`lockscope: ${n} problem${n === 1 ? '' : 's'} found in ${summary}\n`);
    }
  }
  return result.reports.length > 0 ? CHECK_EXIT.found : CHECK_EXIT.clean;
}
