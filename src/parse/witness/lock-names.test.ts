import { describe, expect, it } from 'vitest';
import { parseOrderLockLine, type OrderLock } from './lock-line';
import { LockNames, splitArrow, witnessAlias } from './lock-names';

const locks = (...texts: string[]): OrderLock[] => texts.map((t) => parseOrderLockLine(t)!);

describe('LockNames', () => {
  it('reads a printed type as the name of the lock line that printed it', () => {
    const names = new LockNames(
      locks(' 1st 0x1 inp (tcpinp, rw) @ a.c:1', ' 2nd 0x2 so_snd (so_snd, sleep mutex) @ b.c:2'),
    );
    expect([names.of('tcpinp'), names.of('so_snd')]).toEqual(['inp', 'so_snd']);
  });

  it('leaves a type that no lock line printed as the type', () => {
    expect(new LockNames(locks(' 1st 0x1 a (ta)')).of('tcp')).toBe('tcp');
  });

  it('gives a type printed on 1st and 3rd the 3rd lock name', () => {
    const names = new LockNames(
      locks(
        ' 1st 0x1 zfs0 (zfs, lockmgr)',
        ' 2nd 0x2 bufwait (bufwait, lockmgr)',
        ' 3rd 0x3 zfs1 (zfs, lockmgr)',
      ),
    );
    expect(names.of('zfs')).toBe('zfs1');
  });
});

describe('splitArrow and witnessAlias', () => {
  it('splits where the known types say, even when a type holds " -> "', () => {
    expect(splitArrow('a -> b -> c', ['c', 'a -> b'])).toEqual(['a -> b', 'c']);
    expect(splitArrow('x -> y', [])).toEqual(['x', 'y']);
  });

  it('names w1 and w2 by the 1st and 2nd lock lines', () => {
    const ls = locks(' 1st 0x1 fdlock (&fdp->fd_lock)', ' 2nd 0x2 inode (&ip->i_lock)');
    expect([witnessAlias('w1', ls), witnessAlias('w2', ls), witnessAlias('0xff', ls)]).toEqual([
      'fdlock',
      'inode',
      null,
    ]);
  });
});
