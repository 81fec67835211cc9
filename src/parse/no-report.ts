// Saying why nothing was found: the closest line that looked like a report, or what the input is.
import type { Diagnostic } from '../model/types';
import type { CleanLine } from './clean/types';

/** Inputs that are not text reports at all: empty, binary. Returns null for ordinary text. */
export function sniffBadInput(input: string): Diagnostic | null {
  if (input.trim() === '') {
    return {
      line: null,
      severity: 'error',
      message: 'The input is empty: paste a lockdep or WITNESS report, or a log that holds one.',
    };
  }
  const sample = input.slice(0, 65536);
  let control = 0;
  let firstAt = -1;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (
      c === 0 ||
      (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) ||
      c === 0xfffd
    ) {
      control++;
      if (firstAt < 0) firstAt = i;
    }
  }
  if (control > 8 && control / sample.length > 0.01) {
    const line = sample.slice(0, firstAt).split('\n').length;
    return {
      line,
      severity: 'error',
      message: `This looks like binary data, not text (${control} control or invalid bytes in the first ${sample.length} characters, the first on line ${line}). If it is compressed, decompress it first.`,
    };
  }
  return null;
}

// Words that report lines carry; the best-scoring line is what we point the user at.
const HINTS: readonly [RegExp, number][] = [
  [
    /possible (circular|recursive|irq)|inconsistent lock state|lock order reversal|lock order|deadlock/i,
    5,
  ],
  [/lockdep|witness|held by|is trying to acquire|already holding/i, 4],
  [/\block(s|ed|ing)?\b|mutex|spinlock|rwsem/i, 2],
  [/^\s*(=|-){20,}\s*$/, 1],
  [/WARNING|BUG|INFO|panic/, 1],
];

/**
 * Lines as an editor counts them: "x\n" is one line, the newline ends it rather than starting
 * an empty second one.
 */
export function countInputLines(lines: readonly CleanLine[], input: string): number {
  let n = 0;
  for (const l of lines) if (l.originEnd > n) n = l.originEnd;
  const c = input.charCodeAt(input.length - 1);
  return n > 1 && (c === 10 || c === 13) ? n - 1 : n;
}

// Texts that look like lock reports but are something lockscope rightly does not read: saying
// what they are beats pointing at "the closest line".
const NOT_A_REPORT: readonly [RegExp, string][] = [
  [
    /^\s*(?:\/\/|;|#)\s*CHECK(?:-[\w-]{1,40})?: .*(?:ThreadSanitizer|lock order|deadlock)/,
    'it is an LLVM FileCheck test: "CHECK:" lines give the shape a report must have, with patterns such as [[M1:M[0-9]+]] instead of mutexes; paste the report a run printed',
  ],
  [
    /Attempting to acquire lock \S{1,200}\/\d{1,4} out of order with lock \S{1,200}\/\d{1,4}/,
    "it is HotSpot's VM-internal mutex rank check (debug JVMs): one VM mutex taken out of rank order, not a lock cycle of the program; lockscope has no importer for it",
  ],
  [
    /^\s*Deadlock detected \(\d{1,6} resources in \d{1,6} threads\):\s*$/,
    "it is Windows Driver Verifier's !deadlock output, a format lockscope does not read (it has no format in the report contract)",
  ],
  [
    /^\s*"[^"]{1,200}" (?:tid|Id)=\S{1,20} owned by "[^"]{1,200}"/,
    'it is a ThreadInfo-style thread dump ("name" tid=… owned by "other"), which names owners but not the lock each thread waits for as HotSpot\'s "Found one Java-level deadlock:" does; lockscope reads that HotSpot section',
  ],
];

export function explainNoReport(lines: readonly CleanLine[], lineCount = lines.length): Diagnostic {
  const count0 = `${lineCount} line${lineCount === 1 ? '' : 's'}`;
  for (const line of lines) {
    for (const [re, why] of NOT_A_REPORT) {
      if (re.test(line.text))
        return {
          line: line.origin,
          severity: 'error',
          message: `No lock report found in ${count0}: line ${line.origin} looks like one, but ${why}.`,
        };
    }
  }
  let best: CleanLine | null = null;
  let bestScore = 0;
  for (const line of lines) {
    let score = 0;
    for (const [re, weight] of HINTS) if (re.test(line.text)) score += weight;
    if (score > bestScore) {
      best = line;
      bestScore = score;
    }
  }
  const count = `${lineCount} line${lineCount === 1 ? '' : 's'}`;
  if (!best || bestScore < 2) {
    return {
      line: null,
      severity: 'error',
      message: `No lock report found in ${count}: nothing looks like a lockdep, WITNESS or other lock-order report.`,
    };
  }
  const shown = best.text.trim().slice(0, 120);
  return {
    line: best.origin,
    severity: 'error',
    message: `No lock report found in ${count}. The closest is line ${best.origin}: "${shown}" — but no report header (such as "WARNING: possible circular locking dependency detected" or "lock order reversal:") was found around it.`,
  };
}
