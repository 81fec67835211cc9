// The two importers on already-clean lines (no cleaner involved): what each reader makes of the
// printf formats, and where one report ends and the next begins.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../model/types';
import type { CleanLine } from '../clean/types';
import { freebsdWitnessParser, openbsdWitnessParser } from './index';

/** Far above any normal run even on a loaded machine; speed itself is measured by `npm run bench`. */
const HANG_MS = 20_000;

function toLines(text: string): CleanLine[] {
  return text
    .split('\n')
    .map((t, i) => ({ text: t, origin: i + 1, originEnd: i + 1, stream: null }));
}

/** The driver's scan (parse/index.ts) with only the WITNESS importers. */
function scan(text: string): Report[] {
  const lines = toLines(text);
  const reports: Report[] = [];
  let i = 0;
  while (i < lines.length) {
    const p = [openbsdWitnessParser, freebsdWitnessParser].find((q) => q.sniff(lines, i));
    if (!p) {
      i++;
      continue;
    }
    const { report, end } = p.parse(lines, i);
    reports.push(report);
    i = Math.max(end, i + 1);
  }
  return reports;
}

const deps = (r: Report) =>
  r.dependencies.map((d) => `${d.prev} -> ${d.next}${d.isNew ? ' new' : ''} (${d.trace.length})`);

describe('lock order reversal', () => {
  it('reads the 13+ form: established edge 2nd -> 1st, attempted edge 1st -> 2nd, named by lock name', () => {
    const [r, ...rest] = scan(
      [
        'lock order reversal:',
        ' 1st 0xfffff80003c1 so_snd (so_snd, sleep mutex) @ /usr/src/sys/kern/uipc_socket.c:10',
        ' 2nd 0xfffff80003c2 inp (udpinp, rw) @ /usr/src/sys/netinet/udp_usrreq.c:20',
        'lock order udpinp -> so_snd established at:',
        '#0 0xffffffff80c1 at witness_checkorder+0x46d',
        '#1 0xffffffff80c2 at udp_send+0x12',
        'lock order so_snd -> udpinp attempted at:',
        '#0 0xffffffff80c3 at witness_checkorder+0xc73',
        '#1 0xffffffff80c4 at _rw_wlock_cookie+0x6a',
        '#2 0xffffffff80c5 at sosend_dgram+0x99',
      ].join('\n'),
    );
    expect(rest).toEqual([]);
    expect(r!.format).toBe('freebsd-witness');
    // report-json.md: a WITNESS lock is named by the lock name before " (type…)"; the
    // "established at"/"attempted at" headers print types and are mapped back ("udpinp" -> "inp")
    expect(r!.title).toBe('lock order reversal: so_snd -> inp');
    expect(r!.classes).toEqual([
      {
        name: 'so_snd',
        usage: null,
        waitType: null,
        witnessType: 'so_snd',
        lockKind: 'sleep mutex',
      },
      { name: 'inp', usage: null, waitType: null, witnessType: 'udpinp', lockKind: 'rw' },
    ]);
    expect(r!.cycle).toEqual(['so_snd', 'inp']);
    expect(deps(r!)).toEqual(['inp -> so_snd (2)', 'so_snd -> inp new (3)']);
    expect(r!.trace.map((f) => f.function)).toEqual([
      'witness_checkorder',
      '_rw_wlock_cookie',
      'sosend_dgram',
    ]);
    expect(r!.lines).toEqual({ start: 1, end: 10 });
    expect(r!.spans!.filter((s) => s.role !== 'frame').map((s) => s.ref)).toEqual([
      null,
      'so_snd',
      'inp',
      'inp -> so_snd',
      'so_snd -> inp',
    ]);
  });

  it('reads the three-lock form: held order 1st -> 2nd, attempted 2nd -> 3rd', () => {
    const [r] = scan(
      [
        'lock order reversal:',
        ' 1st 0x1 ufs (ufs) @ a.c:1',
        ' 2nd 0x2 bufwait (bufwait) @ b.c:2',
        ' 3rd 0x3 ufs (ufs) @ a.c:1',
      ].join('\n'),
    );
    expect(r!.title).toBe('lock order reversal: ufs -> bufwait -> ufs');
    expect(deps(r!)).toEqual(['ufs -> bufwait (0)', 'bufwait -> ufs new (0)']);
    expect(r!.cycle).toEqual(['ufs', 'bufwait']);
  });

  it('makes a rule violation the 2-cycle of the contract: established by the rule, no stack', () => {
    const [r] = scan(
      [
        'lock order reversal: (sleepable after non-sleepable)',
        ' 1st 0x1 a (a) @ a.c:1',
        ' 2nd 0x2 b (b) @ b.c:2',
      ].join('\n'),
    );
    expect(r!.cycle).toEqual(['a', 'b']);
    expect(deps(r!)).toEqual(['b -> a (0)', 'a -> b new (0)']);
    expect(r!.details!.rule).toBe('sleepable after non-sleepable');
    expect(r!.diagnostics!.map((x) => x.message).join()).toMatch(
      /every sleepable lock before every non-sleepable one, so b -> a stands as the established order/,
    );
  });

  it('starts at a lone 1st line when the header was lost, and resynchronises after a stray stack', () => {
    const rs = scan(
      [
        '#4 0xffff at vput+0x1',
        'foo() at foo+0x1/frame 0x1',
        ' 1st 0x1 a (a) @ a.c:1',
        ' 2nd 0x2 b (b) @ b.c:2',
      ].join('\n'),
    );
    expect(rs).toHaveLength(1);
    expect(rs[0]!.lines.start).toBe(3);
    expect(rs[0]!.diagnostics!.map((d) => d.message).join()).toMatch(/missing/);
  });

  it('splits several reports and leaves an unrelated panic alone', () => {
    const rs = scan(
      [
        'lock order reversal:',
        ' 1st 0x1 a (a, sx) @ a.c:1',
        ' 2nd 0x2 b (b, sx) @ b.c:2',
        'stack backtrace:',
        '#0 0x1 at witness_debugger+0x1',
        'lock order reversal:',
        ' 1st 0x3 c (c, sx) @ c.c:1',
        ' 2nd 0x4 d (d, sx) @ d.c:2',
        'panic: page fault',
        'cpuid = 0',
      ].join('\n'),
    );
    expect(rs.map((r) => [r.title, r.lines.start, r.lines.end])).toEqual([
      ['lock order reversal: a -> b', 1, 5],
      ['lock order reversal: c -> d', 6, 8],
    ]);
  });

  it('says when the paste stops before the 2nd line', () => {
    const [r] = scan(['lock order reversal:', ' 1st 0x1 a (a) @ a.c:1'].join('\n'));
    expect(r!.truncated).toBe(true);
    expect(r!.title).toBe('lock order reversal: a');
  });

  it('takes the new edge of an OpenBSD report from the stack that matches the current trace', () => {
    const [r] = scan(
      [
        'witness: lock order reversal:',
        ' 1st 0x1 inode (&ip->i_lock)',
        ' 2nd 0x2 netlock (netlock)',
        'lock order "&ip->i_lock"(rrwlock) -> "netlock"(rwlock) first seen at:',
        '#0  witness_checkorder+0x65e',
        '#1  rw_enter_write+0x5b',
        '#2  uvn_get+0xeb',
        'lock order "netlock"(rwlock) -> "&ip->i_lock"(rrwlock) first seen at:',
        '#0  witness_checkorder+0x65e',
        '#1  rw_enter+0xd4',
        '#2  VOP_LOCK+0x4b',
        'Stopped at      db_enter+0x18:  addq    $0x8,%rsp',
        'ddb{1}> trace',
        'db_enter() at db_enter+0x18',
        'witness_checkorder(fffffd806d95cb48,9,0) at witness_checkorder+0xf5a',
        'rw_enter(fffffd806d95cb38,1) at rw_enter+0xd4',
        'VOP_LOCK(fffffd806d9479e0,2001) at VOP_LOCK+0x4b',
        'ddb{1}> ps',
        '   PID     TID   PPID    UID  S       FLAGS  WAIT          COMMAND',
        '*51336  302653  84077      0  7         0x3                syz-executor',
        'ddb{1}> show all locks',
        'Process 51336 (syz-executor) thread 0xffff8000ffff62a0 (302653)',
        'exclusive rwlock netlock r = 0 (0xffffffff8277e670)',
        '#0  witness_lock+0x4b0',
        'ddb{1}> c',
        'an unrelated line',
      ].join('\n'),
    );
    expect(r!.format).toBe('openbsd-witness');
    // the "first seen at" lines print types and lock classes: "&ip->i_lock" is the lock "inode"
    expect(deps(r!)).toEqual(['inode -> netlock (3)', 'netlock -> inode new (3)']);
    expect(r!.classes).toEqual([
      {
        name: 'inode',
        usage: null,
        waitType: null,
        witnessType: '&ip->i_lock',
        lockKind: 'rrwlock',
      },
      { name: 'netlock', usage: null, waitType: null, witnessType: 'netlock', lockKind: 'rwlock' },
    ]);
    expect(r!.task).toEqual({ comm: 'syz-executor', pid: 51336 });
    expect(r!.heldLocks!.map((h) => h.class)).toEqual(['netlock']);
    expect(r!.trace).toHaveLength(4);
    expect(r!.lines.end).toBe(25);
  });

  it('reads an OpenBSD lock-order-data-missing pair as edges without stacks', () => {
    const [r] = scan(
      [
        'witness: lock order reversal:',
        ' 1st 0x1 fdlock (&fdp->fd_lock)',
        ' 2nd 0x2 inode (&ip->i_lock)',
        'lock order data w2 -> w1 missing',
        'lock order data w1 -> w2 missing',
      ].join('\n'),
    );
    expect(deps(r!)).toEqual(['inode -> fdlock (0)', 'fdlock -> inode new (0)']);
    expect(r!.lines.end).toBe(5);
  });

  it('names the OpenBSD print-cycle edges by lock name, a lock on no 1st/2nd line too', () => {
    const [r] = scan(
      [
        'witness: lock order reversal:',
        ' 1st 0x1 vmmaplk (&map->lock)',
        ' 2nd 0x2 inode (&ip->i_lock)',
        'lock order [1] vmmaplk (&map->lock) -> [2] inode (&ip->i_lock)',
        'lock order [2] inode (&ip->i_lock) -> [3] pmrlk (&uvm.pmr_lock)',
        'lock order [3] pmrlk (&uvm.pmr_lock) -> [1] vmmaplk (&map->lock)',
      ].join('\n'),
    );
    expect(r!.cycle).toEqual(['vmmaplk', 'inode', 'pmrlk']);
    expect(r!.classes.map((c) => [c.name, c.witnessType])).toEqual([
      ['vmmaplk', '&map->lock'],
      ['inode', '&ip->i_lock'],
      ['pmrlk', '&uvm.pmr_lock'],
    ]);
  });

  it('maps the 2026 chains through the lock lines, and leaves a type on no lock line as the type', () => {
    const [r] = scan(
      [
        'lock order reversal:',
        ' 1st 0x1 lle (lle, rw) @ a.c:1',
        ' 2nd 0x2 rcvbuf (so_rcv, sleep mutex) @ b.c:2',
        'All lock orders from so_rcv -> lle:',
        '"so_rcv" -> "tcp" -> "lle"',
      ].join('\n'),
    );
    expect(deps(r!)).toEqual([
      'rcvbuf -> tcp (0)',
      'tcp -> lle (0)',
      'rcvbuf -> lle (0)',
      'lle -> rcvbuf new (0)',
    ]);
    expect(r!.classes.map((c) => c.name)).toEqual(['lle', 'rcvbuf', 'tcp']);
    expect(r!.classes[2]!.witnessType).toBeUndefined();
  });

  it('closes a three-lock cycle through the 3rd when it is named apart from the 1st', () => {
    const [r] = scan(
      [
        'lock order reversal:',
        ' 1st 0x1 zfs0 (zfs, lockmgr) @ a.c:1',
        ' 2nd 0x2 bufwait (bufwait, lockmgr) @ b.c:2',
        ' 3rd 0x3 zfs1 (zfs, lockmgr) @ a.c:3',
        'lock order zfs -> bufwait established at:',
        '#0 0xffffffff80c1 at witness_checkorder+0x46d',
        'lock order bufwait -> zfs attempted at:',
        '#0 0xffffffff80c3 at witness_checkorder+0xc73',
      ].join('\n'),
    );
    expect(r!.title).toBe('lock order reversal: zfs0 -> bufwait -> zfs1');
    expect(r!.cycle).toEqual(['zfs1', 'bufwait']);
    expect(deps(r!)).toEqual([
      'zfs0 -> bufwait (0)',
      'zfs1 -> bufwait (1)',
      'bufwait -> zfs1 new (1)',
    ]);
  });

  it('warns when two locks of different types share a name, and makes the cycle a self-loop', () => {
    const [r] = scan(
      [
        'lock order reversal:',
        ' 1st 0xc1 inp (tcpinp) @ a.c:1',
        ' 2nd 0xc2 inp (udpinp) @ b.c:2',
      ].join('\n'),
    );
    expect(r!.cycle).toEqual(['inp']);
    expect(r!.classes).toEqual([
      { name: 'inp', usage: null, waitType: null, witnessType: 'tcpinp' },
    ]);
    expect(r!.diagnostics!.filter((d) => d.severity === 'warning').map((d) => d.message)).toEqual([
      'Two locks named "inp" have different witness types ("tcpinp", "udpinp"); the graph shows them as one lock class.',
    ]);
  });
});

describe('other WITNESS reports', () => {
  it('reads a duplicate lock as a self-loop', () => {
    const [r] = scan(
      [
        'acquiring duplicate lock of same type: "vnode interlock"',
        ' 1st vnode interlock @ a.c:1',
        ' 2nd vnode interlock @ a.c:2',
      ].join('\n'),
    );
    expect([r!.kind, r!.cycle, deps(r!), r!.lines.end]).toEqual([
      'duplicate-lock',
      ['vnode interlock'],
      ['vnode interlock -> vnode interlock new (0)'],
      3,
    ]);
  });

  it('names a duplicate lock by its instances, the quoted type beside them', () => {
    const [r] = scan(
      [
        'witness: acquiring duplicate lock of same type: "&pmap->pm_mtx"',
        ' 1st pmaplk',
        ' 2nd pmaplk',
      ].join('\n'),
    );
    expect([r!.title, r!.cycle, deps(r!)]).toEqual([
      'acquiring duplicate lock of same type: "&pmap->pm_mtx"',
      ['pmaplk'],
      ['pmaplk -> pmaplk new (0)'],
    ]);
    expect(r!.classes).toEqual([
      { name: 'pmaplk', usage: null, waitType: null, witnessType: '&pmap->pm_mtx' },
    ]);
    const [two] = scan(
      ['acquiring duplicate lock of same type: "em"', ' 1st em0 @ a.c:1', ' 2nd em1 @ a.c:2'].join(
        '\n',
      ),
    );
    expect([two!.cycle, deps(two!)]).toEqual([['em0', 'em1'], ['em0 -> em1 new (0)']]);
    // the 1st/2nd lines lost: only the type is known, and it stands in for the name
    const [bare] = scan('acquiring duplicate lock of same type: "vnode interlock"');
    expect(bare!.classes.map((c) => c.name)).toEqual(['vnode interlock']);
  });

  it('reads the OpenBSD blockable sleep lock panic without a place', () => {
    const [r] = scan(
      'panic: acquiring blockable sleep lock with spinlock or critical section held (rwlock) vmmaplk',
    );
    expect([r!.format, r!.kind, r!.classes[0]!.name]).toEqual([
      'openbsd-witness',
      'sleep-lock-in-critical-section',
      'vmmaplk',
    ]);
  });

  it('reads a FreeBSD thread-exit list and its panic', () => {
    const [r] = scan(
      [
        'Thread 0xfffff80012345678 exiting with the following locks held:',
        'exclusive sx allproc (allproc) r = 0 (0xffffffff81e98a30) locked @ /usr/src/sys/kern/kern_exit.c:300',
        'panic: Thread 0xfffff80012345678 cannot exit while holding sleeplocks',
        'cpuid = 2',
      ].join('\n'),
    );
    expect([r!.kind, r!.title, r!.heldLocks!.map((h) => h.at), r!.lines.end]).toEqual([
      'witness-other',
      'thread exiting with locks held: allproc',
      ['/usr/src/sys/kern/kern_exit.c:300'],
      4,
    ]);
  });

  it('names held locks by NAME and keeps (TYPE) and the lock class beside it', () => {
    const [r] = scan(
      [
        'uma_zalloc_arg: zone "PROC" with the following non-sleepable locks held:',
        'exclusive sleep mutex xDMA0 (xDMA) r = 0 (0xffffffff8421e530) locked @ /usr/src/sys/dev/xdma/xdma.c:86',
        'exclusive rwlock sysctllk r = 0 (0xffffffff82a3c1f8)',
      ].join('\n'),
    );
    expect(r!.title).toBe(
      'uma_zalloc_arg: zone "PROC" with non-sleepable locks held: xDMA0, sysctllk',
    );
    expect(r!.heldLocks!.map((h) => h.class)).toEqual(['xDMA0', 'sysctllk']);
    expect(r!.classes).toEqual([
      { name: 'xDMA0', usage: null, waitType: null, witnessType: 'xDMA', lockKind: 'sleep mutex' },
      { name: 'sysctllk', usage: null, waitType: null, lockKind: 'rwlock' },
    ]);
  });

  it('does not take a witness_warn-looking sentence without a lock list', () => {
    expect(scan('The driver runs with the following locks held:\nnothing else')).toEqual([]);
  });

  it('reads the turnstile panic with its thread backtrace', () => {
    const [r] = scan(
      [
        'Sleeping thread (tid 100409, pid 27858) owns a non-sleepable lock',
        'KDB: stack backtrace of thread 100409:',
        'sched_switch() at sched_switch+0x1a8/frame 0xfffffe00',
        'mi_switch() at mi_switch+0xe1/frame 0xfffffe01',
        'panic: sleeping thread',
      ].join('\n'),
    );
    expect([r!.kind, r!.truncated, r!.trace.length, r!.details!.thread, r!.lines.end]).toEqual([
      'witness-other',
      false,
      2,
      'pid 27858 tid 100409',
      5,
    ]);
  });

  it('reads lock assertion panics as witness-other', () => {
    const titles = scan(
      [
        'panic: Lock (sx) proctree not exclusively locked @ /usr/src/sys/kern/kern_exit.c:300.',
        'shared unlock of (sx) allproc @ kern/kern_proc.c:10',
        'while exclusively locked from kern/kern_proc.c:5',
        'panic: excl->ushare',
        'panic: mutex Giant not owned at ../../../kern/kern_synch.c:176',
        'mutex Giant not owned at in some prose is not a panic',
      ].join('\n'),
    ).map((r) => [r.kind, r.title, r.lines.start, r.lines.end]);
    expect(titles).toEqual([
      ['witness-other', 'lock (sx) proctree not exclusively locked', 1, 1],
      ['witness-other', 'shared unlock of (sx) allproc', 2, 4],
      ['witness-other', 'mutex Giant not owned', 5, 5],
    ]);
  });

  it('reads 5.x witness_sleep lines as one report', () => {
    const [r, ...rest] = scan(
      [
        '/sys/vm/uma_core.c:1355: could sleep with "inp" locked from /sys/netinet/tcp_usrreq.c:609',
        '/sys/vm/uma_core.c:1355: could sleep with "tcp" locked from /sys/netinet/tcp_usrreq.c:603',
      ].join('\n'),
    );
    expect(rest).toEqual([]);
    expect(r!.heldLocks!.map((h) => h.class)).toEqual(['inp', 'tcp']);
  });
});

describe('robustness', () => {
  it('never throws on fragments and stays linear on a long line', () => {
    const long = 'lock order reversal: ' + '1st 0x1 ('.repeat(50_000);
    const t0 = performance.now();
    expect(() => scan(long)).not.toThrow();
    expect(() => scan('lock order reversal:\n 1st 0x1 ((((\n 2nd 0x2 ))))')).not.toThrow();
    // a hang guard, not a speed check: super-linear blow-up on these inputs takes minutes
    expect(performance.now() - t0).toBeLessThan(HANG_MS);
  });
});

describe('long lines', () => {
  it('stays fast on adversarial megabyte lines after a header', () => {
    const t0 = performance.now();
    const rs = scan(
      [
        'lock order reversal:',
        ' 1st 0x1 a (a) @ a.c:1',
        ' 2nd 0x2 b (b) @ b.c:2',
        'lock order a established at: x' + ' '.repeat(1_000_000) + 'y',
        '1st 0x1 ' + '@'.repeat(1_000_000),
        'panic: acquiring blockable sleep lock with spinlock or critical section held (sx) ' +
          'a'.repeat(1_000_000),
        '   PID     TID   PPID    UID  S       FLAGS  WAIT          COMMAND',
        '1 2 ' + 'x'.repeat(1_000_000),
      ].join('\n'),
    );
    expect(rs).toHaveLength(1);
    // a hang guard, not a speed check: super-linear blow-up on these inputs takes minutes
    expect(performance.now() - t0).toBeLessThan(HANG_MS);
  });
});
