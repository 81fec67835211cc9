// A report-only link: the selected report's own lines, cleaned (no timestamps, caller ids,
// syslog or quote prefixes) and stripped of what the report model does not read (frame and
// lock instance addresses, register dumps, the hardware line), so the link stays short.
//
// Every reduction is checked by parsing it again: the reduced text must give a report with the
// same fingerprint (reportFingerprint below) as the original. When the most aggressive cut does
// not, a gentler one is tried, down to the whole input.
import type { ParseOutput, Report } from '../model/types';
import { parseText } from '../parse';
import { cleanText } from '../parse/clean';
import type { CleanLine } from '../parse/clean/types';
import { ALL_LINE_STARTS } from '../parse/detect';
import { summarizeReport } from '../parse/summary';

export type Reduction = 'stripped' | 'cleaned' | 'lines' | 'whole';

export interface ReducedInput {
  text: string;
  /** the report's index in parseText(text).reports */
  report: number;
  /** how far the cut went: 'whole' means nothing could be dropped */
  reduction: Reduction;
  /** the original lines (1-based, inclusive) the text came from; null for 'whole' */
  excerpt: { start: number; end: number } | null;
}

/**
 * What must survive a reduction: the summary a person checks (summarizeReport without LINES),
 * the banner, the usage era, the details, and every frame's function, offset, module and
 * reliability, and each held lock's "at". What may differ: line numbers (lines, spans,
 * diagnostics), Frame.address and HeldLock.address, and "[<ffffffff…>]" addresses inside the
 * raw `details` strings (irq event stamps print them).
 */
export function reportFingerprint(r: Report): string {
  const { LINES: _lines, ...summary } = summarizeReport(r);
  const frames = (fs: Report['trace']) =>
    fs.map(
      (f) => `${f.unreliable ? '? ' : ''}${f.function}+${f.offset}[${f.module}]${f.file}:${f.line}`,
    );
  return JSON.stringify({
    summary,
    headline: r.headline ?? null,
    usageEra: r.usageEra ?? null,
    details: r.details ? stripDetailAddresses(r.details) : null,
    trace: frames(r.trace),
    deps: r.dependencies.map((d) => frames(d.trace)),
    held:
      r.heldLocks?.map(
        (h) => `${h.class}@${h.at}${h.task ? ` ${h.task.comm}/${h.task.pid}` : ''}`,
      ) ?? null,
    scenarioCpus: r.scenario?.cpus ?? null,
  });
}

/** "hardirqs last  enabled at (208973): [<c0125d4c>] foo+0x1/0x2" is compared without its address. */
function stripDetailAddresses(details: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(details)) out[k] = v.replace(FRAME_ADDRESS, '');
  return out;
}

/** Null when `reportIndex` names no report of `parsed`. */
export function reduceForLink(
  input: string,
  parsed: ParseOutput,
  reportIndex: number,
): ReducedInput | null {
  const target = parsed.reports[reportIndex];
  if (!target) return null;
  const want = reportFingerprint(target);
  const excerpt = { start: target.lines.start, end: target.lines.end };

  let cleaned: CleanLine[] | null = null;
  try {
    cleaned = reportLines(cleanText(input, { lineStarts: ALL_LINE_STARTS }).lines, target);
  } catch {
    // The parser survives a cleaner bug by reading the raw text; so do we (see 'lines').
  }
  const candidates: [Reduction, () => string][] = [
    ['stripped', () => stripNoise(cleaned!.map((l) => l.text)).join('\n')],
    ['cleaned', () => cleaned!.map((l) => l.text).join('\n')],
    ['lines', () => originalLines(input, target).join('\n')],
  ];
  // the cleaned text can be longer than the lines it came from (TABs expanded: Abseil's "\t@ 0x…" frames)
  const limit = originalLines(input, target).join('\n').length;
  for (const [reduction, make] of candidates) {
    if (reduction !== 'lines' && !cleaned) continue;
    const text = make();
    if (reduction !== 'lines' && text.length > limit) continue;
    const at = findReport(text, want);
    if (at >= 0) return { text, report: at, reduction, excerpt };
  }
  return { text: input, report: reportIndex, reduction: 'whole', excerpt: null };
}

function findReport(text: string, want: string): number {
  return parseText(text).reports.findIndex((r) => reportFingerprint(r) === want);
}

/**
 * The cleaned lines the report was read from: those whose first original line lies in its range,
 * and, when printk caller ids interleave two reports, only the report's own stream (as
 * parse/index.ts splitStreams groups them: a line without an id goes with the id before it).
 */
function reportLines(lines: CleanLine[], r: Report): CleanLine[] {
  const hasStreams = lines.some((l) => l.stream !== null);
  let current = '';
  let own: string | null = null;
  const out: { line: CleanLine; stream: string }[] = [];
  for (const line of lines) {
    if (line.stream !== null) current = line.stream;
    if (line.origin < r.lines.start || line.origin > r.lines.end) continue;
    own ??= current;
    out.push({ line, stream: current });
  }
  return out.filter((x) => !hasStreams || x.stream === own).map((x) => x.line);
}

function originalLines(input: string, r: Report): string[] {
  const all = input.split(/\r\n|\r|\n/);
  return all.slice(r.lines.start - 1, r.lines.end);
}

// Lines no report field is read from: the hardware line, the register dump printed after the
// backtrace, the code bytes and the module list. "RIP: 0033:0x7f…", "RAX: ffffffffffffffda RBX: …"
const NOISE_LINE =
  /^\s*(?:Hardware name: |Code: |Modules linked in:|RIP: [0-9a-f]{4}:|(?:RSP|RAX|RDX|RBP|R10|R13|R08|FS|CS|CR2|DR[0-7]|PKRU|EAX|ESI|DS|CR0): [0-9a-f])/;
// "[<ffffffff8109dbb7>] apply_workqueue_attrs+0x17/0x50": the address says nothing the symbol does not.
const FRAME_ADDRESS = /\[<[0-9a-f]{8,16}>\] ?/g;
// " #0: ffff8880a9b1e0d8 (&mm->mmap_lock){++++}-{3:3}, at: …": an instance address, new every boot.
// " #0: (____ptrval____) (&mm->mmap_sem){++++}, at: …": the same, hashed-pointer era.
const HELD_ADDRESS = /^(\s*#\d+: +)(?:[0-9a-f]{8,16}|\(____ptrval____\)) (?=\()/;
// "ffff888012345678 (&w->lock){+.+.}-{3:3}, at: …" under "is trying to acquire lock:".
const LOCK_ADDRESS = /^(\s*)(?:[0-9a-f]{8,16}|\(____ptrval____\)) (?=\()/;

export function stripNoise(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if (NOISE_LINE.test(line)) continue;
    out.push(
      line
        .replace(FRAME_ADDRESS, '')
        .replace(HELD_ADDRESS, '$1')
        .replace(LOCK_ADDRESS, '$1')
        .trimEnd(),
    );
  }
  return out;
}
