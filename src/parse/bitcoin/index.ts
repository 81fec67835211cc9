// Bitcoin Core DEBUG_LOCKORDER: sync.cpp potential_deadlock_detected() ("POTENTIAL DEADLOCK
// DETECTED", "Previous lock order was:", "Current lock order is:", CLockLocation::ToString()
// lines, the pair marked " (1)" and " (2)"), the 2016 form "name  file:line (TRY)" and the 2020+
// form "'name' in file:line (in thread 'msghand')", with debug.log timestamps.
import type { CleanLine } from '../clean/types';
import type { FormatParser, ParsedReport } from '../format';
import { UserDraft } from '../userspace/draft';

// debug.log "2016-08-26 07:50:29 " / "2020-06-22T15:46:56Z [msghand] " (the cleaner leaves them: no "kernel:")
const STAMP = /^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d{1,9})?Z? (?:\[[^\]]{1,40}\] )?/;
const HEADER = /^POTENTIAL DEADLOCK DETECTED$/;
const PREVIOUS = /^Previous lock order was:$/;
const CURRENT = /^Current lock order is:$/;
// " (1) pfrom->cs_filter  main.cpp:4784", " cs_main  main.cpp:6343 (TRY)", " (2) 'cs_main' in net_processing.cpp:2545 (in thread 'msghand')";
// Gridcoin prints the marker on a line of its own: " (1)"
const ENTRY =
  /^(?:\(([12])\) ?)?(?:'([^']{1,200})' in (\S+)|(\S+) {1,2}(\S+:\d{1,9}))( \(TRY\))?(?: \(in thread '([^']{0,64})'\))?$/;
const MARK_ALONE = /^\(([12])\)$/;
const ASSERTION =
  /^Assertion (?:failed: detected inconsistent lock order.*|'onlyMaybeDeadlock' failed.*)$/;

export function bitcoinText(text: string): string {
  const t = text.trim();
  const m = STAMP.exec(t);
  return m ? t.slice(m[0].length).trim() : t;
}

function sniff(lines: readonly CleanLine[], i: number): boolean {
  const text = lines[i]!.text;
  return text.indexOf('POTENTIAL DEADLOCK DETECTED') >= 0 && HEADER.test(bitcoinText(text));
}

interface Entry {
  name: string;
  at: string;
  mark: '1' | '2' | null;
  thread: string | null;
}

function parse(lines: readonly CleanLine[], start: number): ParsedReport {
  const d = new UserDraft(
    lines,
    start,
    'bitcoin',
    'potential-deadlock',
    'POTENTIAL DEADLOCK DETECTED',
  );
  const previous: Entry[] = [];
  const current: Entry[] = [];
  let list: Entry[] | null = null;
  let mark: '1' | '2' | null = null;
  for (let i = start + 1; i < lines.length; i++) {
    let t = bitcoinText(lines[i]!.text);
    if (t === '') continue;
    // a mailer wrapped a long entry: "… 'm_mempool.cs' in validation.cpp:4125" / "(in thread 'loadblk')"
    // (the tail has no timestamp of its own)
    const next = i + 1 < lines.length ? lines[i + 1]!.text.trim() : '';
    if (list && next !== '' && bitcoinText(next) === next && !ENTRY.test(next)) {
      const joined = `${t} ${next}`;
      if (ENTRY.test(joined)) {
        t = joined;
        d.take(i++, 'lock');
      }
    }
    if (HEADER.test(t)) break;
    let m: RegExpExecArray | null;
    if (PREVIOUS.test(t)) list = previous;
    else if (CURRENT.test(t)) list = current;
    else if ((m = MARK_ALONE.exec(t)) && list) mark = m[1] as '1' | '2';
    else if ((m = ENTRY.exec(t)) && list) {
      const name = m[2] ?? m[4]!;
      list.push({
        name,
        at: m[3] ?? m[5]!,
        mark: (m[1] as '1' | '2' | undefined) ?? mark,
        thread: m[7] ?? null,
      });
      mark = null;
      d.take(i, 'lock', name);
      continue;
    } else if (ASSERTION.test(t)) {
      d.detail('assertion', t);
      d.take(i);
      break;
    } else break;
    d.take(i);
  }
  for (const e of [...previous, ...current]) d.addLock(nameOf(e, current));
  // each list is one thread's locks, outermost first; (1) and (2) are the same two locks in both,
  // whatever expression names them ("pfrom->cs_filter" there, "pto->cs_filter" here)
  const p1 = previous.find((e) => e.mark === '1');
  const p2 = previous.find((e) => e.mark === '2');
  const c1 = current.find((e) => e.mark === '1');
  const c2 = current.find((e) => e.mark === '2');
  const one = c1 ?? p1;
  const two = c2 ?? p2;
  if (one && two) {
    const a = nameOf(one, current);
    const b = nameOf(two, current);
    if (p1 && p2) d.addDependency(a, b, [], false, p2.thread);
    if (c1 && c2) d.addDependency(b, a, [], true, c1.thread);
    d.report.cycle = [a, b];
    if (p1 && c1 && p1.name !== c1.name) d.detail(`${a} (previous order)`, p1.name);
    if (p2 && c2 && p2.name !== c2.name) d.detail(`${b} (previous order)`, p2.name);
  }
  // the current thread holds every lock of its list but the one it is taking (the last)
  current.slice(0, -1).forEach((e) => d.addHeld(nameOf(e, current), e.at, e.thread));
  d.report.truncated = !(p1 && p2 && c1 && c2);
  const title =
    one && two
      ? `potential deadlock between ${nameOf(one, current)} and ${nameOf(two, current)}`
      : 'POTENTIAL DEADLOCK DETECTED';
  return d.finish(title);
}

/** A marked lock keeps the name the current order gives it, so both orders draw one node. */
function nameOf(e: Entry, current: readonly Entry[]): string {
  if (e.mark === null) return e.name;
  return current.find((c) => c.mark === e.mark)?.name ?? e.name;
}

export const bitcoinParser: FormatParser = {
  format: 'bitcoin',
  sniff,
  parse,
  lineStarts: [
    /POTENTIAL DEADLOCK DETECTED/,
    /Previous lock order was:/,
    /Current lock order is:/,
    // each debug.log line is its own: "2016-08-26 07:50:29  cs_main  main.cpp:4726" is no wrapped tail
    /\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(?:\.\d{1,9})?Z? {1,2}(?:\[[^\]\s]{1,40}\] {1,2})?(?:POTENTIAL DEADLOCK|Previous lock order|Current lock order|\([12]\)|[\w>.:'-]{1,200} {1,2}\S)/,
  ],
};
