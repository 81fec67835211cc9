// github.com/sasha-s/go-deadlock deadlock.go: lock() ("POTENTIAL DEADLOCK: Inconsistent locking."),
// the DeadlockTimeout watchdog ("Previous place where the lock was grabbed" / "Have been trying to
// lock it again for more than 30s") and "Recursive locking"; printStack() frames.
import type { Frame } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { FormatParser, ParsedReport } from '../format';
import { parseGoDeadlockFrame, type GoDeadlockFrame } from '../frames/userspace';
import { callerName } from '../frames/userspace-caller';
import { UserDraft, bare } from '../userspace/draft';

// "POTENTIAL DEADLOCK: Inconsistent locking. saw this ordering in one goroutine:", "POTENTIAL DEADLOCK:",
// "POTENTIAL DEADLOCK: Recursive locking:", before 2018 "… Duplicate locking, saw callers this locks in one goroutine:"
// (a markdown paste may open it with a backtick: "`POTENTIAL DEADLOCK: Inconsistent locking. …")
const HEADER =
  /^`?POTENTIAL DEADLOCK:(?: (Inconsistent locking|Recursive locking|Duplicate locking)\b.*)?$/;
const BEFORE = /^(?:in another goroutine: )?happened before$/;
// "happend after": the typo go-deadlock printed before 2018-06
const AFTER = /^happene?d after$/;
const PREVIOUS_PLACE = /^Previous place where the lock was grabbed(?: \(same goroutine\))?$/;
const TRYING = /^Have been trying to lock it again for more than (\S+)$/;
const GOROUTINE_LOCK = /^(?:current )?goroutine (\d{1,12}) lock (0x[0-9a-fA-F]{1,16}|\S+)$/;
const OTHERS = /^Other goroutines holding locks:$/;
const DOING_NOW = /^Here is what goroutine (\d{1,12}) doing now$/;
const ALL_CURRENT = /^All current goroutines:$/;

interface Stack {
  frames: GoDeadlockFrame[];
  goroutine: string | null;
  pointer: string | null;
}

function sniff(lines: readonly CleanLine[], i: number): boolean {
  const text = lines[i]!.text;
  return text.indexOf('POTENTIAL DEADLOCK:') >= 0 && HEADER.test(text.trim());
}

/** The lock's acquisition site: the " <<<<<" frame, or the one below when it is go-deadlock's own wrapper. */
function site(s: Stack | undefined): string | null {
  if (!s || s.frames.length === 0) return null;
  const k = s.frames.findIndex(
    (f) =>
      !/(?:^|\/)go-deadlock[./]/.test(f.frame.file ?? '') &&
      !f.frame.function.startsWith('go-deadlock.'),
  );
  return (s.frames[k] ?? s.frames[0]!).site;
}

const frames = (s: Stack | undefined): Frame[] => (s ? s.frames.map((f) => f.frame) : []);

function parse(lines: readonly CleanLine[], start: number): ParsedReport {
  const head = bare(lines, start);
  const variant = HEADER.exec(head)![1] ?? 'timeout';
  const kind = variant === 'timeout' ? 'lock-timeout' : 'inconsistent-locking';
  const d = new UserDraft(lines, start, 'go-deadlock', kind, head.replace(/^`/, ''));
  const stacks: Stack[] = [];
  const held: Stack[] = [];
  // (typed by cast: it changes inside open(), which TS's narrowing cannot see)
  let current = null as Stack | null;
  let into: 'main' | 'others' | 'skip' = 'main';
  let waited: string | null = null;
  let unknown = 0;
  const open = (goroutine: string | null = null, pointer: string | null = null) => {
    current = { frames: [], goroutine, pointer };
    (into === 'others' ? held : stacks).push(current);
  };
  let i = start + 1;
  for (; i < lines.length; i++) {
    const t = bare(lines, i);
    if (t === '') continue;
    if (HEADER.test(t)) break;
    let m: RegExpExecArray | null;
    if (BEFORE.test(t) || AFTER.test(t) || PREVIOUS_PLACE.test(t)) {
      into = 'main';
      current = null;
      if (!PREVIOUS_PLACE.test(t) || t.endsWith('(same goroutine)')) open();
      d.take(i);
    } else if ((m = TRYING.exec(t))) {
      waited = m[1]!;
      current = null;
      d.take(i);
    } else if ((m = GOROUTINE_LOCK.exec(t)) && into !== 'skip') {
      if (current && current.frames.length === 0 && current.goroutine === null) {
        current.goroutine = m[1]!;
        current.pointer = m[2]!;
      } else open(m[1]!, m[2]!);
      d.take(i, 'held-lock', m[2]!);
    } else if (OTHERS.test(t)) {
      into = 'others';
      current = null;
      d.take(i);
    } else if (DOING_NOW.test(t) || ALL_CURRENT.test(t)) {
      // a raw runtime traceback follows ("goroutine 240 [select]:"): kept out of the model
      into = 'skip';
      current = null;
      d.take(i);
    } else if (into === 'skip') {
      if (/^(?:goroutine \d+ \[.*\]:|created by .+|\S+\(.*\)|\S+\.go:\d+.*)$/.test(t)) d.take(i);
      else if (++unknown >= 2) break;
      continue;
    } else {
      const fs = current ? readFrames(t) : null;
      // an 80-column terminal cut the frame: "…callbackFriendConnectionS" / "tatusWrapperForC ???"
      const joined = !fs && current && unknown === 0 ? rejoin(current, t) : null;
      if (fs) for (const f of fs) current!.frames.push(f);
      else if (!joined) {
        if (++unknown >= 2) break;
        continue;
      }
      d.take(i, 'frame');
    }
    unknown = 0;
  }

  if (kind === 'inconsistent-locking') readInconsistent(d, stacks, held, variant);
  else readTimeout(d, stacks, held, waited);
  return d.finish(title(d, kind, waited, frames(stacks[0])));
}

// Frames a mailer (or the cleaner, taking a short frame line for a wrapped tail) put on one line:
// "store/cache.go:41 store.(*Cache).Put { c.mu.Lock() } <<<<< store/api.go:18 store.Handler.func1 { … }"
const NEXT_FRAME = /(?:<<<<<|\}|\?\?\?) (?=[\w./-]{1,300}\.go:\d{1,9} )/g;

function readFrames(t: string): GoDeadlockFrame[] | null {
  const one = parseGoDeadlockFrame(t);
  if (one && !one.frame.function.includes(' ') && one.source?.includes('.go:') !== true)
    return [one];
  const out: GoDeadlockFrame[] = [];
  let from = 0;
  for (const m of t.matchAll(NEXT_FRAME)) {
    const cut = m.index + m[0].length;
    const f = parseGoDeadlockFrame(t.slice(from, cut));
    if (!f) return one ? [one] : null;
    out.push(f);
    from = cut;
  }
  const last = parseGoDeadlockFrame(t.slice(from));
  if (!last) return one ? [one] : null;
  out.push(last);
  return out;
}

function rejoin(s: Stack, tail: string): boolean {
  const last = s.frames[s.frames.length - 1];
  if (!last?.open) return false;
  const head = `${last.site} ${last.frame.function}`;
  const f = parseGoDeadlockFrame(
    last.source !== null ? `${head} { ${last.source}${tail}` : head + tail,
  );
  if (!f || f.open) return false;
  s.frames[s.frames.length - 1] = f;
  return true;
}

function readInconsistent(d: UserDraft, stacks: Stack[], held: Stack[], variant: string): void {
  if (variant !== 'Inconsistent locking') {
    // recursive: "current goroutine 7 lock 0xc…" and the same goroutine's earlier grab
    const p = stacks.find((s) => s.pointer)?.pointer ?? site(stacks[0]);
    if (p) {
      d.addDependency(
        p,
        p,
        frames(stacks[0]),
        true,
        stacks[0]?.goroutine ? `goroutine ${stacks[0].goroutine}` : null,
      );
      d.report.cycle = [p];
    }
    d.report.truncated = stacks.length < 2;
    return;
  }
  // one goroutine took A (before) then B (after); this one holds B (before) and takes A (after)
  const [aBefore, bAfter, bBefore, aAfter] = stacks;
  const a = site(aBefore);
  const b = site(bAfter);
  if (a) d.addLock(a);
  if (b) d.addLock(b);
  if (a && b) {
    d.addDependency(a, b, frames(bAfter), false, null);
    d.report.cycle = [a, b];
    if (aAfter) d.addDependency(b, a, frames(aAfter), true, null);
    if (bBefore) d.addHeld(b, site(bBefore), null);
  }
  // the other goroutine's sites name the same two locks from its side
  if (bBefore && site(bBefore) !== b) d.detail(`${b} (held here as)`, site(bBefore) ?? '');
  if (aAfter && site(aAfter) !== a) d.detail(`${a} (taken here as)`, site(aAfter) ?? '');
  for (const s of held) {
    const where = site(s);
    const lock =
      where === site(bBefore) && b ? b : where === site(aBefore) && a ? a : (s.pointer ?? where);
    const same = d.report.heldLocks?.find((h) => h.class === lock && h.at === where && !h.thread);
    // "Other goroutines holding locks" may name this goroutine's own hold: one lock, now with its goroutine
    if (same && s.goroutine) {
      same.thread = `goroutine ${s.goroutine}`;
      same.address = s.pointer;
    } else if (lock)
      d.addHeld(lock, where, s.goroutine ? `goroutine ${s.goroutine}` : null, s.pointer);
  }
  d.report.truncated = stacks.length < 4 || stacks.some((s) => s.frames.length === 0);
}

function readTimeout(d: UserDraft, stacks: Stack[], held: Stack[], waited: string | null): void {
  const waiter = stacks.find((s) => s.pointer !== null && s !== stacks[0]) ?? stacks[1];
  const holders = stacks.filter((s) => s !== waiter);
  for (const h of [...holders, ...held]) {
    const lock = h.pointer ?? site(h);
    if (lock) d.addHeld(lock, site(h), h.goroutine ? `goroutine ${h.goroutine}` : null, h.pointer);
  }
  if (waiter) {
    const lock = waiter.pointer ?? site(waiter);
    if (lock) d.addLock(lock);
    d.report.trace = frames(waiter);
    if (waiter.goroutine) d.detail('goroutine', waiter.goroutine);
  }
  if (waited) d.detail('waited', waited);
  d.report.truncated = waiter === undefined || waited === null;
}

function title(d: UserDraft, kind: string, waited: string | null, first: Frame[]): string {
  if (kind === 'lock-timeout') {
    const lock = d.report.classes[0]?.name;
    const where = callerName(d.report.trace);
    const g = d.report.details?.goroutine;
    if (!lock) return 'POTENTIAL DEADLOCK: lock wait timeout';
    return `goroutine ${g ?? '?'} waited more than ${waited ?? '?'} for lock ${lock}${where ? ` in ${where}` : ''}`;
  }
  const dep = d.report.dependencies.find((x) => x.isNew) ?? d.report.dependencies[0];
  const where = callerName(dep ? dep.trace : first);
  if (d.report.cycle?.length === 1) return `recursive locking${where ? ` in ${where}` : ''}`;
  return `inconsistent locking${where ? ` in ${where}` : ''}`;
}

export const goDeadlockParser: FormatParser = {
  format: 'go-deadlock',
  sniff,
  parse,
  lineStarts: [
    /POTENTIAL DEADLOCK:/,
    /happene?d (?:before|after)$/,
    /Have been trying to lock it again /,
    /Previous place where the lock was grabbed/,
    /in another goroutine: happened before/,
    // each frame and holder line is a line of its own, never a wrapped tail of the one before
    /(?:current )?goroutine \d+ lock \S/,
    /[\w./-]{1,300}\.go:\d+ \S+ (?:\{|\?\?\?)/,
  ],
};
