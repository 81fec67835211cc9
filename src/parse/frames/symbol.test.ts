// Symbols and symbolizer suffixes: one row per printed style.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../model/types';
import { F } from './expected-frame';
import { parseFrameLine } from './parse-line';

// [what, the line as the cleaner hands it over, the frame]
const rows: [string, string, Frame][] = [
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
    'held-lock `at:` tail',
    '[<ffffffff81165c5d>] suitable_migration_target.isra.15+0x19d/0x1e0',
    F({
      function: 'suitable_migration_target.isra.15',
      offset: '0x19d/0x1e0',
      address: 'ffffffff81165c5d',
    }),
  ],
  ['offset without size', 'foo+0x1c', F({ function: 'foo', offset: '0x1c' })],
];

describe('parseFrameLine: symbols and symbolizer suffixes', () => {
  it.each(rows)('%s', (_what, line, expected) => {
    expect(parseFrameLine(line)).toEqual(expected);
  });
});
