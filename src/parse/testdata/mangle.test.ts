// Every mangler changes a report, and the cleaner gives the report back.
import { describe, expect, it } from 'vitest';
import { cleanText } from '../clean';
import { TEST_LINE_STARTS } from '../clean/test-vocabulary';
import { MANGLERS, addCallerIds, interleave } from './mangle';

// Written for these tests (names and addresses made up), in the shape of a 6.1 report.
const CIRCULAR = `======================================================
WARNING: possible circular locking dependency detected
6.1.0-rc5-syzkaller-00144-g84368d882b96 #0 Not tainted
------------------------------------------------------
kworker/u16:3/8175 is trying to acquire lock:
ffff8882f19556a0 (&fs_info->reloc_mutex){+.+.}-{3:3}, at: btrfs_record_root_in_trans+0x44/0x70 [btrfs]

but task is already holding lock:
ffffc900087c7e68 ((work_completion)(&(&wb->dwork)->work)){+.+.}-{0:0}, at: process_one_work+0x235/0x620

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 ((work_completion)(&(&wb->dwork)->work)){+.+.}-{0:0}:
       __flush_work+0x331/0x490
       wb_shutdown+0x8f/0xb0
       process_one_work+0x2b6/0x620

-> #0 (&fs_info->reloc_mutex){+.+.}-{3:3}:
       __lock_acquire+0x1345/0x1fd0
       lock_acquire+0x1e3/0x530
       __mutex_lock+0x92/0x930
       btrfs_record_root_in_trans+0x44/0x70 [btrfs]

other info that might help us debug this:

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock((work_completion)(&(&wb->dwork)->work));
                               lock(&fs_info->reloc_mutex);
                               lock((work_completion)(&(&wb->dwork)->work));
  lock(&fs_info->reloc_mutex);

 *** DEADLOCK ***

2 locks held by kworker/u16:3/8175:
 #0: ffff888011c6d538 ((wq_completion)btrfs-delalloc){+.+.}-{0:0}, at: process_one_work+0x1fc/0x620
 #1: ffffc900087c7e68 ((work_completion)(&(&wb->dwork)->work)){+.+.}-{0:0}, at: process_one_work+0x235/0x620

stack backtrace:
CPU: 1 PID: 8175 Comm: kworker/u16:3 Not tainted 6.1.0-rc5-syzkaller-00144-g84368d882b96 #0
Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014
Call Trace:
 <TASK>
 dump_stack_lvl+0x1f4/0x2f0
 __lock_acquire+0x1345/0x1fd0
 ? mark_lock+0x9a/0x350
 lock_acquire+0x1e3/0x530
 </TASK>
`;

const WITNESS = `lock order reversal:
 1st 0xffffd0014ee928 vm map (user) (vm map (user), sx) @ /usr/src/sys/vm/vm_mmap.c:1028
 2nd 0xffffd0030ad230 ufs (ufs, lockmgr) @ /usr/src/sys/kern/vfs_subr.c:3269
lock order ufs -> vm map (user) established at:
#0 0xffffc00037d2c0 at witness_checkorder+0xd98
#1 0xffffc000320308 at _sx_xlock+0x60
#2 0xffffc00057eb86 at vm_map_reservation_create+0x7c
`;

const clean = (text: string) => cleanText(text, { lineStarts: TEST_LINE_STARTS });
const bodyLines = (text: string) => text.replace(/\n$/, '').split('\n');

/** What a mangler adds around the report, and what it inherently loses. */
const ADDED = [
  /^Reported a warning as follows:$/,
  /^Fix it by taking the locks in the same order\.$/,
  /^Quoting the CI run, e\.g\.:$/,
  /^In the Linux kernel, the following vulnerability has been resolved:$/,
  /^\+\+\+ b\//,
  /^@@ /,
  /^usb 3-1: |^sdhci-pltfm: |^audit: type=1400/,
];
const LOSES_INDENT_AND_BLANKS = new Set(['flattened with spaces']);
/** commit indentation brings blank lines around the report */
const ADDS_BLANKS = new Set(['commit indent 4', 'commit indent TAB']);

function recovered(name: string, out: string[]): string[] {
  let kept = out.filter((l) => !ADDED.some((re) => re.test(l)));
  // the text after a final newline is an empty line of its own
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  if (ADDS_BLANKS.has(name)) kept = kept.slice(1);
  return kept;
}

describe.each([
  ['a lockdep report', CIRCULAR],
  // no blank lines, no runs of spaces: some manglers have nothing to do on it
  ['a WITNESS report', WITNESS],
])('manglers on %s', (_what, report) => {
  for (const { name, apply } of MANGLERS) {
    it(`${name}: ${report === CIRCULAR ? 'changes the text and ' : ''}cleans back`, () => {
      const mangled = apply(report);
      if (report === CIRCULAR) expect(mangled).not.toBe(report);
      const out = clean(mangled).lines.map((l) => l.text);
      if (LOSES_INDENT_AND_BLANKS.has(name)) {
        const want = bodyLines(report)
          .map((l) => l.trim())
          .filter((l) => l !== '');
        expect(recovered(name, out.map((l) => l.trim()).filter((l) => l !== ''))).toEqual(want);
      } else {
        expect(recovered(name, out)).toEqual(bodyLines(report));
      }
    });
  }
});

describe('interleave', () => {
  it('gives each report its own stream', () => {
    const out = clean(interleave(CIRCULAR, WITNESS)).lines;
    const byStream = (id: string) => recovered('', out.filter((l) => l.stream === id).map((l) => l.text));
    expect(byStream('T8418')).toEqual(bodyLines(CIRCULAR));
    expect(byStream('T14782')).toEqual(bodyLines(WITNESS));
  });

  it('pads a short caller id to six columns like the kernel', () => {
    expect(addCallerIds('C3')('x\n')).toBe('[ 1802.499647][    C3] x\n');
  });
});
