// Abseil absl::Mutex deadlock detection: mutex.cc DeadlockCheck() ("Potential Mutex deadlock:",
// "Acquiring absl::Mutex %p while holding  %p …; a cycle in the historical lock ordering graph
// has been observed", "Cycle:", "mutex@%p stack:"), every line through ABSL_RAW_LOG's
// "[mutex.cc : 1426] RAW: " prefix; symbolised frames "\t@ 0x… symbol" (a TAB or 8 spaces).
import { makeFrame } from '../../model/frame';
import type { Frame } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { FormatParser, ParsedReport } from '../format';
import { parseAbseilFrame } from '../frames/userspace';
import { callerName } from '../frames/userspace-caller';
import { UserDraft } from '../userspace/draft';

// "[mutex.cc : 1426] RAW: ", "[external/com_google_absl/absl/synchronization/mutex.cc : 1438] RAW: "
const RAW = /^\[[^\]]{1,200} : \d{1,6}\] RAW: ?/;
// Windows prints %p without 0x: "0000023425BC70E0"
const ID = String.raw`(?:0x[0-9a-fA-F]{1,16}|[0-9A-F]{8,16})`;
// the 3rd report onwards prints the stack unsymbolised on the header line: "Potential Mutex deadlock:  0x… 0x…"
// A flattened paste keeps the frames on the header line: "Potential Mutex deadlock: @ 0x… f() @ 0x… g()"
const HEADER = /^Potential Mutex deadlock:(.*)$/;
const IDS = new RegExp(String.raw`^(?: +${ID})*\s*$`);
// (one space in the format, one before each held id: "while holding  0x…")
const ACQUIRING = new RegExp(
  String.raw`^Acquiring absl::Mutex (${ID}) while holding((?: +${ID})*) *;`,
);
const CYCLE = /^Cycle:\s*$/;
const NODE = new RegExp(String.raw`^mutex@(${ID}) stack:((?: +${ID})*)\s*$`);
const OTHER = /^(?:\(long cycle; list truncated\)|dying due to potential deadlock)$/;

export function rawText(text: string): string {
  const t = text.trim();
  const m = RAW.exec(t);
  return m ? t.slice(m[0].length).trim() : t;
}

function sniff(lines: readonly CleanLine[], i: number): boolean {
  const text = lines[i]!.text;
  return text.indexOf('Mutex deadlock:') >= 0 && HEADER.test(rawText(text));
}

function rawFrames(addresses: string): Frame[] {
  return addresses
    .trim()
    .split(/ +/)
    .filter((a) => a !== '')
    .map((a) => makeFrame({ function: '??', address: a }));
}

/** Unsymbolised ids, or symbolised frames glued on (a flattened paste), up to the next RAW prefix. */
function headerFrames(rest: string): Frame[] {
  if (IDS.test(rest)) return rawFrames(rest);
  const out: Frame[] = [];
  const glued = rest.replace(/ \[[^\]]{1,200} : \d{1,6}\] RAW:.*$/, '');
  for (const piece of glued.split(/ (?=@ )/)) {
    const f = parseAbseilFrame(piece);
    if (f) out.push(f);
  }
  return out;
}

function parse(lines: readonly CleanLine[], start: number): ParsedReport {
  const head = rawText(lines[start]!.text);
  const d = new UserDraft(
    lines,
    start,
    'abseil',
    'potential-mutex-deadlock',
    'Potential Mutex deadlock:',
  );
  let stack: Frame[] = headerFrames(HEADER.exec(head)?.[1] ?? '');
  d.report.trace = stack;
  let acquiring: string | null = null;
  let holding: string[] = [];
  const path: { id: string; trace: Frame[] }[] = [];
  let listTruncated = false;
  let unknown = 0;
  for (let i = start + 1; i < lines.length; i++) {
    const t = rawText(lines[i]!.text);
    if (t === '') continue;
    if (HEADER.test(t)) break;
    let m: RegExpExecArray | null;
    if ((m = ACQUIRING.exec(t))) {
      acquiring = m[1]!;
      holding = m[2]!
        .trim()
        .split(/ +/)
        .filter((x) => x !== '');
      d.take(i, 'lock', acquiring);
    } else if (CYCLE.test(t)) d.take(i);
    else if ((m = NODE.exec(t))) {
      stack = rawFrames(m[2] ?? '');
      path.push({ id: m[1]!, trace: stack });
      d.take(i, 'lock', m[1]!);
    } else if (OTHER.test(t)) {
      listTruncated ||= t.startsWith('(long');
      d.take(i);
    } else {
      const f = parseAbseilFrame(t);
      if (f) {
        stack.push(f);
        d.take(i, 'frame');
      } else if (++unknown >= 2) break;
      else continue;
    }
    unknown = 0;
  }
  if (acquiring) d.addLock(acquiring);
  for (const h of holding) d.addHeld(h, null, null);
  // the path X -> … -> H already in the graph, closed by the new edge H -> X (this acquisition);
  // the stacks are per mutex (its recorded acquisition), not per edge
  const ids = path.map((p) => p.id);
  if (acquiring && ids.length > 0) {
    if (ids[0] !== acquiring) ids.unshift(acquiring);
    for (let k = 0; k + 1 < ids.length; k++) {
      const node = path.find((p) => p.id === ids[k + 1]);
      d.addDependency(ids[k]!, ids[k + 1]!, node?.trace ?? [], false, null);
    }
    const last = ids[ids.length - 1]!;
    if (last !== acquiring) d.addDependency(last, acquiring, d.report.trace, true, null);
    d.report.cycle = listTruncated ? null : ids;
  } else if (acquiring) {
    // no "Cycle:" section (cut off): the new edges from each held mutex are all the report says
    for (const h of holding) d.addDependency(h, acquiring, d.report.trace, true, null);
  }
  d.report.truncated = acquiring === null || path.length === 0 || listTruncated;
  if (listTruncated)
    d.diag(
      null,
      'info',
      'Abseil cut the cycle short ("long cycle; list truncated"): no cycle is drawn',
    );
  const where = callerName(d.report.trace);
  return d.finish(
    where && where !== '??' ? `potential Mutex deadlock in ${where}` : 'potential Mutex deadlock',
  );
}

export const abseilParser: FormatParser = {
  format: 'abseil',
  sniff,
  parse,
  lineStarts: [/Potential Mutex deadlock:/, /Acquiring absl::Mutex /],
};
