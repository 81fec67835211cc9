// What mail and chat do to a pasted report: quoting, commit-message indentation, hard wrapping,
// quoted-printable, flattening onto one line.
import { describe, expect, it } from 'vitest';
import { cleanText } from './index';
import { TEST_LINE_STARTS } from './test-vocabulary';

const clean = (input: string) => cleanText(input, { lineStarts: TEST_LINE_STARTS });
const texts = (input: string) => clean(input).lines.map((l) => l.text);
const lines = (...l: string[]) => l.join('\n');

describe('e-mail quoting', () => {
  it('strips "> ", ">>", "> > > ", " > " and a lone ">" with one space, keeping the indentation after it', () => {
    expect(
      texts(
        lines(
          '> -> #1 (pools_lock){+.+.+.}:',
          '>        __flush_work+0x331/0x490',
          '>> but task is already holding lock:',
          '> > > [    5.320084] no locks held by swapper/0/0.',
          ' > Thunderbird quoted',
          '>',
          '> ',
        ),
      ),
    ).toEqual([
      '-> #1 (pools_lock){+.+.+.}:',
      '       __flush_work+0x331/0x490',
      'but task is already holding lock:',
      'no locks held by swapper/0/0.',
      'Thunderbird quoted',
      '',
      '',
    ]);
  });

  it('strips a "|" block, with or without a space after the bar', () => {
    expect(
      texts(
        lines(
          '>> |[ INFO: possible circular locking dependency detected ]',
          '>> |3.17.0-rc4+ #1498 Not tainted',
          '>> | (s_active#28){++++.+}, at: f+0x1/0x2',
          '>> |',
        ),
      ),
    ).toEqual([
      '[ INFO: possible circular locking dependency detected ]',
      '3.17.0-rc4+ #1498 Not tainted',
      ' (s_active#28){++++.+}, at: f+0x1/0x2',
      '',
    ]);
    expect(texts(lines('| a', '| b', '|  c'))).toEqual(['a', 'b', ' c']);
  });

  it('leaves a lone "|" or "+" line alone', () => {
    expect(texts(lines('text', '| not a block', 'text'))).toEqual([
      'text',
      '| not a block',
      'text',
    ]);
    expect(texts(lines('+1 for this', 'ok'))).toEqual(['+1 for this', 'ok']);
  });

  it('strips C comment stars, diff pluses and FreeBSD "%" quoting when a block carries them', () => {
    expect(
      texts(
        lines(
          '/*',
          ' * ======================================================',
          ' *  *** DEADLOCK ***',
          ' *',
          ' *  lock(&a);',
          ' */',
        ),
      ),
    ).toEqual([
      '/*',
      '======================================================',
      ' *** DEADLOCK ***',
      '',
      ' lock(&a);',
      ' */',
    ]);
    expect(
      texts(
        lines(
          '+++ b/Documentation/x.rst',
          '+[   12.345678] WARNING: x',
          '+',
          '+[   12.345679]  #0: y',
          '+[   12.345680] z',
        ),
      ),
    ).toEqual(['+++ b/Documentation/x.rst', 'WARNING: x', '', ' #0: y', 'z']);
    expect(
      texts(
        lines(
          '%  1st 0xc165bdec inp (tcpinp) @ a.c:1',
          '%  2nd 0xc07cd240 pf (pf) @ b.c:2',
          '% KDB: stack backtrace:',
        ),
      ),
    ).toEqual([
      ' 1st 0xc165bdec inp (tcpinp) @ a.c:1',
      ' 2nd 0xc07cd240 pf (pf) @ b.c:2',
      'KDB: stack backtrace:',
    ]);
  });

  it('keeps a real " *** DEADLOCK ***" line', () => {
    expect(texts(lines(' lock(&a);', '', ' *** DEADLOCK ***', '', 'x'))).toEqual([
      ' lock(&a);',
      '',
      ' *** DEADLOCK ***',
      '',
      'x',
    ]);
  });
});

describe('commit-message indentation', () => {
  it('dedents a 4-space block around a banner, and a TAB-indented one', () => {
    expect(
      texts(
        lines(
          'reported a warning as follows',
          '',
          '    ====',
          '    =================================',
          '    WARNING: x',
          '       f+0x1/0x2',
          '',
          'Fix it.',
        ),
      ),
    ).toEqual([
      'reported a warning as follows',
      '',
      '====',
      '=================================',
      'WARNING: x',
      '   f+0x1/0x2',
      '',
      'Fix it.',
    ]);
    expect(
      texts(
        lines(
          'observed:',
          '',
          '\t=========================',
          '\tWARNING: held lock freed!',
          '\t#0: ffff888103f960e0 (&a){+.+.}-{4:4}, at: f+0x1/0x2',
          '',
          '\tstack backtrace:',
          '\t<TASK>',
        ),
      ),
    ).toEqual([
      'observed:',
      '',
      '=========================',
      'WARNING: held lock freed!',
      '#0: ffff888103f960e0 (&a){+.+.}-{4:4}, at: f+0x1/0x2',
      '',
      'stack backtrace:',
      '<TASK>',
    ]);
  });

  it('dedents only the report inside a git log excerpt (4 + 5 spaces)', () => {
    expect(
      texts(
        lines(
          'commit 9a5ad5c5',
          '',
          '    leds: trigger: fix',
          '',
          '     ========================================================',
          '     WARNING: possible irq lock inversion dependency detected',
          '      (&trig->leddev_list_lock){.+.?}-{2:2}',
          '    Signed-off-by: x',
        ),
      ),
    ).toEqual([
      'commit 9a5ad5c5',
      '',
      '    leds: trigger: fix',
      '',
      '========================================================',
      'WARNING: possible irq lock inversion dependency detected',
      ' (&trig->leddev_list_lock){.+.?}-{2:2}',
      '    Signed-off-by: x',
    ]);
  });

  it('dedents one space after a "> " quote ("  >  =====")', () => {
    expect(
      texts(
        lines(
          '>  =============================',
          '>  WARNING: suspicious RCU usage',
          '>   #0: ffffff81745d6ee8 (&a){+.+.}, at: f+0x1c/0x2c',
        ),
      ),
    ).toEqual([
      '=============================',
      'WARNING: suspicious RCU usage',
      ' #0: ffffff81745d6ee8 (&a){+.+.}, at: f+0x1c/0x2c',
    ]);
  });

  it('never dedents frames under a chain entry', () => {
    expect(texts(lines('-> #1 (&a){+.+.}:', '       f+0x1/0x2', '       g+0x1/0x2'))).toEqual([
      '-> #1 (&a){+.+.}:',
      '       f+0x1/0x2',
      '       g+0x1/0x2',
    ]);
  });
});

describe('hard wrapping', () => {
  const ruler = (s: string) => s.padEnd(72, '.');

  it('rejoins tails that lost the timestamp, and reports how many', () => {
    const out = clean(
      lines(
        ruler('[   28.557007] modprobe/684 is trying to acquire lock:'),
        '[   28.557007]  (&hdl->lock){+.+...}, at: [<ffffffffa02919ba>]',
        'find_ref_lock+0x24/0x46 [videodev]',
        '[   28.557007] Pid: 684, comm: modprobe Not tainted',
        '3.1.0-0.rc0.git19.1.fc17.x86_64 #1',
        '[ 1802.499649][T12345] WARNING: possible circular locking',
        'dependency detected',
      ),
    );
    expect(out.lines.map((l) => [l.text, l.origin, l.originEnd])).toEqual([
      [ruler('[   28.557007] modprobe/684 is trying to acquire lock:').slice(15), 1, 1],
      [' (&hdl->lock){+.+...}, at: [<ffffffffa02919ba>] find_ref_lock+0x24/0x46 [videodev]', 2, 3],
      ['Pid: 684, comm: modprobe Not tainted 3.1.0-0.rc0.git19.1.fc17.x86_64 #1', 4, 5],
      ['WARNING: possible circular locking dependency detected', 6, 7],
    ]);
    expect(out.diagnostics).toContainEqual({
      line: 3,
      severity: 'info',
      message: 'rejoined 3 wrapped lines (first at line 3)',
    });
  });

  it('rejoins a lock line cut after its instance address, with the caller id kept', () => {
    const out = clean(
      lines(
        ruler('[ 6971.258294][T106447] syz-executor/106447 is trying to acquire lock:'),
        '[ 6971.262149][T106447] ffff888023bfad00',
        '(team->team_lock_key#6){+.+.}-{3:3}, at: team_port_change_che0',
      ),
    );
    expect(out.lines[1]).toEqual({
      text: 'ffff888023bfad00 (team->team_lock_key#6){+.+.}-{3:3}, at: team_port_change_che0',
      origin: 2,
      originEnd: 3,
      stream: 'T106447',
    });
  });

  it('rejoins a tail that lost the quote', () => {
    expect(
      texts(
        lines(
          ruler('> > > [    5.320063] x'),
          '> > > [    5.320063] /usr/src/kernel/include/trace/events/lock.h:37',
          'suspicious rcu_dereference_check() usage!',
        ),
      )[1],
    ).toBe(
      '/usr/src/kernel/include/trace/events/lock.h:37 suspicious rcu_dereference_check() usage!',
    );
  });

  it('rejoins a journald "kernel:" line wrapped right after its prefix', () => {
    const pad = ' '.repeat(34);
    const first = ruler('[    7.887316] fmac.local kernel:   lock(sb_pagefaults);');
    expect(
      texts(
        lines(
          first,
          '[    7.887317] fmac.local kernel:',
          'lock(&mm->mmap_sem#2);',
          '[    7.887321] fmac.local kernel:',
          `${pad} *** DEADLOCK ***`,
        ),
      ),
    ).toEqual([first.slice(34), 'lock(&mm->mmap_sem#2);', '', ' *** DEADLOCK ***']);
  });

  it('keeps prefix-less continuation lines of an i915 CI log', () => {
    expect(
      texts(lines('<4> [197.079335] ', 'but task is already holding lock:', '<4> [197.079340] x')),
    ).toEqual(['', 'but task is already holding lock:', 'x']);
  });

  it('rejoins mid-phrase tails of unprefixed text only', () => {
    // filler at the front so that each first line ends near the 72-column wrap
    const wide = (s: string) => `${'x'.repeat(71 - s.length)} ${s}`;
    expect(
      texts(
        lines(
          ruler('hardirqs last  enabled at (208973): [<c02661f0>] _spin_unlock+0x36/0x55'),
          wide('the existing dependency chain (in'),
          'reverse order) is:',
          wide(' #0:  (&__lockdep_no_validate__){......}, at:'),
          '[<ffffffff81314d0c>] __driver_attach+0x3b/0x82',
          ruler('hardirqs last disabled at (208972): [<c0265c4b>] _spin_lock+0xf/0x3c'),
          'softirqs last  enabled at (208970): [<c021367d>] lock_sock+0x1/0x2',
          ruler('[ INFO: possible circular locking dependency detected ]'),
          'two',
        ),
      ),
    ).toEqual([
      ruler('hardirqs last  enabled at (208973): [<c02661f0>] _spin_unlock+0x36/0x55'),
      wide('the existing dependency chain (in') + ' reverse order) is:',
      wide(' #0:  (&__lockdep_no_validate__){......}, at:') +
        ' [<ffffffff81314d0c>] __driver_attach+0x3b/0x82',
      ruler('hardirqs last disabled at (208972): [<c0265c4b>] _spin_lock+0xf/0x3c'),
      'softirqs last  enabled at (208970): [<c021367d>] lock_sock+0x1/0x2',
      ruler('[ INFO: possible circular locking dependency detected ]'),
      'two',
    ]);
  });

  it('does not rejoin when lines are longer than any mailer wraps', () => {
    const long = 'x'.repeat(120);
    expect(texts(lines(long, long, `${long} (in`, 'reverse order) is:', long))).toHaveLength(5);
  });
});

describe('quoted-printable', () => {
  it('decodes soft breaks, =3D, =20 and NBSP runs, keeping the original line span', () => {
    const out = clean(
      lines(
        '> > =3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=3D=',
        '=3D=3D=3D',
        '> > WARNING: possible irq lock inversion dependency detected',
        '> > 6.11.0-rc6+ #59 Tainted: G=C2=A0=C2=A0 W',
        '> >=20',
        '> > ffffa0f0cff965f0 (&vdev->irqlock){-...}-{2:2}, at: vfio_intx_handler+0x21/=',
        '0xd0 [vfio_pci_core]',
      ),
    );
    expect(out.lines.map((l) => [l.text, l.origin, l.originEnd])).toEqual([
      ['==========================', 1, 2],
      ['WARNING: possible irq lock inversion dependency detected', 3, 3],
      ['6.11.0-rc6+ #59 Tainted: G   W', 4, 4],
      ['', 5, 5],
      [
        'ffffa0f0cff965f0 (&vdev->irqlock){-...}-{2:2}, at: vfio_intx_handler+0x21/0xd0 [vfio_pci_core]',
        6,
        7,
      ],
    ]);
    expect(out.diagnostics.map((d) => d.message)).toContain(
      'decoded quoted-printable (=3D, =20, soft line breaks)',
    );
  });

  it('leaves text with plain "=" banners alone', () => {
    const input = lines(
      '======================================================',
      'x =3D y',
      'rcu_scheduler_active = 2, debug_locks = 1',
      'a=20',
    );
    expect(texts(input)).toEqual(input.split('\n'));
  });
});

describe('reports flattened onto one line', () => {
  const flat =
    'syzbot reported a lock held when returning to userspace[1].  Fix it.  [1] WARNING: lock held when returning to user space! ' +
    '6.13.0-rc3-syzkaller-00209-g499551201b5f #0 Not tainted ------------------------------------------------ ' +
    'syz-executor133/5823 is leaving the kernel with locks still held! 1 lock held by syz-executor133/5823: ' +
    '#0: ffff888071cffc00 (&sb->s_type->i_mutex_key#9){++++}-{4:4}, at: inode_lock include/linux/fs.h:818 [inline] ' +
    '#0: ffff888071cffc00 (&sb->s_type->i_mutex_key#9){++++}-{4:4}, at: afs_proc_addr_prefs_write+0x2bb/0x14e0 fs/afs/addr_prefs.c:388';

  it('cuts before each line start, never inside a lock line or off an "at:" frame', () => {
    const out = clean(`<blockquote>\n${flat}\n</blockquote>`);
    expect(out.lines.map((l) => l.text)).toEqual([
      '<blockquote>',
      'syzbot reported a lock held when returning to userspace[1].  Fix it.  [1]',
      'WARNING: lock held when returning to user space!',
      '6.13.0-rc3-syzkaller-00209-g499551201b5f #0 Not tainted',
      '------------------------------------------------',
      'syz-executor133/5823 is leaving the kernel with locks still held!',
      '1 lock held by syz-executor133/5823:',
      '#0: ffff888071cffc00 (&sb->s_type->i_mutex_key#9){++++}-{4:4}, at: inode_lock include/linux/fs.h:818 [inline]',
      '#0: ffff888071cffc00 (&sb->s_type->i_mutex_key#9){++++}-{4:4}, at: afs_proc_addr_prefs_write+0x2bb/0x14e0 fs/afs/addr_prefs.c:388',
      '</blockquote>',
    ]);
    expect(out.lines.every((l, i) => l.origin === (i === 0 ? 1 : i === 9 ? 3 : 2))).toBe(true);
    expect(out.diagnostics.map((d) => d.message)).toContain(
      're-split a line flattened onto one line (line 2)',
    );
  });

  it('leaves a long line alone without a vocabulary, and a long line with one line start', () => {
    expect(cleanText(flat).lines).toHaveLength(1);
    expect(texts(`${'word '.repeat(60)}WARNING: x`)).toHaveLength(1);
  });
});

describe('the lineStarts convention', () => {
  it('tolerates a leading ^ and flags, and tests from the first non-blank character', () => {
    const flat = `${'x '.repeat(100)}Alpha one beta two ALPHA three`;
    const out = cleanText(flat, { lineStarts: [/^Alpha /, /beta/i] }).lines.map((l) => l.text);
    expect(out).toEqual([`${'x '.repeat(100)}`.trimEnd(), 'Alpha one', 'beta two ALPHA three']);
  });

  it('copes with regexes that cannot be combined into one', () => {
    const flat = `${'x '.repeat(100)}aa one bb two`;
    const out = cleanText(flat, { lineStarts: [/(?<w>a)\k<w>/, /(?<w>b)\k<w>/] }).lines.map(
      (l) => l.text,
    );
    expect(out).toEqual([`${'x '.repeat(100)}`.trimEnd(), 'aa one', 'bb two']);
  });
});
