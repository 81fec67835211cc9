import { describe, expect, it } from 'vitest';
import { parseFrameLine } from './parse-line';

/** Far above any normal run even on a loaded machine; speed itself is measured by `npm run bench`. */
const HANG_MS = 20_000;

// lines that must not become frames
const negatives: [string, string][] = [
  ['held lock', ' #0: ffff888106a71958 (&x){+.+.}-{3:3}, at: foo+0x1/0x2'],
  [
    'held lock, 2.6 style',
    ' #0:  (&mm->mmap_sem){----}, at: [<00000000001c0be4>] sys_mlockall+0x5c/0xe0',
  ],
  ['lock line', ' (&conn->lock){-+..}, at: [<e29dea5f>] __l2cap_sock_close+0xb9/0x111 [l2cap]'],
  ['chain entry header', '-> #1 (&a){+.+.}:'],
  ['scenario CPU', '       CPU0'],
  ['scenario step', '  lock(&x);'],
  [
    'header',
    'Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3-debian-1.16.3-2 04/01/2014',
  ],
  [
    'header CPU',
    'CPU: 0 UID: 0 PID: 24950 Comm: syz.5.7376 Not tainted 6.15.0-rc7-dirty #2 PREEMPT(full) ',
  ],
  ['prose', 'but task is already holding lock:'],
  ['prose with colon', 'other info that might help us debug this:'],
  ['blank', ''],
  ['Call Trace', 'Call Trace:'],
  ['marker', ' <TASK>'],
  ['RIP kernel', 'RIP: 0010:__lock_acquire+0x10e5/0x3690 kernel/locking/lockdep.c:3344'],
  ['RIP user', 'RIP: 0033:0x7fc91838e969'],
  [
    'irq event stamp',
    'hardirqs last  enabled at (208973): [<c02661f0>] _spin_unlock_irqrestore+0x36/0x55',
  ],
  ['key at', ' ... key      at: [<ffffffff8ef8d980>] __key.0+0x0/0x40'],
  ['WARNING line', 'WARNING: CPU: 0 PID: 12 at kernel/locking/lockdep.c:167 hlock_class+0xe0/0xf5'],
  ['powerpc interrupt', '--- interrupt: 280 at .e500_idle+0x30/0x6c'],
  ['powerpc NIP', 'NIP [c00000000001f104] .e500_idle+0x30/0x6c'],
  ['arm64 pc', 'pc : __lock_acquire+0x7cc/0x30a4 kernel/locking/lockdep.c:5044'],
  ['wrapped tail of an arm32 line', 'y+0x148/0x17c)'],
  ['wrapped offset', '+0x3c/0x88)'],
  ['end marker', '[<ffffffff>] 0xffffffff'],
  ['end trace', '---[ end trace 0000000000000000 ]---'],
  ['elision', '...'],
  ['prose ending in a path', 'Location: fs/inode.c:503'],
  ['prose, two words and a path', 'at fs/inode.c:503'],
  [
    'RCU suspicious header',
    'kernel/locking/lockdep.c:167 suspicious rcu_dereference_check() usage!',
  ],
  ['usage trace header', '   INITIAL USE at:'],
  ['wrapped prose after module', 'vfio_intx_handler+0x21/0xd0 [vfio_pci_core] but this lock took'],
  [
    'random message',
    'random: get_random_bytes called from start_kernel+0x153/0xa2b with crng_init=0',
  ],
  ['KASAN title', 'BUG: KASAN: use-after-free in do_raw_spin_lock+0x28a/0x2e0'],
  ['hex words', ' ffffffff8165e417 0000000000000282 ffff8801ce46faf0 00000001c52a4067'],
  ['lone address (wrapped)', '[<ffffffffa02919ba>]'],
  ['Code', 'Code: 94f84769 f94002e8 d0024dc0 91168400 (f9400d01) '],
  ['two modules', 'foo+0x1/0x2 [a] [b]'],
  ['name alone', 'dump_stack'],
];

describe('parseFrameLine', () => {
  it.each(negatives)('not a frame: %s', (_what, line) => {
    expect(parseFrameLine(line)).toBeNull();
  });

  it('stays linear on a 1 MB line that almost matches', () => {
    const bad = [
      'a'.repeat(1 << 20),
      '+0x1/'.repeat(200_000),
      '[<' + 'f'.repeat(1 << 20),
      'x ' + '(a:1 '.repeat(200_000),
    ];
    const t0 = performance.now();
    for (const line of bad) expect(parseFrameLine(line)).toBeNull();
    // a hang guard, not a speed check: super-linear blow-up on these inputs takes minutes
    expect(performance.now() - t0).toBeLessThan(HANG_MS);
  });
});
