// Powerpc, sparc64 and s390 frame lines: one row per printed style.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../model/types';
import { F } from './expected-frame';
import { parseFrameLine } from './parse-line';

// [what, the line as the cleaner hands it over, the frame]
const rows: [string, string, Frame][] = [
  [
    's390 user-space return address',
    ' [<000002000025a466>] 0x2000025a466',
    F({ function: '0x2000025a466', address: '000002000025a466' }),
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
    'powerpc `at:` tail',
    '.qman_update_cgr+0x40/0xb0',
    F({ function: 'qman_update_cgr', offset: '0x40/0xb0' }),
  ],
];

describe('parseFrameLine: powerpc, sparc64 and s390 frame lines', () => {
  it.each(rows)('%s', (_what, line, expected) => {
    expect(parseFrameLine(line)).toEqual(expected);
  });
});
