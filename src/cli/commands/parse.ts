// `lockscope parse`: read logs, find the reports in them, print them as JSON, text or DOT.
import { parseText } from '../../parse';
import type { Format, ParseOutput } from '../../model/types';
import { UsageError, type ParsedArgs } from '../args';
import { EXIT, HELP_OPTION, type Command } from '../command';
import { FORMATS, isFormat } from '../formats';
import type { CliIO } from '../io';
import { safe } from '../../render/text';
import { readInput, MAX_INPUT_BYTES, type Input } from '../read-input';
import { renderParsed, type FileOutput, type OutputMode } from './parse-output';
import { summaryParsed, SUMMARY_DETAILS } from './parse-summary';

const DETAILS = `Reads each FILE (or stdin for '-' or no FILE; gzip files are unpacked) and finds the lock
reports in it: Linux lockdep, FreeBSD/OpenBSD WITNESS, however they were mangled on the way
(dmesg timestamps, syslog prefixes, e-mail quoting, wrapping, one-line pastes).

Output (the default is --text, also when piped; scripts ask for --json):
  --text  per report: title, format and kind, kernel, task, the cycle A -> B -> A, held
          locks, where each dependency prev -> next was taken (its first frame past the
          locking machinery, with its -> #k chain entry), the unsafe scenario, notes.
  --json  one object, schema lockscope.report/v1 (see report-json.md):
            {"schema":"lockscope.report/v1", "reports":[...], "diagnostics":[...]}
          Whatever the number of FILEs, it is ONE object: reports of all files in argument
          order, each report and diagnostic with an added "file" field (the FILE as given,
          "-" for stdin); their line numbers count from 1 in that file.
  --dot   a Graphviz digraph of all reports merged: one node per lock class, an edge per
          dependency prev -> next; the cycle in red, the new dependency dashed.
          e.g.  lockscope parse --dot kern.log | dot -Tsvg > locks.svg
  --svg   the same graph drawn by lockscope itself (layered, lock order top to bottom, every
          report's cycle coloured), a standalone SVG for a web page or a bug report.
  --markdown  each report as Markdown for a bug report or commit message: title, kernel,
          the cycle as a chain, the interleaving that deadlocks, where each dependency was taken.
${SUMMARY_DETAILS}

Exit status: 0 when at least one report was found; 1 when none was (stderr says why and
points at the closest line); 2 for usage errors and inputs that cannot be read; 3 for a bug.

Formats for --format (a hint: it only speeds up detection, results are the same):
${wrapWords(FORMATS.join(', '), 88, '  ')}`;

function wrapWords(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, indent + line].join('\n');
}

export const parseCommand: Command = {
  name: 'parse',
  summary: 'find lockdep / WITNESS reports in logs; print them as text, JSON or DOT',
  synopsis: 'lockscope parse [--text|--json|--dot] [--format FMT] [FILE...|-]',
  details: DETAILS,
  options: [
    { name: 'text', help: 'a summary to read in a terminal (default)' },
    { name: 'json', help: 'the report model as JSON (schema lockscope.report/v1)' },
    { name: 'dot', help: 'the lock graph as Graphviz DOT' },
    { name: 'svg', help: 'the lock graph as SVG' },
    { name: 'markdown', help: 'each report as Markdown (bug reports, commit messages)' },
    { name: 'summary', help: 'one line per group of duplicate reports (with --json: JSON)' },
    {
      name: 'format',
      value: 'FMT',
      help: 'format hint, e.g. linux-lockdep (never changes results)',
    },
    HELP_OPTION,
  ],
  run: runParse,
};

async function runParse(args: ParsedArgs, io: CliIO): Promise<number> {
  const mode = outputMode(args);
  const format = formatHint(args);
  const names = args.positionals.length > 0 ? args.positionals : ['-'];
  if (names.filter((n) => n === '-').length > 1)
    throw new UsageError("stdin ('-') can be read only once");
  if (names.includes('-') && io.stdinIsTTY) {
    io.stderr.write('lockscope: reading a log from the terminal; paste it and end with Ctrl-D\n');
  }

  // Read everything first: a CI job gets either a complete answer or exit 2, never half of one.
  const inputs: Input[] = [];
  for (const name of names) inputs.push(await readInput(name, io, MAX_INPUT_BYTES));

  const files: FileOutput[] = inputs.map((input) => ({
    name: input.name,
    output: parseText(input.text, format ? { format } : {}),
  }));
  const found = files.reduce((n, f) => n + f.output.reports.length, 0);

  const chunks = args.options.summary ? summaryParsed(files, mode) : renderParsed(files, mode);
  for (const chunk of chunks) io.stdout.write(chunk);
  if (found === 0) {
    for (const f of files) io.stderr.write(diagnosticLines(f.name, f.output));
    return EXIT.none;
  }
  if (mode === 'text') {
    // The summary would silently skip them otherwise; JSON and DOT readers have the diagnostics.
    const empty = files.filter((f) => f.output.reports.length === 0);
    for (const f of empty)
      io.stderr.write(`lockscope: ${shownName(f.name)}: no lock report found\n`);
  }
  return EXIT.ok;
}

function outputMode(args: ParsedArgs): OutputMode {
  const asked = (['text', 'json', 'dot', 'svg', 'markdown'] as const).filter(
    (m) => args.options[m],
  );
  if (asked.length > 1)
    throw new UsageError(`choose one output: ${asked.map((m) => `--${m}`).join(' or ')}`);
  const mode = asked[0] ?? 'text';
  if (args.options.summary && mode !== 'text' && mode !== 'json')
    throw new UsageError(`--summary prints text or JSON, not --${mode}`);
  return mode;
}

function formatHint(args: ParsedArgs): Format | undefined {
  const value = args.options.format;
  if (value === undefined || value === true) return undefined;
  if (!isFormat(value))
    throw new UsageError(`unknown format '${value}'; one of: ${FORMATS.join(', ')}`);
  return value;
}

function shownName(name: string): string {
  return name === '-' ? '<stdin>' : name;
}

/** Compiler style, "kern.log:12: error: ...", so editors can jump to the line. */
function diagnosticLines(name: string, out: ParseOutput): string {
  const shown = shownName(name);
  const lines = out.diagnostics.map(
    (d) => `${shown}${d.line !== null ? `:${d.line}` : ''}: ${d.severity}: ${safe(d.message)}`,
  );
  if (lines.length === 0) lines.push(`${shown}: no lock report found`);
  return lines.join('\n') + '\n';
}
