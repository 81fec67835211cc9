import { describe, expect, it } from 'vitest';
import { parseIdentLine, releaseFromHeaderLine } from './kernel-ident';

describe('parseIdentLine', () => {
  it('reads every era of the ident line', () => {
    expect(parseIdentLine('6.2.0-rc5-syzkaller-00108-g83abd4d4c4be #0 Not tainted')).toEqual({
      release: '6.2.0-rc5-syzkaller-00108-g83abd4d4c4be',
      build: '#0',
      taint: 'Not tainted',
    });
    expect(parseIdentLine('5.7.1mq+ #383 Tainted: G           O     ')).toEqual({
      release: '5.7.1mq+',
      build: '#383',
      taint: 'Tainted: G           O',
    });
    expect(parseIdentLine('4.14.0-rc1-CI-CI_DRM_3118+ #1 Tainted: G     U  ')?.release).toBe(
      '4.14.0-rc1-CI-CI_DRM_3118+',
    );
    expect(parseIdentLine('2.6.32-rc6-00035-g8b17a4f #1')).toEqual({
      release: '2.6.32-rc6-00035-g8b17a4f',
      build: '#1',
      taint: null,
    });
    expect(parseIdentLine('7.1.0-rc1+ #1 Not tainted')?.release).toBe('7.1.0-rc1+');
    expect(
      parseIdentLine('6.8.0-rc7-Patchwork_129026v7-gc4dc92fb1152+ #1 Not tainted')?.release,
    ).toBe('6.8.0-rc7-Patchwork_129026v7-gc4dc92fb1152+');
  });
  it('refuses other lines', () => {
    expect(parseIdentLine('------------------------------------------------------')).toBeNull();
    expect(parseIdentLine('prime_mmap/1551 is trying to acquire lock:')).toBeNull();
    expect(parseIdentLine('#0: ffff (a){....}')).toBeNull();
  });
});

describe('releaseFromHeaderLine', () => {
  it('reads the dump_stack header lines', () => {
    expect(
      releaseFromHeaderLine(
        'CPU: 4 PID: 1551 Comm: prime_mmap Tainted: G     U          4.14.0-rc1-CI-CI_DRM_3118+ #1',
      ),
    ).toBe('4.14.0-rc1-CI-CI_DRM_3118+');
    expect(
      releaseFromHeaderLine(
        'CPU: 0 UID: 0 PID: 270 Comm: memcg-repro Tainted: G        W 7.0.0-rc3 #83 PREEMPT(full) ',
      ),
    ).toBe('7.0.0-rc3');
    expect(
      releaseFromHeaderLine('CPU: 1 PID: 2098 Comm: kbnepd bnep0 Not tainted 5.7.1mq+ #383'),
    ).toBe('5.7.1mq+');
    expect(
      releaseFromHeaderLine('Pid: 31784, comm: trinity-child1 Not tainted 3.5.0-rc1+ #50'),
    ).toBe('3.5.0-rc1+');
    expect(releaseFromHeaderLine('CPU: 0 Not tainted 2.6.27 #1')).toBe('2.6.27');
    expect(releaseFromHeaderLine('Hardware name: QEMU')).toBeNull();
  });
});
