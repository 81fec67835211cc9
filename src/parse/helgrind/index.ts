// Valgrind Helgrind lock order errors: hg_errors.c HG_(pp_Error) for XE_LockOrder — the 3.7+
// layout ("Observed (incorrect) order is: …", "Required order was established by …", "Lock at …
// was first observed") and the ≤3.6 one (the violating stack right under the header, a two-space
// "Required order…"), with "==pid==" columns (the cleaner takes them off).
import type { Frame } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { FormatParser, ParsedReport } from '../format';
import { parseValgrindFrame } from '../frames/userspace';
import { callerName } from '../frames/userspace-caller';
import { UserDraft, bare } from '../userspace/draft';

// 'Thread #27: lock order "0x5F23D08 before 0x5F23910" violated'; the test suite's filtered
// 'Thread #x: lock order "0x........ before 0x........" violated'
// (a flattened paste keeps what followed on the line: 'violated ==2781== at 0x4C26B43: …')
const HEADER =
  /^Thread #(\d{1,9}|x): lock order "(0x[0-9A-Fa-f.]{1,16}) before (0x[0-9A-Fa-f.]{1,16})" violated(?:$| )/;
// the 3.3 manual sets it on two lines: "Thread #1:" / '   lock order "0x7FEFFFAB0 before 0x7FEFFFA80" violated'
const THREAD_ALONE = /^Thread #(\d{1,9}|x):$/;
const ORDER_ALONE = /^lock order "(0x[0-9A-Fa-f.]{1,16}) before (0x[0-9A-Fa-f.]{1,16})" violated$/;
const OBSERVED = /^Observed \(incorrect\) order is: acquisition of lock at (0x[0-9A-Fa-f.]{1,16})$/;
// "Required order was established by acquisition of lock at 0x…" (the manual breaks it before "at")
const REQUIRED =
  /^Required order was established by acquisition of lock(?: at (0x[0-9A-Fa-f.]{1,16}))?$/;
const FOLLOWED = /^followed by a later acquisition of lock at (0x[0-9A-Fa-f.]{1,16})$/;
const LONE_AT = /^at (0x[0-9A-Fa-f.]{1,16})$/;
const FIRST_OBSERVED =
  /^Lock at (0x[0-9A-Fa-f.]{1,16})(?: was first observed| : no stacktrace for first observation)$/;
// " Address 0x… is 0 bytes inside data symbol "chop"", "… is on thread #1's stack", "Block was alloc'd by thread #1"
const ADDRESS =
  /^(?:Address 0x[0-9A-Fa-f.]{1,16} is .+|in frame #\S+, created by .+|Block was alloc'd by thread #\S+)$/;
const END =
  /^(?:---Thread-Announcement-+|-{20,}|ERROR SUMMARY: .*|Thread #\S+: .*|Thread #\S+ (?:was created|is the program's root thread).*)$/;

function sniff(lines: readonly CleanLine[], i: number): boolean {
  const text = lines[i]!.text;
  if (text.indexOf('Thread #') < 0) return false;
  const t = text.trim();
  if (HEADER.test(t)) return true;
  return THREAD_ALONE.test(t) && ORDER_ALONE.test(bare(lines, i + 1));
}

type Section =
  'violating' | 'observed' | 'observed-later' | 'required' | 'required-later' | 'first-observed';

function parse(lines: readonly CleanLine[], start: number): ParsedReport {
  let head = bare(lines, start);
  const m = HEADER.exec(head);
  if (m) head = head.slice(0, m[0].trimEnd().length);
  let thread: string;
  let a: string;
  let b: string;
  let i = start + 1;
  let old = false;
  if (m) {
    thread = `Thread #${m[1]}`;
    a = m[2]!;
    b = m[3]!;
  } else {
    const o = ORDER_ALONE.exec(bare(lines, start + 1))!;
    thread = head.slice(0, -1);
    a = o[1]!;
    b = o[2]!;
    head = `${head} ${bare(lines, start + 1)}`;
    i = start + 2;
    old = true;
  }
  const d = new UserDraft(lines, start, 'helgrind', 'lock-order-violated', head);
  if (old) d.take(start + 1, 'title');
  // test-filtered output prints every address as "0x........": tell the two locks apart by role
  if (a === b) {
    d.diag(
      start,
      'info',
      `both locks print as ${a} (addresses filtered out); named by their place in "before"`,
    );
    a = `${a} (earlier)`;
    b = `${b} (later)`;
  }
  d.addLock(a);
  d.addLock(b);
  const stacks: Partial<Record<Section, Frame[]>> = {};
  // ≤3.6 prints the violating stack right under the header; 3.7+ opens "Observed …" first
  let section: Section = 'violating';
  let firstObserved: string | null = null;
  let unknown = 0;
  let cut = false;
  // the ≤3.6 layout has the stack right under the header
  let pendingRequired = false;
  for (; i < lines.length; i++) {
    const t = bare(lines, i);
    if (t === '') continue;
    if (END.test(t) || HEADER.test(t)) break;
    let x: RegExpExecArray | null;
    if (OBSERVED.test(t)) section = 'observed';
    else if ((x = REQUIRED.exec(t))) {
      section = 'required';
      pendingRequired = x[1] === undefined;
    } else if (pendingRequired && LONE_AT.test(t)) pendingRequired = false;
    else if (FOLLOWED.test(t)) {
      section =
        section === 'observed'
          ? 'observed-later'
          : section === 'violating'
            ? 'violating'
            : 'required-later';
    } else if ((x = FIRST_OBSERVED.exec(t))) {
      section = 'first-observed';
      firstObserved = x[1]!;
    } else if (ADDRESS.test(t)) {
      if (firstObserved && t.startsWith('Address ')) d.detail(`lock ${firstObserved}`, t);
    } else if (t === '(stack unavailable)') {
      stacks[section] ??= [];
    } else {
      const f = parseValgrindFrame(t);
      if (f) {
        if (section !== 'first-observed') (stacks[section] ??= []).push(f);
      } else if (t !== '...' && ++unknown >= 2) break;
      // a frame always ends in "(file:line)", "(in /lib.so)" or "???": anything else was cut off
      if (f) cut = !t.endsWith(')') && !t.endsWith('???');
      if (f || t === '...') {
        d.take(i, 'frame');
        unknown = 0;
      }
      continue;
    }
    unknown = 0;
    d.take(i);
  }
  // b is held, a is taken (the violation, this thread); the required order took b while a was held
  const violating = stacks['observed-later'] ?? stacks.violating ?? [];
  if (stacks.required || stacks['required-later'])
    d.addDependency(a, b, stacks['required-later'] ?? [], false, null);
  d.addDependency(b, a, violating, true, thread);
  // "Observed (incorrect) order is: acquisition of lock at <b>": where this thread took b
  d.addHeld(b, callerName(stacks.observed ?? []), thread);
  d.report.cycle = [a, b];
  d.report.truncated = cut || violating.length === 0;
  d.detail('thread', thread);
  if (!stacks.required && !stacks['required-later'] && !d.report.truncated)
    d.diag(
      null,
      'info',
      'no "Required order was established" stacks: Helgrind knows the order from a longer cycle or did not keep the stacks',
    );
  const where = callerName(violating);
  return d.finish(
    where ? `lock order violated in ${where}` : `lock order "${a} before ${b}" violated`,
  );
}

export const helgrindParser: FormatParser = {
  format: 'helgrind',
  sniff,
  parse,
  lineStarts: [
    /Thread #(?:\d+|x): lock order "/,
    /Observed \(incorrect\) order is: /,
    /Required order was established /,
  ],
};
