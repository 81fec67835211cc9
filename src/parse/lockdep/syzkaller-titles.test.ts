// Our titles against the ones syzkaller's own parser gave the same logs (the TITLE: header of
// every file in corpus/linux/syzkaller). "WARNING: "/"BUG: "/"INFO: " prefixes are ignored on
// both sides. Where we differ on purpose, KNOWN says why; anything else is a regression.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpusAvailable, corpusFiles } from '../corpus';
import { parseText } from '../index';

const LOCKDEP_TITLE =
  /possible deadlock|inconsistent lock state|suspicious RCU usage|bad unlock balance|still has locks held|lock held when returning|held lock freed|nested lock was not taken|locking bug|non-static key|too low!|circular locking/;

const strip = (t: string) => t.replace(/^(?:WARNING|BUG|INFO):\s*/, '').trim();

/** Files where our title differs from syzkaller's, and why that is right. */
const KNOWN: Record<string, string> = {
  // syzkaller gives up ("in corrupted") where the report is interleaved or cut; we still find a name or say nothing
  'linux/syzkaller/102': 'cut after the rule: we print the bare title, syzkaller "in corrupted"',
  'linux/syzkaller/115':
    'interleaved with another dump: we find the body further down and name it ipmr_mfc_seq_stop',
  'linux/syzkaller/244':
    'a fault-injection dump is interleaved without caller ids; we name no function, syzkaller says "corrupted"',
  'linux/syzkaller/335':
    'syzkaller marks the interleaved WARN corrupted; its own trace names __tty_buffer_request_room',
  'linux/syzkaller/34': 'cut before any backtrace: bare title instead of "in corrupted"',
  'linux/syzkaller/35': 'cut before any backtrace: bare title instead of "in corrupted"',
  'linux/syzkaller/91': 'cut before any backtrace: bare title instead of "in corrupted"',
  'linux/syzkaller/208':
    'syzkaller marks it corrupted and prints no function; the backtrace names crypto_create_tfm',
  // 2009 log, cut after the first lock line: syzkaller's old format took the at: function unfiltered
  'linux/syzkaller/27':
    'the only function is flush_workqueue (workqueue machinery, skipped as syzkaller does today)',
  // syzkaller files "[ BUG: Invalid wait context ]" under "locking bug"; the brief asks for the kernel's own words
  'linux/syzkaller/528': 'invalid wait context in X, not locking bug in X',
  'linux/syzkaller/531': 'invalid wait context in X, not locking bug in X',
  'linux/syzkaller/546': 'invalid wait context in X, not locking bug in X',
  // the report itself is cut by a GPF; syzkaller names the GPF's trace, which is another report
  'linux/syzkaller/657':
    'the nest-lock name faulted; the rest is a general protection fault report',
  // syzkaller skips iput; we keep it: iput is the caller that took the spinlock in softirq-unsafe context
  'linux/syzkaller/665': 'iput (the direct caller) instead of ntfs_fill_super',
};

describe.skipIf(!corpusAvailable())('titles against syzkaller (corpus/linux/syzkaller)', () => {
  const rows: { file: string; want: string; got: string }[] = [];
  for (const file of corpusFiles(join('linux', 'syzkaller'))) {
    const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
    const header = /^TITLE: (.*)$/m.exec(text)?.[1];
    if (!header || !LOCKDEP_TITLE.test(header)) continue;
    const first = parseText(text).reports.find((r) => r.format === 'linux-lockdep');
    rows.push({ file, want: strip(header), got: first ? strip(first.title) : '(no report)' });
  }

  it('agree with syzkaller on at least 80% of the files', () => {
    const same = rows.filter((r) => r.want === r.got).length;
    console.info(`titles: ${same}/${rows.length} agree with syzkaller`);
    expect(rows.length).toBeGreaterThan(50);
    expect(same / rows.length).toBeGreaterThanOrEqual(0.8);
  });

  it('differ only where KNOWN explains why', () => {
    const differ = rows
      .filter((r) => r.want !== r.got)
      .map((r) => `${r.file}: syzkaller "${r.want}", ours "${r.got}"`);
    expect(differ.map((d) => d.split(':')[0])).toEqual(
      Object.keys(KNOWN)
        .filter((f) => rows.some((r) => r.file === f))
        .sort(),
    );
  });
});
