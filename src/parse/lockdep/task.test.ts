import { describe, expect, it } from 'vitest';
import { parseTaskRef } from './task';

describe('parseTaskRef', () => {
  it('takes the pid after the last slash', () => {
    expect(parseTaskRef('prime_mmap/1551')).toEqual({ comm: 'prime_mmap', pid: 1551 });
    expect(parseTaskRef('CPU 0/KVM/1537')).toEqual({ comm: 'CPU 0/KVM', pid: 1537 });
    expect(parseTaskRef('kworker/u16:3/8175')).toEqual({ comm: 'kworker/u16:3', pid: 8175 });
    expect(parseTaskRef('swapper/0/0')).toEqual({ comm: 'swapper/0', pid: 0 });
    expect(parseTaskRef('(udev-worker)/539')).toEqual({ comm: '(udev-worker)', pid: 539 });
    expect(parseTaskRef('kbnepd bnep0/2098')).toEqual({ comm: 'kbnepd bnep0', pid: 2098 });
    expect(parseTaskRef('rs:main Q:Reg/1584')).toEqual({ comm: 'rs:main Q:Reg', pid: 1584 });
    expect(parseTaskRef('syz.5.7376/24950')).toEqual({ comm: 'syz.5.7376', pid: 24950 });
  });
  it('refuses what is not comm/pid', () => {
    expect(parseTaskRef('/123')).toBeNull();
    expect(parseTaskRef('prime_mmap')).toBeNull();
    expect(parseTaskRef('a/b')).toBeNull();
  });
});
