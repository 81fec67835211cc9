// witness_checkorder()'s lock order reversal (FreeBSD subr_witness.c, all generations; OpenBSD's port).
import type { Format, Frame } from '../../model/types';
import type { CleanLine } from '../clean/types';
import type { ParsedReport } from '../format';
import { readDebuggerTail } from './debugger-tail';
import { LockNames, splitArrow, witnessAlias } from './lock-names';
import { Draft, nextNonBlank } from './draft';
import { MAX_LINE, parseOrderLockLine, splitTrailingGroup, type OrderLock } from './lock-line';
import {
  ALL_ORDERS_HEADER,
  CYCLE_EDGE,
  FIRST_SEEN_HEADER,
  INCOMPLETE_PATH,
  LOR_HEADER,
  LOR_HEADER_AT_END,
  ORDER_DATA_MISSING,
  ORDER_STACK_HEADER,
  STACK_HEADER,
} from './patterns';
import { readTrace, sectionHeader } from './trace';
import { checkCutFrame, isLastContent, markTruncated, takeCutTail } from './truncation';

export type StartsReport = (lines: readonly CleanLine[], i: number) => boolean;

/** An edge printed with (or without) its stack: "established at", "first seen at", "[1] -> [2]". */
interface PrintedEdge {
  prev: string;
  next: string;
  trace: Frame[];
  kind: 'established' | 'attempted' | 'first-seen' | 'missing' | 'cycle';
}

/** Does a LOR start at lines[i]: its header, or (header lost) a 1st line followed by a 2nd line. */
export function sniffLor(lines: readonly CleanLine[], i: number): boolean {
  const text = lines[i]!.text;
  const h = LOR_HEADER.exec(text);
  // 5.0 printed "lock order reversal" without the colon: only trust it before a 1st line
  if (h) return h[2] !== undefined || nextIsOrderLock(lines, i + 1, '1st');
  if (text.length < 1000 && LOR_HEADER_AT_END.test(text))
    return nextIsOrderLock(lines, i + 1, '1st');
  const first = parseOrderLockLine(text);
  return first?.ordinal === '1st' && nextIsOrderLock(lines, i + 1, '2nd');
}

function nextIsOrderLock(
  lines: readonly CleanLine[],
  i: number,
  ordinal: OrderLock['ordinal'],
): boolean {
  const k = nextNonBlank(lines, i);
  return k >= 0 && parseOrderLockLine(lines[k]!.text)?.ordinal === ordinal;
}

export function parseLor(
  lines: readonly CleanLine[],
  start: number,
  format: Format,
  startsReport: StartsReport,
): ParsedReport {
  const d = new Draft(lines, start, format, 'lock-order-reversal');
  const r = d.report;
  let i = start;
  const h = LOR_HEADER.exec(lines[start]!.text);
  const glued = h ? null : LOR_HEADER_AT_END.exec(lines[start]!.text);
  let rule: string | null = null;
  if (h || glued) {
    d.take(i, 'title');
    const variant = h ? h[3] : glued![2];
    if (variant) rule = `${variant} after non-sleepable`;
    if (glued) {
      r.headline = glued[0].trim();
      d.diag(start, 'info', 'Other text precedes "lock order reversal:" on its line.');
    }
    i++;
  } else {
    r.headline = 'lock order reversal:';
    d.diag(
      start,
      'info',
      'The "lock order reversal:" line is missing; the report starts at its "1st" line.',
    );
  }

  // 1st, 2nd and (three-lock form) 3rd
  const locks: OrderLock[] = [];
  for (const want of ['1st', '2nd', '3rd'] as const) {
    const k = nextNonBlank(lines, i);
    const lock = k >= 0 ? parseOrderLockLine(lines[k]!.text) : null;
    if (!lock || lock.ordinal !== want) break;
    locks.push(lock);
    d.take(k, 'lock', lock.name);
    d.detail(want, lines[k]!.text.trim());
    i = k + 1;
  }
  for (const l of locks) d.addClass(l.name, { witnessType: l.type, lockKind: l.lockClass });
  const names = new LockNames(locks);
  if (locks.length < 2) {
    if (isLastContent(lines, i - 1))
      markTruncated(d, i - 1, 'The paste ends before the "2nd" lock line.');
    else
      d.diag(
        i - 1,
        'error',
        'A lock order reversal needs its "1st" and "2nd" lock lines; they were not found.',
      );
  }

  // the sections that follow, in whatever order and number the generation prints them
  const edges: PrintedEdge[] = [];
  const known = locks.map((l) => l.type);
  const kinds = new Map<string, string>();
  let current: Frame[] | null = null;
  for (;;) {
    const k = nextNonBlank(lines, i);
    if (k < 0) break;
    const text = lines[k]!.text;
    if (text.length > MAX_LINE) break;
    let m: RegExpExecArray | null;
    let h: ReturnType<typeof sectionHeader>;
    if ((h = sectionHeader(ORDER_STACK_HEADER, text))) {
      m = h.m;
      const [prevType, nextType] = splitArrow(m[1]!, known);
      const kind = m[2] === 'established' ? 'established' : 'attempted';
      const prev = names.of(prevType);
      const next = names.of(nextType);
      const t = readTrace(lines, k + 1, d, `${prev} -> ${next}`, h.glued);
      d.take(k, 'chain-entry', `${prev} -> ${next}`);
      edges.push({ prev, next, trace: t.frames, kind });
      i = Math.max(t.end, k + 1);
      if (t.frames.length === 0 && isLastContent(lines, k))
        markTruncated(d, k, `The paste ends before the stack of "${text.trim()}".`);
    } else if ((h = sectionHeader(FIRST_SEEN_HEADER, text))) {
      m = h.m;
      // 'lock order "&ip->i_lock"(rrwlock) -> "&map->lock"(rwlock)': types and lock classes
      const prev = names.of(m[1]!);
      const next = names.of(m[3]!);
      const t = readTrace(lines, k + 1, d, `${prev} -> ${next}`, h.glued);
      d.take(k, 'chain-entry', `${prev} -> ${next}`);
      edges.push({ prev, next, trace: t.frames, kind: 'first-seen' });
      if (!kinds.has(prev)) kinds.set(prev, m[2]!);
      if (!kinds.has(next)) kinds.set(next, m[4]!);
      i = Math.max(t.end, k + 1);
    } else if ((m = ORDER_DATA_MISSING.exec(text))) {
      // "w1" is the 1st lock's witness, "w2" the 2nd's (openbsd-witness-syzkaller-10c01a4a700000)
      const prev = witnessAlias(m[1]!, locks);
      const next = witnessAlias(m[2]!, locks);
      if (prev !== null && next !== null) edges.push({ prev, next, trace: [], kind: 'missing' });
      d.take(k, 'other', prev !== null && next !== null ? `${prev} -> ${next}` : null);
      d.diag(k, 'info', `WITNESS kept no stack for this order: "${text.trim()}".`);
      i = k + 1;
    } else if ((m = CYCLE_EDGE.exec(text))) {
      // witness_print_cycle_edge prints "w_subtype (lt_name)": the lock name, then its type
      const a = splitTrailingGroup(m[2]!);
      const b = splitTrailingGroup(m[4]!);
      const prev = a ? a.name : m[2]!.trim();
      const next = b ? b.name : m[4]!.trim();
      if (a) d.addClass(prev, { witnessType: a.inner });
      if (b) d.addClass(next, { witnessType: b.inner });
      const t = readTrace(lines, k + 1, d, `${prev} -> ${next}`);
      d.take(k, 'chain-entry', `${prev} -> ${next}`);
      edges.push({ prev, next, trace: t.frames, kind: 'cycle' });
      i = Math.max(t.end, k + 1);
    } else if (INCOMPLETE_PATH.test(text)) {
      d.take(k);
      d.diag(k, 'info', 'WITNESS could not find the whole path back (incomplete path).');
      i = k + 1;
    } else if (ALL_ORDERS_HEADER.test(text)) {
      d.take(k);
      i = readOrderChains(lines, k + 1, d, names);
    } else if (current === null && (h = sectionHeader(STACK_HEADER, text))) {
      d.take(k);
      const t = readTrace(lines, k + 1, d, null, h.glued);
      current = t.frames;
      i = Math.max(t.end, k + 1);
      checkCutFrame(lines, t.end, d);
    } else break;
  }
  // the report's own stack: "stack backtrace:" (11/12.x), else the "attempted at" stack (13+)
  r.trace = current ?? edges.find((e) => e.kind === 'attempted' && e.trace.length > 0)?.trace ?? [];
  const tailStart = i;
  i = readDebuggerTail(lines, i, d, { startsReport });
  if (i === tailStart) takeCutTail(lines, nextNonBlank(lines, i), d, 'a stack');

  buildGraph(d, locks, edges, rule);
  for (const [name, kind] of kinds) d.addClass(name, { lockKind: kind });
  return d.finish();
}

/** 2026 "All lock orders from B -> A:" chains: '"so_rcv" -> "tcp" -> "lle"', kept as printed. */
function readOrderChains(
  lines: readonly CleanLine[],
  i: number,
  d: Draft,
  lockNames: LockNames,
): number {
  const chains: string[] = [];
  let j = i;
  while (j < lines.length && /^\s*"/.test(lines[j]!.text)) {
    chains.push(lines[j]!.text.trim());
    d.take(j, 'chain-summary');
    if (isLastContent(lines, j) && !/"\s*$/.test(lines[j]!.text))
      markTruncated(d, j, 'The paste ends inside a lock-order chain.');
    j++;
  }
  if (chains.length) d.detail('lockOrderChains', chains.join('\n'));
  // each complete chain is a path of direct orders: '"so_rcv" -> "tcp" -> "lle"'
  for (const chain of chains) {
    // witness types: the ends are the 1st/2nd locks' types, the middle ones stay types
    const names = [...chain.matchAll(/"([^"]*)"/g)].map((m) => lockNames.of(m[1]!));
    for (let n = 0; n + 1 < names.length; n++) d.addDependency(names[n]!, names[n + 1]!, [], false);
  }
  return j;
}

function buildGraph(d: Draft, locks: OrderLock[], edges: PrintedEdge[], rule: string | null): void {
  const r = d.report;
  const [first, second, third] = locks;
  const variant = rule ? ` (${rule})` : '';
  if (rule) d.detail('rule', rule);
  if (!first || !second) {
    r.title = `lock order reversal${variant}${first ? `: ${first.name}` : ''}`;
    for (const e of edges) d.addDependency(e.prev, e.next, e.trace, e.kind === 'attempted');
    return;
  }
  // lock names, as the contract names WITNESS locks (the type is on each LockClass)
  const a = first.name;
  const b = second.name;
  r.title = `lock order reversal${variant}: ${third ? `${a} -> ${b} -> ${third.name}` : `${a} -> ${b}`}`;
  // the attempted acquisition (§2.3): two-lock 1st->2nd; three-lock 2nd->3rd (the held order
  // 1st->2nd, from this thread, is its reverse)
  const attempted: [string, string] = third ? [b, third.name] : [a, b];
  // three-lock: the cycle closes through the 3rd (the 1st's name when, as usual, they agree);
  // two locks of different types may share a name ("inp (tcpinp)", "inp (udpinp)"): a self-loop
  const ring = third ? [third.name, b] : [a, b];
  const cycle = ring[0] === ring[1] ? [ring[0]!] : ring;

  const cycleEdges = edges.filter((e) => e.kind === 'cycle');
  if (cycleEdges.length > 0) {
    // OpenBSD witness_print_cycle: the first edge is w1 -> w (the acquisition), then the path back
    cycleEdges.forEach((e, n) => d.addDependency(e.prev, e.next, e.trace, n === 0));
    r.cycle = cycleEdges.map((e) => e.prev);
    if (r.trace.length === 0 && cycleEdges[0]!.trace.length) r.trace = cycleEdges[0]!.trace;
    return;
  }

  // OpenBSD prints both directions' first stacks: the one that is the current stack is the new edge
  // the kernel's own words ("established", "attempted") win over the 1st/2nd reading
  const printedAtt = edges.find((e) => e.kind === 'attempted');
  const printedEst = edges.find((e) => e.kind === 'established');
  const seenNow = pickNewEdge(edges, r.trace);
  const from = printedAtt ?? (printedEst ? null : seenNow);
  const attPair: [string, string] = from
    ? [from.prev, from.next]
    : printedEst
      ? [printedEst.next, printedEst.prev]
      : attempted;
  const estPair: [string, string] = printedEst
    ? [printedEst.prev, printedEst.next]
    : [attPair[1], attPair[0]];
  const find = (p: [string, string]) => edges.find((e) => e.prev === p[0] && e.next === p[1]);
  const est = find(estPair);
  const att = find(attPair);

  if (third && third.name !== a) d.addDependency(a, b, [], false); // the order this thread held
  // A rule variant ("sleepable after non-sleepable", "Giant after non-sleepable") has no
  // observed established order: WITNESS's rule itself orders the 2nd before the 1st, so the
  // reversal is still the 2-cycle the contract describes, with an established edge of no stack.
  d.addDependency(...estPair, est?.trace ?? [], false);
  r.cycle = cycle;
  if (!est && rule)
    d.diag(
      null,
      'info',
      `Reported by rule (${rule}): WITNESS orders ${ruleOrder(rule)}, so ${estPair.join(' -> ')} stands as the established order without having been seen; the attempted edge breaks it.`,
    );
  else if (!est && edges.some((e) => e.kind === 'attempted'))
    d.diag(
      null,
      'info',
      `No "established at" stack: the order ${estPair.join(' -> ')} is known only transitively.`,
    );
  d.addDependency(...attPair, att?.trace.length ? att.trace : r.trace, true);
  if (r.trace.length === 0 && att?.trace.length) r.trace = att.trace;
  for (const e of edges)
    if (e !== est && e !== att && e.kind !== 'missing')
      d.addDependency(e.prev, e.next, e.trace, false);
}

function ruleOrder(rule: string): string {
  return rule.startsWith('Giant')
    ? 'Giant before every non-sleepable lock'
    : 'every sleepable lock before every non-sleepable one';
}

/** OpenBSD prints both directions' first stacks; the one that is the current stack is the new edge. */
function pickNewEdge(edges: PrintedEdge[], current: Frame[]): PrintedEdge | null {
  if (current.length === 0) return null;
  const names = new Set(current.map((f) => f.function));
  let best: PrintedEdge | null = null;
  let bestScore = 0.5;
  for (const e of edges) {
    if (e.kind !== 'first-seen' || e.trace.length === 0) continue;
    const score = e.trace.filter((f) => names.has(f.function)).length / e.trace.length;
    if (score > bestScore) {
      best = e;
      bestScore = score;
    }
  }
  return best;
}
