// Metamorphic checks: a golden report mangled the way real transport mangles reports (dmesg
// timestamps, quoting, wrapping, quoted-printable, flattening, …) must read the same as the clean
// one. Only LINES may differ. Where a mangling really destroys what a field needs, the loss is
// listed in KNOWN_LOSSES with its reason, and only those fields are skipped for that case.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseText } from './index';
import { splitGoldenFile, summarizeOutput, type ReportSummary } from './summary';
import { GOLDEN_ROOT, goldenFiles } from './testdata/golden-files';
import { MANGLERS, interleave } from './testdata/mangle';

interface KnownLoss {
  mangler: string;
  /** golden file relative to testdata/, or '*' for every file */
  file: string;
  /** summary fields that cannot survive this mangling, or 'all' (only: it parses without throwing) */
  fields: readonly string[] | 'all';
  reason: string;
}

const ALL_BUT_FORMAT_AND_KIND = [
  'TITLE',
  'KERNEL',
  'TASK',
  'TRUNCATED',
  'CLASSES',
  'CYCLE',
  'DEPENDENCIES',
  'SCENARIO',
  'HELD',
  'TRACE',
];
const MSGBUF_MAIL = 'witness/freebsd-lor-msgbuf-and-mail-quoted.txt';
const OUTSIDE_THE_QUOTE =
  'the golden is already a mail quote of FreeBSD msgbuf lines ("> [19] lock order reversal:"); a second layer put in ' +
  'front of its ">" (a logger prefix, "+", "|") is not an order real transport produces, and the cleaner reads layers ' +
  'in the real order (quote, block marker, logger), so the "[19]" stamps stay';
const FLATTENED_THEN_WRAPPED =
  'the golden is a paragraph flattened onto one line; after a timestamp and a hard wrap, its first piece ' +
  '("… the LOR below. lock order reversal:") is shorter than FLATTENED_MIN_LENGTH and is not cut again';

export const KNOWN_LOSSES: readonly KnownLoss[] = [
  {
    mangler: 'flattened with spaces',
    file: '*',
    fields: ALL_BUT_FORMAT_AND_KIND,
    reason:
      "newlines and indentation become single spaces: the cleaner cuts only where an importer's lineStarts match, so " +
      'traces, chains, held locks and the scenario columns come back only in part; the number of reports, FORMAT and KIND must survive',
  },
  {
    mangler: 'flattened with spaces',
    file: MSGBUF_MAIL,
    fields: 'all',
    reason: 'the "> [19] " prefixes are inside the flattened text, where no prefix is looked for',
  },
  ...[
    'lockdep/locking-bug-non-static-key.txt',
    'witness/freebsd-7x-sleeping-thread-kdb.txt',
    'witness/freebsd-duplicate-lock.txt',
    'witness/freebsd-spin-lock-held-too-long.txt',
    'witness/openbsd-duplicate-lock.txt',
  ].map((file) => ({
    mangler: 'flattened with spaces',
    file,
    fields: 'all' as const,
    reason:
      "the report is not found once flattened: its first line is not in the importer's lineStarts, so the flattened " +
      'text is not cut before it (importer vocabulary)',
  })),
  ...['witness/openbsd-lor-print-cycle.txt', 'witness/openbsd-userret-locks-held.txt'].map(
    (file) => ({
      mangler: 'flattened with spaces',
      file,
      fields: [...ALL_BUT_FORMAT_AND_KIND, 'FORMAT'],
      reason:
        'OpenBSD is told from FreeBSD by lines ("ddb{0}>", "first seen at") that stay glued to others once flattened',
    }),
  ),
  ...['unrelated printk', 'unrelated printk, timestamps'].map((mangler) => ({
    mangler,
    file: 'lockdep/nested-lock-not-taken-6.0-backtrace-twice.txt',
    fields: ['CLASSES', 'HELD'],
    reason:
      'an unrelated printk lands between "but this task is not holding:" and the lock it names, and the lockdep ' +
      'importer takes the next line for that lock (an importer limitation, not transport loss)',
  })),
  ...[
    'dmesg timestamps',
    'caller ids',
    'syslog',
    'journalctl',
    'rsyslog #012',
    'i915 CI \\x0a one line',
    'quoted "|"',
    'timestamps, hard wrap 72',
    'quoted timestamps, hard wrap 80',
    'diff +',
    'unrelated printk, timestamps',
  ].map((mangler) => ({
    mangler,
    file: MSGBUF_MAIL,
    fields: 'all' as const,
    reason: OUTSIDE_THE_QUOTE,
  })),
  ...['timestamps, hard wrap 72', 'quoted timestamps, hard wrap 80'].map((mangler) => ({
    mangler,
    file: 'witness/freebsd-lor-whitespace-collapsed.txt',
    fields: 'all' as const,
    reason: FLATTENED_THEN_WRAPPED,
  })),
];

function ignored(mangler: string, file: string): Set<string> | 'all' {
  const out = new Set(['LINES']);
  for (const loss of KNOWN_LOSSES) {
    if (loss.mangler !== mangler || (loss.file !== '*' && loss.file !== file)) continue;
    if (loss.fields === 'all') return 'all';
    loss.fields.forEach((f) => out.add(f));
  }
  return out;
}

function summaries(text: string, skip: Set<string>): ReportSummary[] {
  return summarizeOutput(parseText(text)).map((s) => {
    const kept: ReportSummary = {};
    for (const [k, v] of Object.entries(s)) if (!skip.has(k)) kept[k] = v;
    return kept;
  });
}

const bodies = goldenFiles().map((file) => ({
  file: relative(GOLDEN_ROOT, file),
  body: splitGoldenFile(readFileSync(file, 'utf8')).body,
}));

describe('metamorphic: mangled golden reports read the same', () => {
  it('the loss list names only manglers and files that exist', () => {
    for (const loss of KNOWN_LOSSES) {
      expect(MANGLERS.map((m) => m.name)).toContain(loss.mangler);
      if (loss.file !== '*') expect(bodies.map((b) => b.file)).toContain(loss.file);
    }
  });

  for (const { file, body } of bodies) {
    describe(file, () => {
      for (const { name, apply } of MANGLERS) {
        it(name, () => {
          const skip = ignored(name, file);
          const mangled = apply(body);
          if (skip === 'all') expect(() => parseText(mangled)).not.toThrow();
          else expect(summaries(mangled, skip)).toEqual(summaries(body, skip));
        });
      }
    });
  }
});

describe('metamorphic: two golden reports interleaved line by line', () => {
  // each file with the next one, so every body is interleaved once on each side
  for (let i = 0; i + 1 < bodies.length; i += 1) {
    const a = bodies[i]!;
    const b = bodies[i + 1]!;
    if (a.file === MSGBUF_MAIL || b.file === MSGBUF_MAIL) {
      // caller ids go in front of its "> [19]" quote: see OUTSIDE_THE_QUOTE
      it(`${a.file} + ${b.file} (parses; ${MSGBUF_MAIL} is compared only by the others)`, () => {
        expect(() => parseText(interleave(a.body, b.body))).not.toThrow();
      });
      continue;
    }
    it(`${a.file} + ${b.file}`, () => {
      const skip = new Set(['LINES']);
      const key = (s: ReportSummary) => JSON.stringify(s);
      const want = [...summaries(a.body, skip), ...summaries(b.body, skip)].map(key).sort();
      expect(summaries(interleave(a.body, b.body), skip).map(key).sort()).toEqual(want);
    });
  }
});
