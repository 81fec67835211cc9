import { describe, expect, it } from 'vitest';
import { isBsdTraceNoise, parseBsdFrames } from './frames';

const one = (text: string) => {
  const f = parseBsdFrames(text);
  expect(f).not.toBeNull();
  expect(f).toHaveLength(1);
  return f![0]!;
};

describe('parseBsdFrames', () => {
  it('reads stack(9) lines', () => {
    expect(one('#3 0xffffffff805cb2a4 at _vn_lock+0x54')).toEqual({
      function: '_vn_lock',
      offset: '0x54',
      module: null,
      unreliable: false,
      file: null,
      line: null,
      address: '0xffffffff805cb2a4',
    });
    expect(one('#12 0xffffffc000abc at ??+0')).toMatchObject({ function: '??', offset: '0' });
  });

  it('reads DDB amd64 frames with /frame and i386 frames with arguments', () => {
    expect(
      one('witness_checkorder() at witness_checkorder+0xeaa/frame 0xfffffe00514e9d90'),
    ).toMatchObject({
      function: 'witness_checkorder',
      offset: '0xeaa',
      address: null,
    });
    expect(
      one('_mtx_lock_flags(c07cd240,0,c075e590,16c4,c07d70a0) at _mtx_lock_flags+0x54'),
    ).toMatchObject({
      function: '_mtx_lock_flags',
      offset: '0x54',
    });
    expect(one('fork_trampoline() at fork_trampoline+0xe/frame 0xfffffe0000a0ebf0')).toMatchObject({
      function: 'fork_trampoline',
    });
  });

  it('keeps the function name when the "at" symbol was cut off', () => {
    expect(one('i915_gem_do_execbuffer() at i915_gem_do_exe')).toMatchObject({
      function: 'i915_gem_do_execbuffer',
      offset: null,
    });
  });

  it('reads unresolved DDB frames', () => {
    expect(one('Xfast_syscall() at 0xffffffff80b2a6ab')).toMatchObject({
      function: 'Xfast_syscall',
      address: '0xffffffff80b2a6ab',
    });
  });

  it('reads OpenBSD stacktrace_print lines, with file:line and inlined callees', () => {
    expect(one('#0  rw_enter_read+0x66 sys/kern/kern_rwlock.c:112')).toMatchObject({
      function: 'rw_enter_read',
      offset: '0x66',
      file: 'sys/kern/kern_rwlock.c',
      line: 112,
    });
    expect(one('#14 syscall+0x489 mi_syscall sys/sys/syscall_mi.h:102 [inline]')).toMatchObject({
      function: 'mi_syscall',
      file: 'sys/sys/syscall_mi.h',
      line: 102,
    });
    expect(one('#10 vn_rdwr+0x105')).toMatchObject({
      function: 'vn_rdwr',
      offset: '0x105',
      file: null,
    });
  });

  it('reads OpenBSD DDB frames with line numbers', () => {
    expect(
      one(
        'uvn_io(ba1cb8f0c5ee453f,0,0,fffffd8075796680,13000) at uvn_io+0x2ca sys/uvm/uvm_vnode.c:1188',
      ),
    ).toMatchObject({
      function: 'uvn_io',
      offset: '0x2ca',
      file: 'sys/uvm/uvm_vnode.c',
      line: 1188,
    });
  });

  it('reads kgdb frames', () => {
    expect(
      one(
        '#5  0xc05153b7 in panic (fmt=0xc06c0a8e "blockable sleep lock") at /usr/src/sys/kern/kern_shutdown.c:550',
      ),
    ).toMatchObject({
      function: 'panic',
      address: '0xc05153b7',
      file: '/usr/src/sys/kern/kern_shutdown.c',
      line: 550,
    });
    expect(one('#0  doadump () at pcpu.h:230')).toMatchObject({
      function: 'doadump',
      address: null,
      line: 230,
    });
  });

  it('reads a compact stack as several frames', () => {
    expect(
      parseBsdFrames('witness_checkorder+0xbdd __mtx_lock_flags+0x94 ')!.map((f) => f.function),
    ).toEqual(['witness_checkorder', '__mtx_lock_flags']);
  });

  it('rejects prose and headers', () => {
    expect(parseBsdFrames('lock order reversal:')).toBeNull();
    expect(parseBsdFrames('Calling foo() at boot time is fine')).toBeNull();
    expect(parseBsdFrames('one+0x1')).toBeNull();
  });
});

describe('isBsdTraceNoise', () => {
  it('knows trap frames, arm64 register lines and OpenBSD trailers', () => {
    expect(
      isBsdTraceNoise(
        '--- trap 0xc, rip = 0xffffffff80b5c1b5, rsp = 0xfffffe00, rbp = 0xfffffe00 ---',
      ),
    ).toBe(true);
    expect(
      isBsdTraceNoise(
        '--- syscall (54, FreeBSD ELF64, sys_ioctl), rip = 0x800a6f09a, rsp = 0x7fffffffe588 ---',
      ),
    ).toBe(true);
    expect(isBsdTraceNoise('\t pc = 0xffff000000370828  lr = 0xffff00000036f4a4')).toBe(true);
    expect(isBsdTraceNoise('\t sp = 0xffff0000541f6e30  fp = 0xffff0000541f6e50')).toBe(true);
    expect(isBsdTraceNoise('end trace frame: 0x0, count: 11')).toBe(true);
    expect(isBsdTraceNoise('panic: page fault')).toBe(false);
  });
});
