// `lockscope order`: a suggested lock order for a whole-kernel graph (/proc/lockdep, lockdep_chains,
// witness fullgraph, or the reports of a log merged), with the dependencies that go against it.
import { buildLockGraph } from '../../graph/build';
import { shortestCycleThrough } from '../../graph/cycles';
import { suggestedLockOrder } from '../../graph/lock-order';
import type { Report } from '../../model/types';
import { parseText } from '../../parse';
import { safe } from '../../render/text';
import { UsageError, type ParsedArgs } from '../args';
import { EXIT, HELP_OPTION, type Command } from '../command';
import type { CliIO } from '../io';
import { MAX_INPUT_BYTES, readInput, type Input } from '../read-input';

export const ORDER_SCHEMA = 'lockscope.order/v1';

/** Back edges whose cycle is looked up and printed; past that they are listed alone. */
const CYCLES_SHOWN = 100;

const DETAILS = `Reads each FILE (or stdin for '-' or no FILE; gzip files are unpacked): a /proc/lockdep or
/proc/lockdep_chains dump, a FreeBSD 'sysctl debug.witness.fullgraph', or any log with lock
reports. Every lock graph found is merged (when there is none, the reports' own dependencies
are used) and ONE order of all its classes is printed: take earlier locks first.

Where the graph has cycles no order fits every dependency. The back edges are the dependencies
that go against the order printed: each lies on a cycle, and without them the order is a
topological order of the graph. Between tangles of cycles the order is exact; inside one the
fewest back edges is NP-hard to find, so a heuristic (Eades-Lin-Smyth, and depth-first orders)
picks few. Each back edge is shown with the shortest cycle through it.

Output: --text (default) a numbered list, then the back edges; --json one object:
  {"schema":"${ORDER_SCHEMA}", "classes":N, "dependencies":M, "order":[...],
   "backEdges":[{"prev":..., "next":..., "cycle":[...] }]}

Exit status: 0 when an order was printed; 1 when no lock graph or report was found; 2 for
usage errors and inputs that cannot be read; 3 for a bug.

Example:
  lockscope order /proc/lockdep
  ssh testbox cat /proc/lockdep | lockscope order --json > order.json`;

export const orderCommand: Command = {
  name: 'order',
  summary: 'suggest a lock order for a whole lock graph; name the dependencies against it',
  synopsis: 'lockscope order [--text|--json] [FILE...|-]',
  details: DETAILS,
  options: [
    { name: 'text', help: 'a numbered list and the back edges (default)' },
    { name: 'json', help: `one object, schema ${ORDER_SCHEMA}` },
    HELP_OPTION,
  ],
  run: runOrder,
};

export interface OrderOutput {
  schema: typeof ORDER_SCHEMA;
  classes: number;
  dependencies: number;
  order: string[];
  /** `cycle`: the shortest cycle through the back edge, from its prev; null past the first 100 */
  backEdges: { prev: string; next: string; cycle: string[] | null }[];
}

async function runOrder(args: ParsedArgs, io: CliIO): Promise<number> {
  if (args.options.text && args.options.json)
    throw new UsageError('choose one output: --text or --json');
  const names = args.positionals.length > 0 ? args.positionals : ['-'];
  if (names.filter((n) => n === '-').length > 1)
    throw new UsageError("stdin ('-') can be read only once");
  if (names.includes('-') && io.stdinIsTTY)
    io.stderr.write('lockscope: reading a dump from the terminal; paste it and end with Ctrl-D\n');
  const inputs: Input[] = [];
  for (const name of names) inputs.push(await readInput(name, io, MAX_INPUT_BYTES));

  const reports: Report[] = inputs.flatMap((input) => parseText(input.text).reports);
  const graphs = reports.filter((r) => r.kind === 'lock-graph');
  const used = graphs.length > 0 ? graphs : reports;
  if (used.length === 0) {
    io.stderr.write(
      `lockscope: no lock graph or lock report found in ${names.map(shown).join(', ')}\n`,
    );
    return EXIT.none;
  }
  const output = computeOrder(used);
  if (args.options.json) io.stdout.write(JSON.stringify(output, null, 2) + '\n');
  else for (const chunk of textChunks(output, used)) io.stdout.write(chunk);
  return EXIT.ok;
}

export function computeOrder(reports: readonly Report[]): OrderOutput {
  const graph = buildLockGraph(reports);
  const { order, backEdges } = suggestedLockOrder(graph);
  return {
    schema: ORDER_SCHEMA,
    classes: graph.nodes.length,
    dependencies: graph.edges.length,
    order,
    backEdges: backEdges.map((e, i) => ({
      prev: e.prev,
      next: e.next,
      cycle: i < CYCLES_SHOWN ? shortestCycleThrough(graph, e.id) : null,
    })),
  };
}

function* textChunks(o: OrderOutput, used: readonly Report[]): Generator<string> {
  const from = used.length === 1 ? used[0]!.title : `${used.length} reports merged`;
  const against =
    o.backEdges.length === 0
      ? 'every dependency follows it'
      : `${o.backEdges.length} ${o.backEdges.length === 1 ? 'dependency goes' : 'dependencies go'} against it`;
  yield `suggested lock order for ${o.classes} classes (${safe(from)}): ${against}\n`;
  const width = String(o.order.length).length;
  // in slices: 8,000 lines in one string is fine, but a pipe to `head` should not wait for it
  for (let i = 0; i < o.order.length; i += 1000) {
    yield o.order
      .slice(i, i + 1000)
      .map((name, k) => `${String(i + k + 1).padStart(width)}  ${safe(name)}\n`)
      .join('');
  }
  if (o.backEdges.length === 0) return;
  yield '\nback edges (dependencies against this order; each closes a cycle):\n';
  for (const e of o.backEdges) {
    yield `  ${safe(e.prev)} -> ${safe(e.next)}\n`;
    if (e.cycle) yield `      cycle: ${safe([...e.cycle, e.cycle[0]!].join(' -> '))}\n`;
  }
}

function shown(name: string): string {
  return name === '-' ? '<stdin>' : name;
}
