import { describe, expect, it } from 'vitest';
import { emptyReport } from '../model/report';
import type { Format, Report, ReportKind } from '../model/types';
import { dedupKey, normaliseClassName, principalClasses, titleFunction } from './dedup-key';

function report(kind: ReportKind, fields: Partial<Report> = {}, format: Format = 'linux-lockdep') {
  const r = emptyReport(format, kind, { start: 1, end: 10 });
  return { ...r, title: 'possible deadlock in foo', ...fields };
}
const cls = (...names: string[]) => names.map((name) => ({ name, usage: null, waitType: null }));
const held = (...names: string[]) =>
  names.map((c, index) => ({ index, class: c, address: null, at: null }));

describe('dedupKey', () => {
  it('keys a cycle by its set of classes: rotations and guilty functions do not matter', () => {
    const a = report('circular-dependency', {
      cycle: ['A', 'B', 'C'],
      title: 'possible deadlock in f',
    });
    const b = report('circular-dependency', {
      cycle: ['C', 'A', 'B'],
      title: 'possible deadlock in g',
    });
    expect(dedupKey(a)).toEqual(dedupKey(b));
    expect(dedupKey(a).text).toBe('cycle: A | B | C');
    expect(dedupKey(a).basis).toBe('cycle');
  });

  it('keeps different cycles apart, also when one is a subset of the other', () => {
    const keys = [['A', 'B'], ['A', 'B', 'C'], ['A', 'D'], ['A']].map(
      (cycle) => dedupKey(report('circular-dependency', { cycle })).text,
    );
    expect(new Set(keys).size).toBe(4);
  });

  it("drops lockdep's #N name version but keeps the /N subclass", () => {
    expect(normaliseClassName('&sb->s_type->i_mutex_key#5', 'linux-lockdep')).toBe(
      '&sb->s_type->i_mutex_key',
    );
    expect(normaliseClassName('&type->s_umount_key#42/1', 'linux-lockdep')).toBe(
      '&type->s_umount_key/1',
    );
    expect(normaliseClassName('&o_tty->termios_rwsem/1', 'linux-lockdep')).toBe(
      '&o_tty->termios_rwsem/1',
    );
    // a WITNESS name is printed as the kernel named the lock: '#' is part of it
    expect(normaliseClassName('lock#2', 'freebsd-witness')).toBe('lock#2');
    const a = report('circular-dependency', { cycle: ['(wq)wg#8', 'x'] });
    const b = report('circular-dependency', { cycle: ['x', '(wq)wg'] });
    expect(dedupKey(a).text).toBe(dedupKey(b).text);
  });

  it('replaces run-local addresses and collapses white space', () => {
    expect(normaliseClassName('<0x000000076ab62208> (a java.lang.Object)', 'java')).toBe(
      '<addr> (a java.lang.Object)',
    );
    expect(normaliseClassName('  vm   map (user) ', 'freebsd-witness')).toBe('vm map (user)');
  });

  it('keys formats with run-local lock names (TSan M12, Helgrind addresses) by their title', () => {
    const r = report(
      'lock-order-inversion',
      { cycle: ['M1', 'M2'], title: 'lock-order-inversion in main' },
      'tsan',
    );
    expect(dedupKey(r)).toMatchObject({ basis: 'function', text: 'lock-order-inversion: in main' });
  });

  it('keys a lock known only by its address by the function instead', () => {
    const r = report(
      'lock-timeout',
      {
        title:
          'goroutine 68 waited more than 40ms for lock 0xc820160440 in bttest.(*table).mutableRow',
        classes: cls('0xc820160440'),
      },
      'go-deadlock',
    );
    expect(dedupKey(r).text).toBe('lock-timeout: in bttest.(*table).mutableRow');
  });

  it('keys an inconsistent lock state by its class and irq state, whichever usage came first', () => {
    const base = {
      classes: cls('&conn->lock', 'bnep_session_sem'),
      heldLocks: held('bnep_session_sem'),
    };
    const a = report('inconsistent-lock-state', {
      ...base,
      title: 'inconsistent lock state in f',
      details: { usageChange: '{in-softirq-W} -> {softirq-on-W}' },
    });
    const b = report('inconsistent-lock-state', {
      ...base,
      title: 'inconsistent lock state in g',
      details: { usageChange: '{SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W}' },
    });
    const c = report('inconsistent-lock-state', {
      ...base,
      details: { usageChange: '{HARDIRQ-ON-W} -> {IN-HARDIRQ-W}' },
    });
    expect(dedupKey(a).text).toBe('inconsistent-lock-state: &conn->lock (SOFTIRQ)');
    expect(dedupKey(b).text).toBe(dedupKey(a).text);
    expect(dedupKey(c).text).toBe('inconsistent-lock-state: &conn->lock (HARDIRQ)');
  });

  it('leaves out classes named only in the held-locks list (they differ by call path)', () => {
    const r = report('bad-unlock-balance', {
      classes: cls('mrt_lock', '&f->f_pos_lock', '&p->lock'),
      heldLocks: held('&f->f_pos_lock', '&p->lock'),
    });
    expect(principalClasses(r)).toEqual(['mrt_lock']);
    // …unless the held locks are the point of the report
    const s = report('still-has-locks', {
      classes: cls('&pipe->mutex/1'),
      heldLocks: held('&pipe->mutex/1'),
    });
    expect(dedupKey(s).text).toBe('still-has-locks: &pipe->mutex/1');
  });

  it('keys a safe -> unsafe report by its two locks and a held lock freed by the freed one', () => {
    const r = report('safe-to-unsafe', {
      classes: cls('&new->fa_lock', '&dev->event_lock', 'rcu_read_lock'),
      details: { safeLock: '&dev->event_lock', unsafeLock: '&new->fa_lock', irqClass: 'HARDIRQ' },
    });
    expect(dedupKey(r).text).toBe('safe-to-unsafe: &dev->event_lock | &new->fa_lock (HARDIRQ)');
    const freed = report('held-lock-freed', {
      classes: cls('A', 'B'),
      heldLocks: [
        { index: 0, class: 'A', address: 'ffff888000001000', at: null },
        { index: 1, class: 'B', address: 'ffff888000002010', at: null },
      ],
      details: { freedRange: 'ffff888000002000-ffff8880000021ff' },
    });
    expect(dedupKey(freed).text).toBe('held-lock-freed: B');
  });

  it('falls back to the guilty function, then to the whole title', () => {
    const rcu = report('suspicious-rcu-usage', {
      title: 'suspicious RCU usage in rds_tcp_conn_alloc',
      classes: cls('rcu_read_lock'),
      heldLocks: held('rcu_read_lock'),
      details: { rcuSource: './include/linux/rcupdate.h:302' },
    });
    expect(dedupKey(rcu).text).toBe(
      'suspicious-rcu-usage: in rds_tcp_conn_alloc (include/linux/rcupdate.h)',
    );
    const other = report('suspicious-rcu-usage', {
      title: 'suspicious RCU usage in corrupted',
      details: { rcuSource: '/usr/src/kernel/include/trace/events/lock.h:37' },
    });
    expect(dedupKey(other)).toMatchObject({
      basis: 'title',
      text: 'suspicious-rcu-usage: suspicious RCU usage in corrupted (/usr/src/kernel/include/trace/events/lock.h)',
    });
    const bug = report('locking-bug', { title: 'trying to register non-static key in f' });
    const bug2 = report('locking-bug', { title: 'locking bug in f' });
    expect(dedupKey(bug).text).not.toBe(dedupKey(bug2).text);
  });

  it('reads the function out of a syzbot-style title', () => {
    expect(titleFunction('possible deadlock in i915_gem_userptr_init__mmu_notifier')).toBe(
      'i915_gem_userptr_init__mmu_notifier',
    );
    expect(titleFunction('possible deadlock in corrupted')).toBeNull();
    expect(titleFunction('lock-order-inversion in zmq::ctx_t::create_socket')).toBe(
      'zmq::ctx_t::create_socket',
    );
    expect(titleFunction('inconsistent locking in bttest.(*table).gc')).toBe('bttest.(*table).gc');
    expect(titleFunction('lock order reversal: vmmaplk -> inode')).toBeNull();
  });
});
