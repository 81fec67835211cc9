import { describe, expect, it } from 'vitest';
import {
  parseDuplicateLockLine,
  parseListedLockLine,
  parseNameTypeClass,
  parseOrderLockLine,
  splitTrailingGroup,
} from './lock-line';

describe('parseOrderLockLine', () => {
  it('reads the 13.0+ (type, class) form', () => {
    expect(
      parseOrderLockLine(
        ' 1st 0xfffff80003d2c0a8 ufs (ufs, lockmgr) @ /usr/src/sys/kern/vfs_subr.c:2875',
      ),
    ).toEqual({
      ordinal: '1st',
      address: '0xfffff80003d2c0a8',
      name: 'ufs',
      type: 'ufs',
      lockClass: 'lockmgr',
      file: '/usr/src/sys/kern/vfs_subr.c',
      line: 2875,
    });
  });

  it('keeps parentheses that belong to the name', () => {
    const l = parseOrderLockLine(
      ' 2nd 0xffffffd001 vm map (user) (vm map (user), sx) @ /sys/vm/vm_map.c:4103',
    )!;
    expect([l.name, l.type, l.lockClass]).toEqual(['vm map (user)', 'vm map (user)', 'sx']);
  });

  it('reads two-word classes and names with spaces', () => {
    const l = parseOrderLockLine(
      '1st 0xc07cd240 pf task mtx (pf task mtx, sleep mutex) @ /sys/netpfil/pf/pf.c:5828',
    )!;
    expect([l.name, l.type, l.lockClass]).toEqual(['pf task mtx', 'pf task mtx', 'sleep mutex']);
    const r = parseOrderLockLine(
      ' 3rd 0xfffffe0011 sleepable thing (sleepable thing, sleepable rm) @ a.c:1',
    )!;
    expect([r.ordinal, r.type, r.lockClass]).toEqual(['3rd', 'sleepable thing', 'sleepable rm']);
  });

  it('tells an instance name from its witness type in the old (type) form', () => {
    const l = parseOrderLockLine(
      '  1st 0xc165bdec inp (tcpinp) @ /usr/src/sys/netinet/tcp_syncache.c:1161',
    )!;
    expect([l.name, l.type, l.lockClass, l.line]).toEqual(['inp', 'tcpinp', null, 1161]);
  });

  it('reads C-expression names and types (ZFS, OpenBSD)', () => {
    const z = parseOrderLockLine(
      ' 1st 0xfffff8 zfsvfs->z_hold_mtx[i] (zfsvfs->z_hold_mtx[i], sx) @ zfs_znode.c:1',
    )!;
    expect([z.name, z.type]).toEqual(['zfsvfs->z_hold_mtx[i]', 'zfsvfs->z_hold_mtx[i]']);
    const o = parseOrderLockLine(' 1st 0xfffffd8073f0e448 fdlock (&newfdp->fd_fd.fd_lock)')!;
    expect([o.name, o.type, o.file, o.line]).toEqual([
      'fdlock',
      '&newfdp->fd_fd.fd_lock',
      null,
      null,
    ]);
  });

  it('accepts "@/usr/src" without a space and relative paths', () => {
    const l = parseOrderLockLine(
      ' 2nd 0xc07cd240 dn->dn_mtx (dn->dn_mtx)@../../../kern/kern_mutex.c:42',
    )!;
    expect([l.type, l.file, l.line]).toEqual(['dn->dn_mtx', '../../../kern/kern_mutex.c', 42]);
  });

  it('leaves other lines alone', () => {
    expect(parseOrderLockLine('1st of all, the lock')).toBeNull();
    expect(parseOrderLockLine('lock order reversal:')).toBeNull();
  });
});

describe('splitTrailingGroup', () => {
  it('prefers the split where the type repeats the name', () => {
    expect(splitTrailingGroup('a (b) (a (b))')).toEqual({ name: 'a (b)', inner: 'a (b)' });
    expect(splitTrailingGroup('802.11 com lock (802.11 com lock, sleep mutex)')).toEqual({
      name: '802.11 com lock',
      inner: '802.11 com lock, sleep mutex',
    });
  });

  it('copes with unbalanced names when the type repeats the name', () => {
    expect(splitTrailingGroup('odd( (odd(, sx)')).toEqual({ name: 'odd(', inner: 'odd(, sx' });
  });

  it('falls back to the group that closes the line', () => {
    expect(splitTrailingGroup('so_snd (sosnd (tcp))')).toEqual({
      name: 'so_snd',
      inner: 'sosnd (tcp)',
    });
    expect(splitTrailingGroup('no group here')).toBeNull();
  });
});

describe('parseNameTypeClass', () => {
  it('returns the whole text as name and type when there is no group', () => {
    expect(parseNameTypeClass('Giant @ kern/kern_mutex.c:1')).toEqual({
      name: 'Giant',
      type: 'Giant',
      lockClass: null,
      file: 'kern/kern_mutex.c',
      line: 1,
    });
  });
});

describe('parseDuplicateLockLine', () => {
  it('reads the address-less form', () => {
    expect(
      parseDuplicateLockLine(' 1st vnode interlock @ /usr/src/sys/kern/vfs_subr.c:2345'),
    ).toMatchObject({
      ordinal: '1st',
      address: null,
      name: 'vnode interlock',
      file: '/usr/src/sys/kern/vfs_subr.c',
      line: 2345,
    });
    expect(parseDuplicateLockLine(' 2nd inode')).toMatchObject({
      ordinal: '2nd',
      name: 'inode',
      file: null,
    });
  });
});

describe('parseListedLockLine', () => {
  it('reads witness_list_lock lines with a type', () => {
    expect(
      parseListedLockLine(
        'exclusive sleep mutex xDMA (xDMA) r = 0 (0xffffffff8421e530) locked @ /usr/src/sys/dev/xdma/xdma.c:86',
      ),
    ).toEqual({
      exclusive: true,
      lockClass: 'sleep mutex',
      name: 'xDMA',
      type: 'xDMA',
      recursion: 0,
      address: '0xffffffff8421e530',
      file: '/usr/src/sys/dev/xdma/xdma.c',
      line: 86,
    });
  });

  it('reads names with spaces and shared locks', () => {
    const l = parseListedLockLine(
      'shared rm secadm prison rmlock (secadm prison rmlock) r = 0 (0xffffffff81d5bbf0) locked @ a.c:7',
    )!;
    expect([l.exclusive, l.lockClass, l.name, l.type]).toEqual([
      false,
      'rm',
      'secadm prison rmlock',
      'secadm prison rmlock',
    ]);
  });

  it('reads the OpenBSD form without type or place', () => {
    const l = parseListedLockLine('exclusive kernel_lock &kernel_lock r = 1 (0xffffffff828cea78)')!;
    expect([l.lockClass, l.name, l.type, l.recursion, l.file]).toEqual([
      'kernel_lock',
      '&kernel_lock',
      null,
      1,
      null,
    ]);
  });

  it('rejects prose', () => {
    expect(parseListedLockLine('exclusive access to the lock is required')).toBeNull();
  });
});
