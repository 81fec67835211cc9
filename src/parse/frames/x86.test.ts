// X86 and lockdep frame lines (every arch that prints like x86): one row per printed style.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../model/types';
import { F } from './expected-frame';
import { parseFrameLine } from './parse-line';

// [what, the line as the cleaner hands it over, the frame]
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
    'trailing blanks (s390 prints one)',
    ' [<000000000010610c>] show_stack+0xb8/0xc8 ',
    F({ function: 'show_stack', offset: '0xb8/0xc8', address: '000000000010610c' }),
  ],
];

describe('parseFrameLine: x86 and lockdep frame lines (every arch that prints like x86)', () => {
  it.each(rows)('%s', (_what, line, expected) => {
    expect(parseFrameLine(line)).toEqual(expected);
  });
});
