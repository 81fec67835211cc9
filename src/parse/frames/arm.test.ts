// Arm32 and arm64 frame lines: one row per printed style.
import { describe, expect, it } from 'vitest';
import type { Frame } from '../../model/types';
import { F } from './expected-frame';
import { parseFrameLine } from './parse-line';

// [what, the line as the cleaner hands it over, the frame]
const rows: [string, string, Frame][] = [
  ['arm64 clang local symbol', ' $x.11+0x98/0xb4', F({ function: '$x.11', offset: '0x98/0xb4' })],
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
];

describe('parseFrameLine: arm32 and arm64 frame lines', () => {
  it.each(rows)('%s', (_what, line, expected) => {
    expect(parseFrameLine(line)).toEqual(expected);
  });
});
