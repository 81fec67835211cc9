// ThreadSanitizer lock-order-inversion reports: compiler-rt tsan_report.cpp PrintReport() for
// ReportTypeDeadlock (LLVM and GCC's libtsan, old global mutex ids and the 0-based ids of the
// 2021 runtime, "Hint:" and "HINT:", second_deadlock_stack=1).
import type { Frame } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { FormatParser, ParsedReport } from '../format';
import { parseSanitizerFrame } from '../frames/userspace';
import { callerName, functionName } from '../frames/userspace-caller';
import { UserDraft, bare } from '../userspace/draft';

// "WARNING: ThreadSanitizer: lock-order-inversion (potential deadlock) (pid=1525057)"; a CI log that
// collapsed lines doubles it: "lock-order-inversion (potential deadlock) WARNING: ThreadSanitizer: …"
const HEADER =
  /^(?:lock-order-inversion \(potential deadlock\) )?WARNING: ThreadSanitizer: lock-order-inversion \(potential deadlock\)(?: \(pid=(\d{1,10})\))?$/;
// "Cycle in lock order graph: M3318 (0x7b1000012540) => M3320 (0x7b1000026540) => M3318"
const CYCLE_LINE =
  /^Cycle in lock order graph: (M\d{1,20}(?: \(0x[0-9a-fA-F]{1,16}\))?(?: => .*)?)$/;
const CYCLE_NODE = /^(M\d{1,20})(?: \((0x[0-9a-fA-F]{1,16})\))?$/;
const EDGE =
  /^Mutex (M\d{1,20}) acquired here while holding mutex (M\d{1,20}) in (main thread|thread T\d{1,9}):?$/;
const PREVIOUSLY = /^Mutex (M\d{1,20}) previously acquired by the same thread here:?$/;
const HINT = /^(?:Hint|HINT): use TSAN_OPTIONS=second_deadlock_stack=1/;
// "Thread T1 'worker' (tid=62770, running) created by main thread at:", "… is a GCD worker thread"
const THREAD = /^Thread (T\d{1,9})(?: '.*')? \(tid=\d{1,10}, (?:running|finished)\) (.+?):?$/;
const SUMMARY = /^SUMMARY: ThreadSanitizer: lock-order-inversion \(potential deadlock\) ?(.*)$/;
const RULE = /^={10,}$/;

function sniff(lines: readonly CleanLine[], i: number): boolean {
  const text = lines[i]!.text;
  if (text.indexOf('lock') < 0) return false;
  const t = text.trim();
  if (HEADER.test(t)) return true;
  // a paste that starts at the cycle line (the header was cut off)
  if (!CYCLE_LINE.test(t)) return false;
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) if (HEADER.test(bare(lines, j))) return false;
  return true;
}

type Section = 'none' | 'edge' | 'previous' | 'thread';

function parse(lines: readonly CleanLine[], start: number): ParsedReport {
  const head = bare(lines, start);
  const h = HEADER.exec(head);
  const d = new UserDraft(
    lines,
    start,
    'tsan',
    'lock-order-inversion',
    h ? head : 'WARNING: ThreadSanitizer: lock-order-inversion (potential deadlock)',
  );
  if (h?.[1]) d.detail('pid', h[1]);
  let cycle: string[] | null = null;
  let section: Section = 'none';
  let trace: Frame[] = [];
  let edge: { prev: string; next: string; thread: string } | null = null;
  let previous: string | null = null;
  let thread = '';
  let cutFrame = false;
  let unknown = 0;
  const held = new Map<string, string | null>();
  const edges: { prev: string; next: string; thread: string; trace: Frame[] }[] = [];

  const close = () => {
    if (section === 'edge' && edge) edges.push({ ...edge, trace });
    if (section === 'previous' && previous !== null && edge)
      held.set(`${edge.thread}\u0000${previous}`, atOf(trace));
    // "thread T1": "created by main thread at Test5 deadlock.cpp:40"
    if (section === 'thread' && thread && trace.length > 0)
      d.report.details![thread] = `${d.report.details![thread]} ${atOf(trace)}`;
    section = 'none';
    trace = [];
  };

  let i = h ? start + 1 : start;
  for (; i < lines.length; i++) {
    const t = bare(lines, i);
    if (t === '') continue;
    if (HEADER.test(t) || sniffOther(t)) break;
    let m: RegExpExecArray | null;
    if ((m = CYCLE_LINE.exec(t)) && cycle === null) {
      close();
      d.take(i, 'chain-summary');
      // a mailer may wrap a long cycle line: "… => M1 (0x7b0c00000040) =>" / "M0"
      let text = m[1]!;
      while (!cycleClosed(text) && CYCLE_TAIL.test(bare(lines, i + 1))) {
        text = `${text} ${bare(lines, ++i)}`;
        d.take(i, 'chain-summary');
      }
      cycle = readCycle(text, d, i);
    } else if ((m = EDGE.exec(t))) {
      close();
      edge = { prev: m[2]!, next: m[1]!, thread: m[3]! };
      section = 'edge';
      d.take(i, 'chain-entry', `${m[2]} -> ${m[1]}`);
    } else if ((m = PREVIOUSLY.exec(t))) {
      close();
      previous = m[1]!;
      section = 'previous';
      d.take(i, 'other', m[1]!);
    } else if (HINT.test(t)) {
      close();
      d.detail('hint', t);
      d.take(i);
    } else if ((m = THREAD.exec(t))) {
      close();
      thread = `thread ${m[1]}`;
      d.detail(thread, m[2]!);
      section = t.endsWith(':') ? 'thread' : 'none';
      d.take(i, 'task', thread);
    } else if ((m = SUMMARY.exec(t))) {
      close();
      if (m[1]) d.detail('summary', m[1]);
      d.take(i);
      if (RULE.test(bare(lines, i + 1))) d.take(i + 1);
      break;
    } else if (RULE.test(t)) {
      if (edges.length > 0 || section !== 'none') break;
      d.take(i);
    } else {
      const f = section !== 'none' ? parseSanitizerFrame(t) : null;
      if (f) {
        trace.push(f);
        // cut off mid-line: "(openttd+0x14516", or a frame without the module its neighbours print
        cutFrame =
          t.lastIndexOf('(') > t.lastIndexOf(')') ||
          (f.module === null &&
            f.address === null &&
            trace.length > 1 &&
            trace[trace.length - 2]!.module !== null) ||
          (f.module === null &&
            f.address === null &&
            f.file === null &&
            trace.length === 1 &&
            edges.length > 0);
        d.take(i, 'frame');
        unknown = 0;
        continue;
      }
      // an unrelated line between sections is skipped; two in a row end the report
      if (++unknown >= 2) break;
      continue;
    }
    unknown = 0;
  }
  close();

  for (const e of edges) {
    const isNew = cycle !== null && e.prev === cycle[cycle.length - 1] && e.next === cycle[0];
    d.addDependency(e.prev, e.next, e.trace, isNew, e.thread);
  }
  // each thread of the cycle holds the lock it took first (its site when second_deadlock_stack=1)
  for (const e of edges)
    d.addHeld(e.prev, held.get(`${e.thread}\u0000${e.prev}`) ?? null, e.thread);
  for (const name of cycle ?? []) d.addLock(name);
  d.report.cycle = cycle;
  const wanted = cycle?.length ?? 0;
  d.report.truncated = edges.length < wanted || cutFrame;
  if (cycle === null)
    d.diag(start, 'warning', 'no "Cycle in lock order graph:" line after the header');
  else if (edges.length < wanted)
    d.diag(
      null,
      'info',
      `the report is cut off: ${edges.length} of the cycle's ${wanted} "Mutex … acquired here" stacks are shown`,
    );
  return d.finish(title(d));
}

/** The other TSan reports share the banner; they end this one. */
function sniffOther(t: string): boolean {
  return t.startsWith('WARNING: ThreadSanitizer: ');
}

const CYCLE_TAIL = /^(?:=> )?(?:M\d{1,20}|\(0x[0-9a-fA-F]{1,16}\))/;

/** The cycle line ends with its first mutex again: "M0 (0x…) => M1 (0x…) => M0". */
function cycleClosed(text: string): boolean {
  const first = /^M\d{1,20}/.exec(text)?.[0];
  return first !== undefined && text.endsWith(` => ${first}`);
}

function readCycle(text: string, d: UserDraft, i: number): string[] {
  const parts = text.split(' => ');
  const out: string[] = [];
  for (const p of parts) {
    const m = CYCLE_NODE.exec(p.trim());
    if (!m) {
      d.diag(i, 'warning', `unreadable mutex "${p.trim()}" in the cycle line`);
      continue;
    }
    if (m[2]) d.detail(m[1]!, m[2]);
    out.push(m[1]!);
  }
  // the last node repeats the first, without its address
  if (out.length > 1 && out[out.length - 1] === out[0]) out.pop();
  return out;
}

function atOf(trace: readonly Frame[]): string | null {
  const name = callerName(trace);
  if (!name) return null;
  const f = trace.find((x) => functionName(x.function) === name)!;
  return f.file ? `${name} ${f.file}${f.line !== null ? `:${f.line}` : ''}` : name;
}

function title(d: UserDraft): string {
  const deps = d.report.dependencies;
  const pick =
    deps.find((x) => x.isNew && x.trace.length > 0) ?? deps.find((x) => x.trace.length > 0);
  let where = pick ? callerName(pick.trace) : null;
  if (!where) {
    const s = d.report.details?.summary;
    const at = s?.lastIndexOf(' in ') ?? -1;
    if (s && at >= 0) where = s.slice(at + 4).trim();
  }
  return where ? `lock-order-inversion in ${where}` : 'lock-order-inversion (potential deadlock)';
}

export const tsanParser: FormatParser = {
  format: 'tsan',
  sniff,
  parse,
  lineStarts: [
    /WARNING: ThreadSanitizer: /,
    /Cycle in lock order graph: M\d/,
    /Mutex M\d+ (?:acquired here|previously acquired)/,
    /SUMMARY: ThreadSanitizer: /,
  ],
};
