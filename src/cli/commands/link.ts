// `lockscope link`: the permalink that opens a report in the web app, for CI bots to post.
import { parseText } from '../../parse';
import {
  defaultReportIndex,
  defaultViewState,
  encodePermalink,
  LINK_LENGTH_LIMIT,
  PermalinkError,
} from '../../permalink';
import { safe } from '../../render/text';
import { UsageError, type ParsedArgs } from '../args';
import { EXIT, HELP_OPTION, type Command } from '../command';
import type { CliIO } from '../io';
import { MAX_INPUT_BYTES, readInput } from '../read-input';

/** Where `vite preview` (npm start) serves the app; a CI bot passes its deployed address. */
export const DEFAULT_BASE = 'http://127.0.0.1:4173/';

const DETAILS = `Reads FILE (or stdin for '-'; gzip files are unpacked), picks a report and prints ONE line:
a link that opens lockscope on that report, its graph and its stepper. Everything is in the
link's fragment (after '#'), which browsers never send to a server: nothing is uploaded.

Which report: the first with a cycle (else the first with a dependency, else the first), as
the app picks; --report N takes the Nth (1-based, in the order 'lockscope parse' lists them).

By default the link carries only that report, cleaned (no timestamps, prefixes or addresses)
and checked to read back as the same report: short enough for chat and review comments.
--full carries the whole input instead, exactly as it is.

The length goes to stderr, with a warning above ${LINK_LENGTH_LIMIT.toLocaleString('en-US')} characters (chat apps cut such links).

--base defaults to ${DEFAULT_BASE} (the local 'npm start'); a CI bot passes the
address where it deployed the app, e.g. --base https://lockscope.example.org/

Exit status: 0 when a link was printed; 1 when FILE holds no report (stderr says why);
2 for usage errors and inputs that cannot be read; 3 for a bug.

Example:
  lockscope link --base "$LOCKSCOPE_URL" console.log`;

export const linkCommand: Command = {
  name: 'link',
  summary: 'print a permalink that opens a report in the lockscope web app',
  synopsis: 'lockscope link [--base URL] [--report N] [--full] FILE|-',
  details: DETAILS,
  options: [
    { name: 'base', value: 'URL', help: `the app's address (default ${DEFAULT_BASE})` },
    {
      name: 'report',
      value: 'N',
      help: 'the Nth report (1-based) instead of the first with a cycle',
    },
    { name: 'full', help: 'carry the whole input, not only the report' },
    HELP_OPTION,
  ],
  run: runLink,
};

async function runLink(args: ParsedArgs, io: CliIO): Promise<number> {
  const base = baseUrl(args.options.base);
  const wanted = reportNumber(args.options.report);
  if (args.positionals.length > 1) throw new UsageError('give one FILE: a link opens one report');
  const name = args.positionals[0] ?? '-';
  if (name === '-' && io.stdinIsTTY)
    io.stderr.write('lockscope: reading a log from the terminal; paste it and end with Ctrl-D\n');

  const input = await readInput(name, io, MAX_INPUT_BYTES);
  const shown = name === '-' ? '<stdin>' : name;
  const parsed = parseText(input.text);
  const count = parsed.reports.length;
  if (count === 0) {
    // The parser's own explanation: "No lock report found in 101 lines. The closest is line 30…"
    const why = parsed.diagnostics.find((d) => d.severity === 'error') ?? parsed.diagnostics[0];
    const where = why?.line != null ? `:${why.line}` : '';
    io.stderr.write(
      `lockscope: ${shown}${where}: ${why ? safe(why.message) : 'no lock report found'}\n`,
    );
    return EXIT.none;
  }
  if (wanted !== null && wanted > count) {
    const s = count === 1 ? '' : 's';
    io.stderr.write(
      `lockscope: ${shown}: there is no report ${wanted}; it holds ${count} report${s}\n`,
    );
    return EXIT.none;
  }
  const report = wanted !== null ? wanted - 1 : defaultReportIndex(parsed.reports)!;
  const state = { ...defaultViewState(input.text), report };

  let link: string;
  try {
    link = await encodePermalink(state, { base, reduce: !args.options.full, parsed });
  } catch (err) {
    if (!(err instanceof PermalinkError)) throw err;
    io.stderr.write(`lockscope: ${shown}: ${err.message}\n`);
    return EXIT.usage;
  }
  io.stdout.write(`${link}\n`);
  const title = safe(parsed.reports[report]!.title);
  const length = `${link.length.toLocaleString('en-US')} characters`;
  io.stderr.write(`lockscope: report ${report + 1} of ${count}: ${title}; ${length}\n`);
  if (link.length > LINK_LENGTH_LIMIT) {
    const hint = args.options.full ? '; without --full it carries only the report' : '';
    io.stderr.write(
      `lockscope: warning: chat apps cut links over ${LINK_LENGTH_LIMIT.toLocaleString('en-US')} characters${hint}\n`,
    );
  }
  return EXIT.ok;
}

function baseUrl(value: string | true | undefined): string {
  if (value === undefined) return DEFAULT_BASE;
  if (value === true) throw new UsageError("option '--base' needs a value (URL)");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base '${value}' is not a URL (e.g. https://lockscope.example.org/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new UsageError(`--base '${value}' is not an http(s) URL`);
  if (url.hash) throw new UsageError(`--base '${value}' has a '#' part; the link's own goes there`);
  return value;
}

function reportNumber(value: string | true | undefined): number | null {
  if (value === undefined) return null;
  if (value === true || !/^[1-9]\d{0,8}$/.test(value))
    throw new UsageError(`--report takes a report number from 1 (got '${value}')`);
  return Number(value);
}
