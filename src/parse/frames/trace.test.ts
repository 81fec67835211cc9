import { describe, expect, it } from 'vitest';
import type { CleanLine } from '../clean/types';
import { formatFrame } from '../../model/frame';
import { readTrace } from './trace';

const L = (text: string): CleanLine[] =>
  text.split('\n').map((t, i) => ({ text: t, origin: i + 1, originEnd: i + 1, stream: null }));

const names = (lines: CleanLine[], start = 0) => readTrace(lines, start).frames.map(formatFrame);

describe('readTrace', () => {
  it('reads a chain entry and stops at the blank line', () => {
    const lines = L(`-> #1 (fs_reclaim){+.+.}-{0:0}:
       lock_acquire+0x120/0x360
       fs_reclaim_acquire+0x72/0x100
       kmem_cache_alloc_noprof+0x44/0x3c0

-> #0 (&q->elevator_lock){+.+.}-{4:4}:`);
    const t = readTrace(lines, 1);
    expect(t.frames.map(formatFrame)).toEqual([
      'lock_acquire+0x120/0x360',
      'fs_reclaim_acquire+0x72/0x100',
      'kmem_cache_alloc_noprof+0x44/0x3c0',
    ]);
    expect(t.frameLines).toEqual([1, 2, 3]);
    expect(t.end).toBe(4);
  });

  it('skips dump_stack headers and goes on past IRQ markers and a register dump', () => {
    const lines =
      L(`CPU: 0 UID: 0 PID: 24950 Comm: syz.5.7376 Not tainted 6.15.0-rc7-dirty #2 PREEMPT(full) 
Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3-debian-1.16.3-2 04/01/2014
Call Trace:
 <IRQ>
 __dump_stack lib/dump_stack.c:94 [inline]
 dump_stack_lvl+0x189/0x250 lib/dump_stack.c:120
 ? __pfx_dump_stack_lvl+0x10/0x10
 </IRQ>
 <TASK>
 asm_sysvec_apic_timer_interrupt+0x1a/0x20
RIP: 0010:lock_acquire+0x264/0x550
Code: 2b 00 74 08 4c 89 f7 e8 ea <4b> 89 00 f6 44 24 61 02 0f 85
RSP: 0018:ffffc90003c4f5a0 EFLAGS: 00000246
RAX: 0000000000000000 RBX: 1ffff92000789eb8 RCX: ffffffff816a3c2d
 do_syscall_64+0xf6/0x210
 entry_SYSCALL_64_after_hwframe+0x77/0x7f
RIP: 0033:0x7fc91838e969
 </TASK>
---[ end trace 0000000000000000 ]---`);
    const t = readTrace(lines, 0);
    expect(t.frames.map(formatFrame)).toEqual([
      '__dump_stack lib/dump_stack.c:94',
      'dump_stack_lvl+0x189/0x250 lib/dump_stack.c:120',
      '? __pfx_dump_stack_lvl+0x10/0x10',
      'asm_sysvec_apic_timer_interrupt+0x1a/0x20',
      'do_syscall_64+0xf6/0x210',
      'entry_SYSCALL_64_after_hwframe+0x77/0x7f',
    ]);
    expect(t.end).toBe(18);
  });

  it('goes on past an elision line', () => {
    expect(
      names(
        L(
          ' [<ffffffff81d90469>] dump_stack+0xc1/0x128\n...\n [<ffffffff838a9745>] entry_SYSCALL_64_fastpath+0x23/0xc6\nbinder: 14407:14442 BC_DEAD_BINDER_DONE',
        ),
      ),
    ).toEqual(['dump_stack+0xc1/0x128', 'entry_SYSCALL_64_fastpath+0x23/0xc6']);
  });

  it('drops the 2.6.x end marker', () => {
    const t = readTrace(
      L('       [<c0104d6f>] save_stack_trace+0x19/0x33\n       [<ffffffff>] 0xffffffff\n\n'),
      0,
    );
    expect(t.frames.map(formatFrame)).toEqual(['save_stack_trace+0x19/0x33']);
    expect(t.end).toBe(2);
  });

  it('stitches arm32 `from` pairs into one frame per function, x86-like', () => {
    const lines = L(`[<c0015ae8>] (unwind_backtrace) from [<c0011cf4>] (show_stack+0x10/0x14)
[<c0011cf4>] (show_stack) from [<c04f8b40>] (dump_stack+0x8c/0xc0)
 r5:80398918 r4:00000000
[<c04f8b40>] (dump_stack) from [<c04f5cc8>] (print_circular_bug+0x284/0x2d0)
[<807bcea0>] (gic_handle_irq) from [<80100b30>] (__irq_svc+0x70/0x98)
Exception stack(0x83341a90 to 0x83341ad8)
1a80:                                     d1ee2b67 d1ee2b67 00000001 00015a2e
[<80df844c>] (_raw_spin_unlock_irqrestore) from [<80726a08>] (__debug_check_no_obj_freed+0x128/0x240)
`);
    const t = readTrace(lines, 0);
    expect(t.frames).toEqual([
      {
        function: 'unwind_backtrace',
        offset: null,
        module: null,
        unreliable: false,
        file: null,
        line: null,
        address: 'c0015ae8',
      },
      {
        function: 'show_stack',
        offset: '0x10/0x14',
        module: null,
        unreliable: false,
        file: null,
        line: null,
        address: 'c0011cf4',
      },
      {
        function: 'dump_stack',
        offset: '0x8c/0xc0',
        module: null,
        unreliable: false,
        file: null,
        line: null,
        address: 'c04f8b40',
      },
      {
        function: 'print_circular_bug',
        offset: '0x284/0x2d0',
        module: null,
        unreliable: false,
        file: null,
        line: null,
        address: 'c04f5cc8',
      },
      {
        function: 'gic_handle_irq',
        offset: null,
        module: null,
        unreliable: false,
        file: null,
        line: null,
        address: '807bcea0',
      },
      {
        function: '__irq_svc',
        offset: '0x70/0x98',
        module: null,
        unreliable: false,
        file: null,
        line: null,
        address: '80100b30',
      },
      {
        function: '_raw_spin_unlock_irqrestore',
        offset: null,
        module: null,
        unreliable: false,
        file: null,
        line: null,
        address: '80df844c',
      },
      {
        function: '__debug_check_no_obj_freed',
        offset: '0x128/0x240',
        module: null,
        unreliable: false,
        file: null,
        line: null,
        address: '80726a08',
      },
    ]);
    expect(t.frameLines).toEqual([0, 1, 3, 3, 4, 4, 7, 7]);
    expect(t.end).toBe(8);
  });

  it('stitches the arm32 5.x+ form', () => {
    expect(
      names(
        L(
          ' unwind_backtrace from show_stack+0x10/0x14\n show_stack from dump_stack_lvl+0x58/0x70\n dump_stack_lvl from print_circular_bug+0x2a4/0x2d0',
        ),
      ),
    ).toEqual([
      'unwind_backtrace',
      'show_stack+0x10/0x14',
      'dump_stack_lvl+0x58/0x70',
      'print_circular_bug+0x2a4/0x2d0',
    ]);
  });

  it('marks the frame before a powerpc `(unreliable)` line and reads past interrupt frames', () => {
    const lines = L(`Call Trace:
[c000000002163280] [c0000000015263d0] .dump_stack_lvl+0x8c/0xd0
 (unreliable)
[c000000002163300] [c0000000000e1714] .__lock_acquire+0x24c4/0x2500
[c0000000021638d0] [c00000000001dde4] exc_0x280_common+0x110/0x114
--- interrupt: 280 at .e500_idle+0x30/0x6c
NIP:  c00000000001f104 LR: c00000000001f104 CTR: c00000000001f0d4
<CE,EE,ME>  CR: 24042284  XER: 00000000
GPR04: ffffffffffffffff
c000000002187f50 0000000000000000 00000000fd236000
NIP [c00000000001f104] .e500_idle+0x30/0x6c
LR [c00000000001f104] .e500_idle+0x30/0x6c
--- interrupt: 280
[c000000002163be0] [c000000000008a54] .arch_cpu_idle+0x34/0xb0 (unreliable)
[c000000002163f90] [c000000000000a5c] start_here_common+0x1c/0x20

Do you have any clues what is wrong?`);
    expect(names(lines)).toEqual([
      '? dump_stack_lvl+0x8c/0xd0',
      '__lock_acquire+0x24c4/0x2500',
      'exc_0x280_common+0x110/0x114',
      '? arch_cpu_idle+0x34/0xb0',
      'start_here_common+0x1c/0x20',
    ]);
  });

  it('reads s390 traces, without the Last Breaking-Event-Address frame', () => {
    const lines = L(`CPU: 0 Not tainted 2.6.27-06509-g2515ddc-dirty #190
Process multipathd (pid: 3868, task: 000000003978a298, ksp: 0000000039b23eb8)
000000003978aa00 0000000039b238b8 0000000000000002 0000000000000000 
       0000000039b23958 0000000039b238d0 0000000039b238d0 00000000001060ee 
Call Trace:
([<0000000000106036>] show_trace+0xb2/0xd0)
 [<000000000010610c>] show_stack+0xb8/0xc8 
 [<000002000025a466>] 0x2000025a466
Last Breaking-Event-Address:
 [<0000000000114d2a>] sysc_do_svc+0x18/0x1c
INFO: lockdep is turned off.`);
    const t = readTrace(lines, 0);
    expect(t.frames.map(formatFrame)).toEqual([
      '? show_trace+0xb2/0xd0',
      'show_stack+0xb8/0xc8',
      '0x2000025a466',
    ]);
    expect(t.end).toBe(10);
  });

  it('joins an address wrapped away from its symbol', () => {
    const t = readTrace(
      L(
        '[<ffffffff81314d0c>] __driver_attach+0x3b/0x82\n[<ffffffffa02919ba>]\nfind_ref_lock+0x24/0x46 [videodev]\n',
      ),
      0,
    );
    expect(t.frames[1]).toEqual({
      function: 'find_ref_lock',
      offset: '0x24/0x46',
      module: 'videodev',
      unreliable: false,
      file: null,
      line: null,
      address: 'ffffffffa02919ba',
    });
    expect(t.frameLines).toEqual([0, 1]);
    expect(t.end).toBe(3);
  });

  it('returns end == start when there is no trace', () => {
    expect(readTrace(L('-> #0 (&x){+.+.}:\n foo+0x1/0x2'), 0)).toEqual({
      frames: [],
      frameLines: [],
      end: 0,
    });
    expect(
      readTrace(L('CPU: 1 PID: 8 Comm: x Not tainted 5.7.1 #1\nHardware name: x\n\n'), 0).end,
    ).toBe(0);
    expect(readTrace([], 0).end).toBe(0);
  });

  it('passes over a wrapped header tail and an interleaved printk before the first frame', () => {
    const lines = L(`stack backtrace:
CPU: 0 PID: 0 Comm: swapper/0 Not
tainted 5.9.0-rc3 #1
sdhci_msm 7864900.sdhci: Got CD GPIO
Hardware name: Qualcomm Technologies, Inc. APQ 8016 SBC (DT)
Call trace:
Kernel panic - not syncing: panic_on_warn set ...
 dump_backtrace+0x0/0x1f8
 show_stack+0x2c/0x38
`);
    expect(readTrace(lines, 0)).toMatchObject({ frameLines: [7, 8], end: 9 });
  });

  it('passes over nothing that surely starts something else, and nothing after a chain entry', () => {
    expect(
      readTrace(L('Call Trace:\n---[ end trace f645f233383c1141 ]---\n foo+0x1/0x2'), 0).frames,
    ).toEqual([]);
    expect(
      readTrace(L('CPU: 1 PID: 8 Comm: x Not tainted 5.7.1 #1\n\n foo+0x1/0x2'), 0).frames,
    ).toEqual([]);
    expect(readTrace(L('-> #1 (a){+.+.}:\n-> #0 (b){+.+.}:\n foo+0x1/0x2'), 1).frames).toEqual([]);
  });

  it('does not skip header lines once frames have begun', () => {
    expect(
      names(L(' foo+0x1/0x2\nCPU: 1 PID: 8 Comm: x Not tainted 5.7.1 #1\n bar+0x1/0x2')),
    ).toEqual(['foo+0x1/0x2']);
  });
});
