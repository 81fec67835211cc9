// A hand-written dmesg log for the permalink tests: boot noise, a lockdep circular report with
// timestamps, frame and instance addresses and a register dump, then a second, recursive report.
// The first report's lock names hold markup, which must come back as plain text.

const CIRCULAR = `======================================================
WARNING: possible circular locking dependency detected
6.8.0-widget+ #3 Not tainted
------------------------------------------------------
widgetd/4242 is trying to acquire lock:
ffff888012345678 (&w-><b>cfg</b>_lock){+.+.}-{3:3}, at: widget_apply+0x2a/0x90 [widget]

but task is already holding lock:
ffff888087654321 (&w->state_mutex){+.+.}-{3:3}, at: widget_ioctl+0x51/0x200 [widget]

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (&w->state_mutex){+.+.}-{3:3}:
       [<ffffffff810f1234>] __mutex_lock+0x8b/0x9c0
       [<ffffffffa0101a2b>] widget_reconfigure+0x33/0x120 [widget]
       [<ffffffffa0101c40>] widget_apply+0x60/0x90 [widget]
       [<ffffffff81002345>] process_one_work+0x2b4/0x5f0

-> #0 (&w-><b>cfg</b>_lock){+.+.}-{3:3}:
       [<ffffffff810f5678>] __lock_acquire+0x1402/0x2a40
       [<ffffffff810f6789>] lock_acquire+0xd1/0x2e0
       [<ffffffff810f1234>] __mutex_lock+0x8b/0x9c0
       [<ffffffffa0101a2b>] widget_apply+0x2a/0x90 [widget]
       [<ffffffffa0101e10>] widget_ioctl+0x80/0x200 [widget]
       [<ffffffff81300abc>] __x64_sys_ioctl+0x8f/0xd0

other info that might help us debug this:

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&w->state_mutex);
                               lock(&w-><b>cfg</b>_lock);
                               lock(&w->state_mutex);
  lock(&w-><b>cfg</b>_lock);

 *** DEADLOCK ***

1 lock held by widgetd/4242:
 #0: ffff888087654321 (&w->state_mutex){+.+.}-{3:3}, at: widget_ioctl+0x51/0x200 [widget]

stack backtrace:
CPU: 1 PID: 4242 Comm: widgetd Not tainted 6.8.0-widget+ #3
Hardware name: Widget Labs Board/Widget, BIOS 1.0 01/01/2024
Call Trace:
 <TASK>
 dump_stack_lvl+0x4f/0x80
 check_noncircular+0x132/0x150
 __lock_acquire+0x1402/0x2a40
 lock_acquire+0xd1/0x2e0
 __mutex_lock+0x8b/0x9c0
 widget_apply+0x2a/0x90 [widget]
 widget_ioctl+0x80/0x200 [widget]
 __x64_sys_ioctl+0x8f/0xd0
 do_syscall_64+0x5d/0x120
 entry_SYSCALL_64_after_hwframe+0x6e/0x76
RIP: 0033:0x7f3a2b1c9d4b
RSP: 002b:00007ffd1a2b3c48 EFLAGS: 00000246 ORIG_RAX: 0000000000000010
RAX: ffffffffffffffda RBX: 0000000000000003 RCX: 00007f3a2b1c9d4b
 </TASK>`;

const RECURSIVE = `============================================
WARNING: possible recursive locking detected
6.8.0-widget+ #3 Not tainted
--------------------------------------------
widgetd/4243 is trying to acquire lock:
ffff888011112222 (&w->list_lock){+.+.}-{2:2}, at: widget_walk+0x10/0x40 [widget]

but task is already holding lock:
ffff888011113333 (&w->list_lock){+.+.}-{2:2}, at: widget_walk+0x10/0x40 [widget]

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(&w->list_lock);
  lock(&w->list_lock);

 *** DEADLOCK ***

 May be due to missing lock nesting notation

1 lock held by widgetd/4243:
 #0: ffff888011113333 (&w->list_lock){+.+.}-{2:2}, at: widget_walk+0x10/0x40 [widget]

stack backtrace:
CPU: 0 PID: 4243 Comm: widgetd Not tainted 6.8.0-widget+ #3
Call Trace:
 <TASK>
 dump_stack_lvl+0x4f/0x80
 __lock_acquire+0x1402/0x2a40
 lock_acquire+0xd1/0x2e0
 _raw_spin_lock+0x2f/0x40
 widget_walk+0x10/0x40 [widget]
 </TASK>`;

function stamp(text: string, from: number): string {
  return text
    .split('\n')
    .map((line, i) => `[  ${(from + i / 1000).toFixed(6)}] ${line}`)
    .join('\n');
}

const NOISE = Array.from(
  { length: 40 },
  (_, i) => `usb 1-${i % 4}: new high-speed USB device number ${i + 2} using xhci_hcd`,
).join('\n');

export const SAMPLE_LOG = [
  stamp(NOISE, 3),
  stamp(CIRCULAR, 42),
  stamp(NOISE, 50),
  stamp(RECURSIVE, 77),
].join('\n');

/** The markup the first report's lock class carries. */
export const MARKUP_CLASS = '&w-><b>cfg</b>_lock';
