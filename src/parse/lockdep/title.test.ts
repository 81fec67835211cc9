import { describe, expect, it } from 'vitest';
import { recognizeTitle, recognizeWrappedTitle } from './title';

describe('recognizeTitle', () => {
  it.each([
    ['WARNING: possible circular locking dependency detected', 'circular-dependency', false],
    ['[ INFO: possible circular locking dependency detected ]', 'circular-dependency', true],
    ['[ INFO: possible recursive locking detected ]', 'recursive-locking', true],
    ['WARNING: inconsistent lock state', 'inconsistent-lock-state', false],
    ['[ INFO: possible irq lock inversion dependency detected ]', 'irq-lock-inversion', true],
    ['WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected', 'safe-to-unsafe', false],
    ['[ INFO: SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected ]', 'safe-to-unsafe', true],
    ['[ BUG: hard-safe -> hard-unsafe lock order detected! ]', 'safe-to-unsafe', true],
    [
      'WARNING: SOFTIRQ-READ-safe -> SOFTIRQ-READ-unsafe lock order detected',
      'safe-to-unsafe',
      false,
    ],
    ['[ BUG: bad unlock balance detected! ]', 'bad-unlock-balance', true],
    ['WARNING: held lock freed!', 'held-lock-freed', false],
    ['[ BUG: lock held at task exit time! ]', 'still-has-locks', true],
    ['WARNING: lock held when returning to user space!', 'lock-held-returning-to-user', false],
    ['WARNING: Nested lock was not taken', 'nested-lock-not-taken', false],
    ['[ BUG: Invalid wait context ]', 'invalid-wait-context', true],
    ['WARNING: suspicious RCU usage', 'suspicious-rcu-usage', false],
    ['[ INFO: suspicious RCU usage. ]', 'suspicious-rcu-usage', true],
    ['[ INFO: suspicious rcu_dereference_check() usage. ]', 'suspicious-rcu-usage', true],
    ['WARNING: bad contention detected!', 'locking-bug', false],
  ])('%s', (text, kind, bracketed) => {
    expect(recognizeTitle(text)).toMatchObject({ kind, bracketed, headline: text });
    expect(recognizeTitle(`   ${text}  `)?.kind).toBe(kind);
  });

  it('reads the task inside still-has-locks titles', () => {
    expect(recognizeTitle('WARNING: syz-executor286/6054 still has locks held!')).toMatchObject({
      kind: 'still-has-locks',
      task: { comm: 'syz-executor286', pid: 6054 },
    });
    expect(recognizeTitle('[ BUG: CPU 0/KVM/1537 still has locks held! ]')?.task).toEqual({
      comm: 'CPU 0/KVM',
      pid: 1537,
    });
  });

  it('keeps the irq class of safe -> unsafe titles', () => {
    expect(
      recognizeTitle('WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected')?.irqClass,
    ).toBe('HARDIRQ');
  });

  it('accepts an ident glued on by flattening, and nothing else after the title', () => {
    expect(
      recognizeTitle(
        'WARNING: lock held when returning to user space! 6.13.0-rc3-syzkaller-00209-g499551201b5f #0 Not tainted',
      ),
    ).toMatchObject({
      kind: 'lock-held-returning-to-user',
      headline: 'WARNING: lock held when returning to user space!',
      trailing: '6.13.0-rc3-syzkaller-00209-g499551201b5f #0 Not tainted',
    });
    expect(recognizeTitle('WARNING: held lock freed in sctp_wait_for_sndbuf')).toBeNull();
  });

  it('refuses other kernel warnings', () => {
    expect(
      recognizeTitle(
        'WARNING: CPU: 0 PID: 1 at kernel/locking/lockdep.c:3344 __lock_acquire+0x10e5/0x3690',
      ),
    ).toBeNull();
    expect(recognizeTitle('INFO: lockdep is turned off.')).toBeNull();
    expect(recognizeTitle('BUG: KASAN: use-after-free in foo')).toBeNull();
    expect(recognizeTitle('possible circular locking dependency detected')).toBeNull();
  });
});

describe('recognizeWrappedTitle', () => {
  it('joins a title a mailer wrapped', () => {
    expect(
      recognizeWrappedTitle('[ INFO: possible circular locking', 'dependency detected ]')?.kind,
    ).toBe('circular-dependency');
    expect(
      recognizeWrappedTitle('WARNING: possible circular locking', 'dependency detected')?.kind,
    ).toBe('circular-dependency');
    expect(recognizeWrappedTitle('some prose', 'dependency detected ]')).toBeNull();
  });
});
