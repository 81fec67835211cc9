import { describe, expect, it } from 'vitest';
import { cleanText } from './index';
import { TEST_LINE_STARTS } from './test-vocabulary';

const clean = (input: string) => cleanText(input, { lineStarts: TEST_LINE_STARTS });
const texts = (input: string) => clean(input).lines.map((l) => l.text);
const lines = (...l: string[]) => l.join('\n');

describe('dmesg timestamps and caller ids', () => {
  it('strips the timestamp and exactly one space, keeping the indentation after it', () => {
    expect(
      texts(
        lines(
          '[ 1802.499647] ======================================================',
          '[ 1802.499655] drv_selftest/12037 is trying to acquire lock:',
          '[   28.557007]  (&hdl->lock){+.+...}, at: [<ffffffffa02919ba>] find_ref_lock+0x24/0x46',
          '[17179587.989225]  [<000000000010610c>] show_stack+0xb8/0xc8',
          '[  127.562560] ',
          '[  127.562561]',
          '[ 1802.499707]        __do_fault+0x1b/0x80',
        ),
      ),
    ).toEqual([
      '======================================================',
      'drv_selftest/12037 is trying to acquire lock:',
      ' (&hdl->lock){+.+...}, at: [<ffffffffa02919ba>] find_ref_lock+0x24/0x46',
      ' [<000000000010610c>] show_stack+0xb8/0xc8',
      '',
      '',
      '       __do_fault+0x1b/0x80',
    ]);
  });

  it('reads printk caller ids as streams, padded or not', () => {
    const out = clean(
      lines(
        '[  414.269022][T17509] =====================================================',
        '[    0.000000][    C0] Linux version 6.1',
        '[ 6971.258294][T106447] syz-executor/106447 is trying to acquire lock:',
      ),
    ).lines;
    expect(out.map((l) => [l.text, l.stream])).toEqual([
      ['=====================================================', 'T17509'],
      ['Linux version 6.1', 'C0'],
      ['syz-executor/106447 is trying to acquire lock:', 'T106447'],
    ]);
  });

  it('gives lines without an id the stream of the line before', () => {
    const out = clean(
      lines(
        '[  1.000000][ T1] 2 locks held by a/1:',
        'tail without prefix',
        '[  1.000001][ T2] x',
        '[  1.000002][ T1] y',
      ),
    ).lines;
    expect(out.map((l) => l.stream)).toEqual(['T1', 'T1', 'T2', 'T1']);
  });

  it('has no stream when there are no caller ids', () => {
    expect(clean('[ 1.000000] x\ny').lines.map((l) => l.stream)).toEqual([null, null]);
  });
});

describe('log levels, syslog and journal prefixes', () => {
  it('strips <N>, with and without a timestamp, and i915 CI "<4> [ts] "', () => {
    expect(
      texts(
        lines(
          '<4>[   12.345600] WARNING: x',
          '<4> [1802.499647]  #0: y',
          '<6>Linux version 6.1',
          '<4> [197.079335] ',
        ),
      ),
    ).toEqual(['WARNING: x', ' #0: y', 'Linux version 6.1', '']);
  });

  it('strips syslog dates with the host, also around a dmesg timestamp', () => {
    expect(
      texts(
        lines(
          'Jul 10 16:12:52 host kernel: WARNING: possible circular locking dependency detected',
          'Jul  1 06:02:03 my-box.example kernel:  #0: x',
          'Jul 10 16:12:52 host kernel: [ 1234.567890] ======',
          '2020-06-22T15:46:56.123456+02:00 host kernel: lock(&a);',
        ),
      ),
    ).toEqual([
      'WARNING: possible circular locking dependency detected',
      ' #0: x',
      '======',
      'lock(&a);',
    ]);
  });

  it('strips journalctl "[ts] host kernel:" and a bare "kernel: "', () => {
    expect(
      texts(
        lines(
          '[    7.886892] fmac.local kernel: WARNING: x',
          'kernel:       __lock_acquire+0x798/0xe50',
          'kernel:',
        ),
      ),
    ).toEqual(['WARNING: x', '      __lock_acquire+0x798/0xe50', '']);
  });

  it('removes the journald continuation indent and keeps the relative indent after it', () => {
    const pad = ' '.repeat(34);
    const out = clean(
      lines(
        '[    7.886926] fmac.local kernel:',
        `${pad}but task is already holding lock:`,
        '[    7.887321] fmac.local kernel:',
        `${pad} *** DEADLOCK ***`,
      ),
    );
    expect(out.lines.map((l) => l.text)).toEqual([
      '',
      'but task is already holding lock:',
      '',
      ' *** DEADLOCK ***',
    ]);
  });

  it('removes util-linux dmesg continuation indent (the message column)', () => {
    expect(
      texts(lines('[    5.998894] ', '               other info that might help us debug this:')),
    ).toEqual(['', 'other info that might help us debug this:']);
  });

  it('strips FreeBSD msgbuf timestamps only when a run of lines carries them', () => {
    expect(
      texts(
        lines(
          '[318] lock order reversal:',
          '[318]  1st 0xfffff800061c4d80 a (a) @ x.c:74',
          '[318] KDB: stack backtrace:',
        ),
      ),
    ).toEqual([
      'lock order reversal:',
      ' 1st 0xfffff800061c4d80 a (a) @ x.c:74',
      'KDB: stack backtrace:',
    ]);
    expect(texts('[1] WARNING: lock held when returning to user space!')).toEqual([
      '[1] WARNING: lock held when returning to user space!',
    ]);
  });

  it('strips Valgrind pid columns', () => {
    expect(
      texts(
        lines(
          '==19820== Thread #27: lock order "0x1 before 0x2" violated',
          '==19820==    at 0x4C3: f (a.c:1)',
        ),
      ),
    ).toEqual(['Thread #27: lock order "0x1 before 0x2" violated', '   at 0x4C3: f (a.c:1)']);
  });
});

describe('escaped newlines and TABs', () => {
  it('splits rsyslog #012 and expands #011, even mid-line', () => {
    const out = clean(
      lines(
        'kernel: #012but task is already holding lock:',
        'kernel: Chain exists of:#012  &ids->rwsem --> &a#011x',
        'kernel: #012 *** DEADLOCK ***',
      ),
    );
    expect(out.lines.map((l) => [l.text, l.origin])).toEqual([
      ['', 1],
      ['but task is already holding lock:', 1],
      ['Chain exists of:', 2],
      ['  &ids->rwsem --> &a    x', 2],
      ['', 3],
      [' *** DEADLOCK ***', 3],
    ]);
    expect(out.diagnostics.some((d) => /escaped newlines/.test(d.message))).toBe(true);
  });

  it('re-splits an i915 CI log flattened onto one line with literal \\x0a (seed 004)', () => {
    const flat =
      'reclaim, e.g.: <4> [1802.499647] ====================================================== ' +
      '<4> [1802.499649] WARNING: possible circular locking dependency detected <4> [1802.499655] drv_selftest/12037 is trying to acquire lock: ' +
      '<4> [1802.499664] \\x0abut task is already holding lock: <4> [1802.499698] \\x0awhich lock already depends on the new lock.\\x0a ' +
      '<4> [1802.499703] \\x0a-> #4 (&dev->struct_mutex){+.+.}: <4> [1802.499713] __do_fault+0x1b/0x80';
    expect(texts(flat)).toEqual([
      'reclaim, e.g.:',
      '======================================================',
      'WARNING: possible circular locking dependency detected',
      'drv_selftest/12037 is trying to acquire lock:',
      '',
      'but task is already holding lock:',
      '',
      'which lock already depends on the new lock.',
      '',
      '',
      '-> #4 (&dev->struct_mutex){+.+.}:',
      '__do_fault+0x1b/0x80',
    ]);
  });

  it('treats a two-character \\n as a separator only when lines start after it', () => {
    expect(
      texts(
        '"WARNING: possible recursive locking detected\\n6.1.0 #1 Not tainted\\n--------------------------------------------\\nx"',
      ),
    ).toEqual([
      '"WARNING: possible recursive locking detected',
      '6.1.0 #1 Not tainted',
      '--------------------------------------------',
      'x"',
    ]);
    expect(texts('\tpr_warn("lock(%s);\\n", name); pr_cont("\\n");')).toEqual([
      '        pr_warn("lock(%s);\\n", name); pr_cont("\\n");',
    ]);
  });
});

describe('line breaks and characters', () => {
  it('handles CRLF, serial console CR CR LF, literal ^M, and numbers lines as editors do', () => {
    const out = clean('a\r\nb\r\r\nc^M\nd\re');
    expect(out.lines.map((l) => [l.text, l.origin])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 4],
      ['d', 5],
      ['e', 6],
    ]);
  });

  it('removes ANSI escapes and control characters', () => {
    expect(
      texts(
        '[....] Starting sshd\x1b[?25l\x1b[?1c\x1b7\x1b[1G[\x1b[32m ok \x1b[39;49m\x1b8\x1b[?25h\x1b[?0c.\x07',
      ),
    ).toEqual(['[....] Starting sshd[ ok .']);
  });

  it('expands TABs to the next multiple of 8 and turns no-break spaces into spaces', () => {
    expect(texts('\tlock(&a);\nab\tc\nTainted: G\u00a0\u00a0W\u200b')).toEqual([
      '        lock(&a);',
      'ab      c',
      'Tainted: G  W',
    ]);
  });

  it('trims trailing blanks', () => {
    expect(texts('> 5.7.1mq+ #383 Tainted: G           O     \n[ 1.000000] x   ')).toEqual([
      '5.7.1mq+ #383 Tainted: G           O',
      'x',
    ]);
  });

  it('splits a splat glued to a userspace line', () => {
    expect(
      texts(
        'Delete files in sequential order...[  162.282301] ======================================================',
      ),
    ).toEqual([
      'Delete files in sequential order...',
      '======================================================',
    ]);
  });
});
