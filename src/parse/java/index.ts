// HotSpot "Found one Java-level deadlock:" (threadService.cpp DeadlockCycle::print_on_with, as
// jstack, jcmd Thread.print and SIGQUIT print it, JDK 8 to 21; jstack -F's Serviceability Agent
// "Monitor@0x… (Object@0x…, a pkg/Class)"; j.u.c. ownable synchronizers) and the "Java stack
// information for the threads listed above" that follows.
import type { Frame } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { FormatParser, ParsedReport } from '../format';
import { parseJavaFrame } from '../frames/userspace';
import { UserDraft, bare } from '../userspace/draft';
import { buildJavaCycle, type JavaThread } from './cycle';

// markdown turns the "=====" underline into a heading: "# Found one Java-level deadlock:"
const HEADER = /^(?:#{1,3} )?Found one Java-level deadlock:$/;
const RULE = /^={10,}$/;
const THREAD = /^"(.*)":$/;
// "waiting to lock monitor 0x00007f83884a0828 (object 0x00000005fbb66c50, a java.util.Properties),"
const MONITOR =
  /^waiting to lock monitor (0x[0-9a-fA-F]{1,16}) \(object (0x[0-9a-fA-F]{1,16}), a ([^\s()]+)\),?$/;
// jstack -F: "waiting to lock Monitor@0x00007f9958004848 (Object@0x00000000803c6648, a org/glowroot/…/RateLimitedLogger),"
const SA_MONITOR =
  /^waiting to lock Monitor@(0x[0-9a-fA-F]{1,16}) \(Object@(0x[0-9a-fA-F]{1,16}), a ([^\s()]+)\),?$/;
// "waiting for ownable synchronizer 0x00000007a769c200, (a java.util.concurrent.locks.ReentrantLock$FairSync),"
const SYNCHRONIZER = /^waiting for ownable synchronizer (0x[0-9a-fA-F]{1,16}), \(a ([^\s()]+)\),?$/;
const RAW_MONITOR = /^waiting to lock JVM TI raw monitor (0x[0-9a-fA-F]{1,16}),?$/;
const HELD_BY =
  /^(?:in JNI, )?which is held by (?:"(.*)"|(UNKNOWN_owner_addr=\S+)|(non-Java thread=\S+))$/;
const RELEASED = /^(?:in JNI, )?which has now been released$/;
const STACKS = /^Java stack information for the threads listed above:$/;
const FOUND = /^Found (?:\d{1,6} deadlocks?|one Java-level deadlock)\.?$/;
// "- waiting to lock <0x…> (a X)", "- locked <0x…> (a X)", "- parking to wait for  <0x…> (a X)"
const STACK_LOCK =
  /^- (waiting to lock|locked|parking to wait for|eliminated|waiting on) +<(0x[0-9a-fA-F]{1,16})> \(a ([^\s()]+)\)$/;

/** The contract's name: "<object address> (a <class>)", the class with dots (jstack -F prints slashes). */
export function javaLockName(address: string, cls: string): string {
  return `${address} (a ${cls.replace(/\//g, '.')})`;
}

function sniff(lines: readonly CleanLine[], i: number): boolean {
  const text = lines[i]!.text;
  return text.indexOf('Java-level') >= 0 && HEADER.test(text.trim());
}

function parse(lines: readonly CleanLine[], start: number): ParsedReport {
  const d = new UserDraft(lines, start, 'java', 'java-deadlock', 'Found one Java-level deadlock:');
  const threads: JavaThread[] = [];
  const byName = new Map<string, JavaThread>();
  const thread = (name: string): JavaThread => {
    let t = byName.get(name);
    if (!t) {
      t = { name, waitsFor: null, heldBy: null, locked: [], trace: [], listed: false };
      byName.set(name, t);
      threads.push(t);
    }
    return t;
  };
  let part: 'cycle' | 'stacks' = 'cycle';
  let current: JavaThread | null = null;
  let unknown = 0;
  let sawStacks = false;
  let i = start + 1;
  for (; i < lines.length; i++) {
    const t = bare(lines, i);
    if (t === '') continue;
    if (HEADER.test(t)) break;
    let m: RegExpExecArray | null;
    if (RULE.test(t)) d.take(i);
    else if ((m = THREAD.exec(t))) {
      current = thread(m[1]!);
      if (part === 'cycle') current.listed = true;
      d.take(i, 'task', m[1]!);
    } else if (part === 'cycle' && current && (m = MONITOR.exec(t) ?? SA_MONITOR.exec(t))) {
      current.waitsFor = javaLockName(m[2]!, m[3]!);
      d.take(i, 'lock', current.waitsFor);
    } else if (part === 'cycle' && current && (m = SYNCHRONIZER.exec(t))) {
      current.waitsFor = javaLockName(m[1]!, m[2]!);
      d.take(i, 'lock', current.waitsFor);
    } else if (part === 'cycle' && current && (m = RAW_MONITOR.exec(t))) {
      current.waitsFor = `${m[1]} (JVM TI raw monitor)`;
      d.take(i, 'lock', current.waitsFor);
    } else if (part === 'cycle' && current && (m = HELD_BY.exec(t))) {
      current.heldBy = m[1] ?? m[2] ?? m[3] ?? null;
      d.take(i);
    } else if (part === 'cycle' && current && RELEASED.test(t)) {
      d.take(i);
    } else if (STACKS.test(t)) {
      part = 'stacks';
      sawStacks = true;
      current = null;
      d.take(i);
    } else if (FOUND.test(t)) {
      d.take(i);
      break;
    } else if (part === 'stacks' && current && (m = STACK_LOCK.exec(t))) {
      const name = javaLockName(m[2]!, m[3]!);
      if (m[1] === 'locked') current.locked.push(name);
      d.take(i, 'held-lock', name);
    } else {
      const f: Frame | null = part === 'stacks' && current ? parseJavaFrame(t) : null;
      if (f) {
        current!.trace.push(f);
        d.take(i, 'frame');
      } else if (++unknown >= 2) break;
      else continue;
    }
    unknown = 0;
  }

  const listed = threads.filter((t) => t.listed);
  const result = buildJavaCycle(listed, byName);
  for (const t of listed) if (t.waitsFor) d.addLock(t.waitsFor);
  for (const dep of result.dependencies)
    d.addDependency(dep.prev, dep.next, dep.trace, false, dep.thread);
  d.report.cycle = result.cycle;
  // who holds what: "which is held by" names the owner; the stacks add "- locked <…>" lines
  const hold = (lock: string, owner: string) => {
    if (!d.report.heldLocks?.some((h) => h.class === lock && h.thread === owner))
      d.addHeld(lock, null, owner);
  };
  for (const t of listed)
    if (t.waitsFor && t.heldBy && byName.has(t.heldBy)) hold(t.waitsFor, t.heldBy);
  for (const t of threads) for (const name of t.locked) hold(name, t.name);
  if (result.waiters.length > 0) d.report.waiters = result.waiters;
  for (const note of result.notes) d.diag(start, 'warning', note);
  // cut off: a wait without its owner line, or a last frame without its ")"
  const last = bare(lines, d.end - 1);
  d.report.truncated =
    result.cycle === null ||
    listed.some((t) => t.waitsFor !== null && t.heldBy === null) ||
    (sawStacks && last.startsWith('at ') && !last.endsWith(')'));
  const cycleThreads = result.cycleThreads;
  const title =
    cycleThreads.length === 0
      ? 'Java-level deadlock'
      : cycleThreads.length === 2
        ? `Java-level deadlock between "${cycleThreads[0]}" and "${cycleThreads[1]}"`
        : `Java-level deadlock between "${cycleThreads[0]}" and ${cycleThreads.length - 1} more threads`;
  return d.finish(title);
}

export const javaParser: FormatParser = {
  format: 'java',
  sniff,
  parse,
  lineStarts: [
    /Found one Java-level deadlock:/,
    /Java stack information for the threads listed above:/,
    /waiting to lock (?:monitor 0x|Monitor@0x)/,
    /waiting for ownable synchronizer 0x/,
    /which is held by "/,
  ],
};
