// A report as Markdown, to paste into a bug report or (as plain text, it reads the same) a commit
// message: the title, the kernel, the cycle as a chain, the interleaving that deadlocks, and where
// each dependency was taken.
import { firstInterestingFrame, formatFrame } from '../model/frame';
import type { Format, Report } from '../model/types';
import {
  deriveScenarios,
  describeStep,
  explainDeadlock,
  replay,
  type Op,
  type Scenario,
  type State,
} from '../scenario';

export interface MarkdownOptions {
  /** the scenario whose deadlocking schedule to print (a ScenarioId: 'full', 'lockdep', …); default: the first one */
  scenario?: string;
  /** heading level of the title (default 2, so several reports fit under one document heading) */
  level?: number;
  /** where the report came from, e.g. "kern.log" */
  source?: string;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const level = Math.min(Math.max(options.level ?? 2, 1), 5);
  const h = (n: number, text: string) => `${'#'.repeat(level + n)} ${text}`;
  const out: string[] = [h(0, inline(report.title || report.kind)), ''];

  const facts: [string, string][] = [
    ['Kind', `${code(report.kind)} (${formatLabel(report.format)})`],
  ];
  if (report.kernel !== null) facts.push(['Kernel', code(report.kernel)]);
  if (report.task) facts.push(['Task', code(`${report.task.comm}/${report.task.pid}`)]);
  const lines =
    report.lines.start === report.lines.end
      ? `line ${report.lines.start}`
      : `lines ${report.lines.start}–${report.lines.end}`;
  facts.push(['Where', `${lines}${options.source ? ` of ${code(options.source)}` : ''}`]);
  if (report.truncated) facts.push(['Note', 'the report is cut off']);
  for (const [k, v] of facts) out.push(`- **${k}:** ${v}`);
  out.push('');

  const cycle = report.cycle ?? [];
  if (cycle.length > 0) {
    out.push(h(1, 'The cycle'), '');
    out.push('Each lock was taken while the one before it was held:', '');
    out.push('```text', [...cycle, cycle[0]!].join('\n  --> '), '```', '');
  } else if (report.classes.length > 0) {
    out.push(h(1, 'Lock classes'), '');
    for (const c of report.classes)
      out.push(`- ${code(c.name)}${c.usage !== null ? ` ${code(`{${c.usage}}`)}` : ''}`);
    out.push('');
  }

  const scenario = pickScenario(report, options.scenario);
  if (scenario) out.push(...interleaving(scenario, h(1, 'How it deadlocks')));

  const deps = report.dependencies;
  if (deps.length > 0) {
    out.push(h(1, 'Where each dependency was taken'), '');
    for (const d of deps) {
      const frame = firstInterestingFrame(d.trace);
      const entry = d.chainEntry !== null ? ` (\`-> #${d.chainEntry}\`)` : '';
      const at = frame ? `: ${code(formatFrame(frame))}` : ': no stack in the report';
      out.push(
        `- ${code(d.prev)} → ${code(d.next)}${entry}${d.isNew ? ', the new dependency' : ''}${at}`,
      );
    }
    out.push('');
  }

  const held = report.heldLocks ?? [];
  if (held.length > 0) {
    out.push(h(1, 'Locks held'), '');
    for (const hl of held)
      out.push(`- \`#${hl.index}\` ${code(hl.class)}${hl.at ? ` at ${code(hl.at)}` : ''}`);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

// The tool's own name for each format (as the app's report list shows them).
const FORMAT_LABELS: Record<Format, string> = {
  'linux-lockdep': 'Linux lockdep',
  'freebsd-witness': 'FreeBSD WITNESS',
  'openbsd-witness': 'OpenBSD WITNESS',
  tsan: 'ThreadSanitizer',
  helgrind: 'Valgrind Helgrind',
  java: 'Java thread dump',
  'go-deadlock': 'go-deadlock',
  abseil: 'Abseil Mutex',
  bitcoin: 'Bitcoin Core lockorder',
  'lockscope-trace': 'lockscope trace',
  'proc-lockdep': '/proc/lockdep',
  'witness-graph': 'WITNESS graph',
};

function formatLabel(format: Format): string {
  return FORMAT_LABELS[format] ?? format;
}

function pickScenario(report: Report, id: string | undefined): Scenario | null {
  const all = deriveScenarios(report);
  return all.find((s) => s.id === id) ?? all[0] ?? null;
}

/** The scenario's schedule played to the deadlock: a sentence per step, then the CPU table. */
function interleaving(scenario: Scenario, heading: string): string[] {
  const run = replay(scenario, scenario.schedule);
  const states = run.states;
  if (states.length < 2) return [];
  const out = [heading, '', `${scenario.label}: ${scenario.description}`, ''];
  for (let k = 1; k < states.length; k++) {
    out.push(`${k}. ${inline(describeStep(scenario, states[k - 1]!, states[k]!))}`);
  }
  const last = states[states.length - 1]!;
  const why = explainDeadlock(scenario, last);
  // Lockdep prints two columns; a table of seven CPUs is too wide for a commit message.
  const table = cpuTable(scenario, states);
  if (Math.max(...table.map((l) => l.length)) <= 100) out.push('', '```text', ...table, '```');
  out.push('');
  if (why) out.push(`**Deadlock:** ${inline(why)}`, '');
  if (!run.ok) out.push(`(The schedule stops early: ${inline(run.error)}.)`, '');
  for (const note of scenario.notes) out.push(`> ${inline(note)}`);
  if (scenario.notes.length > 0) out.push('');
  return out;
}

/** Lockdep's layout: one column per CPU, one row per step, the op in its CPU's column. */
function cpuTable(scenario: Scenario, states: readonly State[]): string[] {
  const names = scenario.cpus.map((c) => c.name);
  const rows: { cpu: number; text: string }[] = [];
  for (let k = 1; k < states.length; k++) {
    const last = states[k]!.last;
    if (!last) continue;
    const op = scenario.cpus[last.cpu]?.ops[last.op];
    if (!op) continue;
    rows.push({ cpu: last.cpu, text: opText(op) + (last.outcome === 'waits' ? ' waits' : '') });
  }
  const widths = names.map((n, i) =>
    Math.max(n.length, ...rows.filter((r) => r.cpu === i).map((r) => r.text.length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('    ')
      .trimEnd();
  const out = [line(names), line(names.map((n) => '-'.repeat(n.length)))];
  for (const r of rows) out.push(line(names.map((_, i) => (i === r.cpu ? r.text : ''))));
  return out;
}

function opText(op: Op): string {
  const pad = op.inInterrupt ? '  ' : '';
  switch (op.op) {
    case 'interrupt':
      return '<Interrupt>';
    case 'irq-disable':
      return `${pad}local_irq_disable();`;
    case 'irq-enable':
      return `${pad}local_irq_enable();`;
    case 'irq-exit':
      return `${pad}</Interrupt>`;
    default:
      return `${pad}${op.op}(${op.class ?? '?'});`;
  }
}

/** A code span that holds any text: a longer backtick fence when the text has backticks. */
export function code(text: string): string {
  const flat = text.replace(/[\r\n]+/g, ' ');
  let ticks = '`';
  while (flat.includes(ticks)) ticks += '`';
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}

/**
 * Plain text in running Markdown, escaped only where Markdown would read markup, so it stays
 * readable as plain text (a commit message): `_` inside a name ("apply_workqueue_attrs") is no
 * emphasis and stays bare; `<Interrupt>` would be an HTML tag, `*` emphasis, `&x;` an entity.
 */
export function inline(text: string): string {
  return text
    .replace(/[\r\n]+/g, ' ')
    .replace(
      /[\\`*<[\]~]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|&(?=#?[A-Za-z0-9]{1,32};)/g,
      (c) => `\\${c}`,
    )
    .replace(/^([#>+-])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
}
