import { describe, expect, it } from 'vitest';
import type { Frame } from '../../model/types';
import { parseFrameLine } from './parse-line';

const F = (p: Partial<Frame> & { function: string }): Frame => ({
  offset: null,
  module: null,
  unreliable: false,
  file: null,
  line: null,
  address: null,
  ...p,
});

// one row per printed style: [what, line as the cleaner hands it over, expected frame]
const rows: [string, string, Frame][] = [
  ['x86 4.14+', ' dump_stack+0x194/0x257', F({ function: 'dump_stack', offset: '0x194/0x257' })],
  [
    'x86 4.14+ unreliable',
    ' ? find_held_lock+0x32/0x90',
    F({ function: 'find_held_lock', offset: '0x32/0x90', unreliable: true }),
  ],
  [
    'lockdep chain entry, 7 blanks',
    '       __mutex_lock+0x93/0x9c0',
    F({ function: '__mutex_lock', offset: '0x93/0x9c0' }),
  ],
  [
    'indentation lost',
    'lock_acquire+0x15a/0x4d0',
    F({ function: 'lock_acquire', offset: '0x15a/0x4d0' }),
  ],
  [
    'tab indented',
    '\t? srso_return_thunk+0x5/0x5f',
    F({ function: 'srso_return_thunk', offset: '0x5/0x5f', unreliable: true }),
  ],
  [
    'module',
    ' i915_reset+0x1c0/0x360 [i915]',
    F({ function: 'i915_reset', offset: '0x1c0/0x360', module: 'i915' }),
  ],
  [
    'module with dash',
    'foo+0x1/0x2 [nf-nat]',
    F({ function: 'foo', offset: '0x1/0x2', module: 'nf-nat' }),
  ],
  [
    'module with build id (%pSb)',
    ' ext4_fill_super+0x1f/0x40 [ext4 5b3a9c0f2e1d4c6b8a7f0e1d2c3b4a59687766ab]',
    F({ function: 'ext4_fill_super', offset: '0x1f/0x40', module: 'ext4' }),
  ],
  [
    'x86 ≤4.13',
    ' [<ffffffff81868175>] dump_stack+0x4c/0x65',
    F({ function: 'dump_stack', offset: '0x4c/0x65', address: 'ffffffff81868175' }),
  ],
  [
    'x86 ≤4.13 unreliable + module',
    '[<ffffffffa02919ba>] ? find_ref_lock+0x24/0x46 [videodev]',
    F({
      function: 'find_ref_lock',
      offset: '0x24/0x46',
      module: 'videodev',
      unreliable: true,
      address: 'ffffffffa02919ba',
    }),
  ],
  [
    'x86 ≤4.8 marker on the frame line',
    ' <IRQ>  [<ffffffff8137c5e3>] dump_stack+0x85/0xc2',
    F({ function: 'dump_stack', offset: '0x85/0xc2', address: 'ffffffff8137c5e3' }),
  ],
  [
    '2.6.18 i386, chain entry',
    '       [<c029e364>] mutex_lock+0x19/0x20',
    F({ function: 'mutex_lock', offset: '0x19/0x20', address: 'c029e364' }),
  ],
  [
    '2.6.18-mm decimal',
    '       [add_lock_to_list+95/125] add_lock_to_list+0x5f/0x7d',
    F({ function: 'add_lock_to_list', offset: '0x5f/0x7d' }),
  ],
  [
    '2.6.18-mm decimal in module text',
    ' [pg0+928579102/1051247616] bcm43xx_wx_set_encodingext+0x1f/0x21 [bcm43xx]',
    F({ function: 'bcm43xx_wx_set_encodingext', offset: '0x1f/0x21', module: 'bcm43xx' }),
  ],
  [
    'bare address (seed 004)',
    '0xffffffffa01c9337',
    F({ function: '0xffffffffa01c9337', address: 'ffffffffa01c9337' }),
  ],
  [
    'unnamed address after [<>]',
    ' [<ffffffffa02ff000>] ? 0xffffffffa02fefff',
    F({ function: '0xffffffffa02fefff', unreliable: true, address: 'ffffffffa02ff000' }),
  ],
  [
    's390 user-space return address',
    ' [<000002000025a466>] 0x2000025a466',
    F({ function: '0x2000025a466', address: '000002000025a466' }),
  ],
  [
    'gcc .cold',
    ' print_circular_bug.cold+0x15c/0x195',
    F({ function: 'print_circular_bug.cold', offset: '0x15c/0x195' }),
  ],
  [
    'gcc .part.0',
    'lock_acquire.part.0+0xc4/0x4b4',
    F({ function: 'lock_acquire.part.0', offset: '0xc4/0x4b4' }),
  ],
  [
    'gcc .isra',
    ' ? suitable_migration_target.isra.15+0x19d/0x1e0',
    F({ function: 'suitable_migration_target.isra.15', offset: '0x19d/0x1e0', unreliable: true }),
  ],
  [
    'gcc .constprop',
    'alloc_super.constprop.0+0x167/0xa40',
    F({ function: 'alloc_super.constprop.0', offset: '0x167/0xa40' }),
  ],
  [
    'gcc .clone',
    'kmem_cache_alloc.clone.21+0x1/0x2',
    F({ function: 'kmem_cache_alloc.clone.21', offset: '0x1/0x2' }),
  ],
  [
    'clang __pfx_',
    ' ? __pfx_dump_stack_lvl+0x10/0x10',
    F({ function: '__pfx_dump_stack_lvl', offset: '0x10/0x10', unreliable: true }),
  ],
  ['arm64 clang local symbol', ' $x.11+0x98/0xb4', F({ function: '$x.11', offset: '0x98/0xb4' })],
  [
    'Rust v0 mangled',
    '_RNvXCsktjF9JQNZ8U_5rnullNtB2_13NullBlkModuleNtCs43vyB533jt3_6kernel13InPlaceModule4init+0x904/0xc30',
    F({
      function:
        '_RNvXCsktjF9JQNZ8U_5rnullNtB2_13NullBlkModuleNtCs43vyB533jt3_6kernel13InPlaceModule4init',
      offset: '0x904/0xc30',
    }),
  ],
  [
    'Rust demangled by syzbot',
    '       <rnull::NullBlkModule as kernel::InPlaceModule>::init+0x904/0xc30',
    F({ function: '<rnull::NullBlkModule as kernel::InPlaceModule>::init', offset: '0x904/0xc30' }),
  ],
  [
    'C++ mangled',
    '_Z8fakeNameiii+0x49a/0x1a10',
    F({ function: '_Z8fakeNameiii', offset: '0x49a/0x1a10' }),
  ],
  [
    'syzbot symbolized',
    ' evdev_pass_values+0x1d3/0x760 drivers/input/evdev.c:513',
    F({
      function: 'evdev_pass_values',
      offset: '0x1d3/0x760',
      file: 'drivers/input/evdev.c',
      line: 513,
    }),
  ],
  [
    'syzbot inline frame',
    ' __dump_stack lib/dump_stack.c:91 [inline]',
    F({ function: '__dump_stack', file: 'lib/dump_stack.c', line: 91 }),
  ],
  [
    'syzbot unreliable symbolized',
    ' ? lockdep_hardirqs_on_prepare+0x3f0/0x3f0 kernel/locking/lockdep.c:4278',
    F({
      function: 'lockdep_hardirqs_on_prepare',
      offset: '0x3f0/0x3f0',
      unreliable: true,
      file: 'kernel/locking/lockdep.c',
      line: 4278,
    }),
  ],
  [
    'syzbot symbolized, old [<addr>] style',
    ' [<ffffffff81c8f6cd>] dump_stack+0xc1/0x124 lib/dump_stack.c:51',
    F({
      function: 'dump_stack',
      offset: '0xc1/0x124',
      file: 'lib/dump_stack.c',
      line: 51,
      address: 'ffffffff81c8f6cd',
    }),
  ],
  [
    'syzbot inline frame with [<addr>]',
    ' [<ffffffff816d0915>] __vmalloc_node_memcg mm/vmalloc.c:1690 [inline]',
    F({
      function: '__vmalloc_node_memcg',
      file: 'mm/vmalloc.c',
      line: 1690,
      address: 'ffffffff816d0915',
    }),
  ],
  [
    'syzbot symbolized, module after location',
    ' hci_rx_work+0x1d3/0x760 net/bluetooth/hci_core.c:4010 [bluetooth]',
    F({
      function: 'hci_rx_work',
      offset: '0x1d3/0x760',
      module: 'bluetooth',
      file: 'net/bluetooth/hci_core.c',
      line: 4010,
    }),
  ],
  [
    'syzbot file with dashes and dots',
    'el0t_64_sync_handler+0x84/0xf0 arch/arm64/kernel/entry-common.c:654',
    F({
      function: 'el0t_64_sync_handler',
      offset: '0x84/0xf0',
      file: 'arch/arm64/kernel/entry-common.c',
      line: 654,
    }),
  ],
  [
    'syzbot assembly file',
    'entry_SYSCALL_64_after_hwframe+0x77/0x7f arch/x86/entry/entry_64.S:130',
    F({
      function: 'entry_SYSCALL_64_after_hwframe',
      offset: '0x77/0x7f',
      file: 'arch/x86/entry/entry_64.S',
      line: 130,
    }),
  ],
  [
    'decode_stacktrace.sh',
    'dump_stack_lvl (lib/dump_stack.c:107)',
    F({ function: 'dump_stack_lvl', file: 'lib/dump_stack.c', line: 107 }),
  ],
  [
    'decode_stacktrace.sh, unreliable, inlined locations (the last is the function itself)',
    ' ? evict (include/linux/spinlock.h:349 fs/inode.c:503 fs/inode.c:654)',
    F({ function: 'evict', unreliable: true, file: 'fs/inode.c', line: 654 }),
  ],
  [
    'decode_stacktrace.sh with discriminator and bare module',
    'nf_tables_newrule (net/netfilter/nf_tables_api.c:3865 (discriminator 3)) nf_tables',
    F({
      function: 'nf_tables_newrule',
      module: 'nf_tables',
      file: 'net/netfilter/nf_tables_api.c',
      line: 3865,
    }),
  ],
  [
    'decode_stacktrace.sh keeping the offset, arm64 source flag',
    'show_stack+0x18/0x24 (arch/arm64/kernel/stacktrace.c:244) (C)',
    F({
      function: 'show_stack',
      offset: '0x18/0x24',
      file: 'arch/arm64/kernel/stacktrace.c',
      line: 244,
    }),
  ],
  [
    'arm64 5.x',
    ' dump_backtrace+0x0/0x1f8',
    F({ function: 'dump_backtrace', offset: '0x0/0x1f8' }),
  ],
  [
    'arm64 6.13+ source flag (C)',
    ' show_stack+0x18/0x24 (C)',
    F({ function: 'show_stack', offset: '0x18/0x24' }),
  ],
  [
    'arm64 6.13+ source flag (T)',
    ' __switch_to+0x1c4/0x30c (T)',
    F({ function: '__switch_to', offset: '0x1c4/0x30c' }),
  ],
  [
    'arm64 4.x with address',
    '[<ffff000008089d68>] dump_backtrace+0x0/0x270',
    F({ function: 'dump_backtrace', offset: '0x0/0x270', address: 'ffff000008089d68' }),
  ],
  [
    'arm32 verbose: the running function is the frame',
    '[<c0017b4c>] (unwind_backtrace) from [<c0014d10>] (show_stack+0x10/0x14)',
    F({ function: 'unwind_backtrace', address: 'c0017b4c' }),
  ],
  [
    'arm32 verbose, gcc clone',
    '[<801bec94>] (lock_acquire.part.0) from [<801bf1b0>] (lock_acquire+0x68/0x74)',
    F({ function: 'lock_acquire.part.0', address: '801bec94' }),
  ],
  [
    'arm32 ≤3.x where with offset',
    '[<c002a8e4>] (dump_backtrace+0x0/0x10c) from [<c02cf8d4>] (dump_stack+0x18/0x1c)',
    F({ function: 'dump_backtrace', offset: '0x0/0x10c', address: 'c002a8e4' }),
  ],
  [
    'arm32 verbose, module',
    '[<bf04e1a0>] (musb_host_cleanup [musb_hdrc]) from [<c03a4780>] (usb_remove_hcd+0x110/0x1e0 [usbcore])',
    F({ function: 'musb_host_cleanup', module: 'musb_hdrc', address: 'bf04e1a0' }),
  ],
  [
    'arm32 verbose, caller cut by the mailer',
    '[<c0114a7c>] (dma_pool_destroy) from [<c03ad288>] (hcd_buffer_destroy+0x20=',
    F({ function: 'dma_pool_destroy', address: 'c0114a7c' }),
  ],
  [
    'arm32 5.x+',
    ' unwind_backtrace from show_stack+0x10/0x14',
    F({ function: 'unwind_backtrace' }),
  ],
  [
    'arm32 5.x+ with module',
    ' musb_host_cleanup [musb_hdrc] from usb_remove_hcd+0x110/0x1e0 [usbcore]',
    F({ function: 'musb_host_cleanup', module: 'musb_hdrc' }),
  ],
  [
    'arm32 without kallsyms',
    'Function entered at [<c0017b4c>] from [<c0014d10>]',
    F({ function: '0xc0017b4c', address: 'c0017b4c' }),
  ],
  [
    's390 reliable',
    ' [<0000000000157f82>] lock_acquire+0x94/0xbc',
    F({ function: 'lock_acquire', offset: '0x94/0xbc', address: '0000000000157f82' }),
  ],
  [
    's390 parenthesised (unreliable)',
    '([<0000000000106036>] show_trace+0xb2/0xd0)',
    F({
      function: 'show_trace',
      offset: '0xb2/0xd0',
      unreliable: true,
      address: '0000000000106036',
    }),
  ],
  [
    'powerpc64 ELFv1 dot symbol',
    '[c000000002163280] [c0000000015263d0] .dump_stack_lvl+0x8c/0xd0',
    F({ function: 'dump_stack_lvl', offset: '0x8c/0xd0', address: 'c0000000015263d0' }),
  ],
  [
    'powerpc (unreliable) on the line',
    '[c000000002163be0] [c000000000008a54] .arch_cpu_idle+0x34/0xb0 (unreliable)',
    F({
      function: 'arch_cpu_idle',
      offset: '0x34/0xb0',
      unreliable: true,
      address: 'c000000000008a54',
    }),
  ],
  [
    'powerpc no dot',
    '[c000000002163f90] [c000000000000a5c] start_here_common+0x1c/0x20',
    F({ function: 'start_here_common', offset: '0x1c/0x20', address: 'c000000000000a5c' }),
  ],
  [
    'powerpc32',
    '[c1b8dd50] [c0a3e6d0] dump_stack+0xa4/0xd8 (unreliable)',
    F({ function: 'dump_stack', offset: '0xa4/0xd8', unreliable: true, address: 'c0a3e6d0' }),
  ],
  [
    'sparc64',
    '[000000000046af4c] dump_stack+0x8/0x18',
    F({ function: 'dump_stack', offset: '0x8/0x18', address: '000000000046af4c' }),
  ],
  [
    'held-lock `at:` tail',
    '[<ffffffff81165c5d>] suitable_migration_target.isra.15+0x19d/0x1e0',
    F({
      function: 'suitable_migration_target.isra.15',
      offset: '0x19d/0x1e0',
      address: 'ffffffff81165c5d',
    }),
  ],
  [
    'powerpc `at:` tail',
    '.qman_update_cgr+0x40/0xb0',
    F({ function: 'qman_update_cgr', offset: '0x40/0xb0' }),
  ],
  ['offset without size', 'foo+0x1c', F({ function: 'foo', offset: '0x1c' })],
  [
    'trailing blanks (s390 prints one)',
    ' [<000000000010610c>] show_stack+0xb8/0xc8 ',
    F({ function: 'show_stack', offset: '0xb8/0xc8', address: '000000000010610c' }),
  ],
];

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
  it.each(rows)('%s', (_what, line, expected) => {
    expect(parseFrameLine(line)).toEqual(expected);
  });

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
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});
