import { describe, expect, it } from 'vitest';
import { recognizeSection, requiredLiterals } from './sections';

describe('recognizeSection', () => {
  it.each([
    ['CPU 0/KVM/1537 just changed the state of lock:', 'changed'],
    ['syz-executor.4/17509 [HC0[0]:SC0[0]:HE0:SE1] is trying to acquire:', 'acquire'],
    ['kbnepd bnep0/2098 [HC0[0]:SC0[0]:HE1:SE1] takes:', 'takes'],
    ['and this task is already holding:', 'holding'],
    ['but this new dependency connects a HARDIRQ-irq-safe lock:', 'safe-lock'],
    ['... which became SOFTIRQ-irq-unsafe at:', 'unsafe-trace'],
    ['{IN-SOFTIRQ-W} state was registered at:', 'usage-trace'],
    ['inconsistent {RECLAIM_FS-ON-W} -> {IN-RECLAIM_FS-W} usage.', 'inconsistent-usage'],
    ['the dependencies between the lock to be acquired', 'dependency-path'],
    [' and HARDIRQ-irq-unsafe lock:', 'dependency-path'],
    ["the hard-irq-unsafe lock's dependencies:", 'dependency-tree'],
    [
      'x/1 is freeing memory ffff888000000000-ffff8880000001ff, with a lock still held there!',
      'freeing',
    ],
    ['x/1 is trying to release lock (&priv->mutex) at:', 'release'],
    ['context-{4:4}', 'context'],
    ['rcu_scheduler_active = 2, debug_locks = 1', 'rcu-state'],
    ['1 lock held by rs:main Q:Reg/1584:', 'held'],
    ['no locks held by swapper/0/0.', 'held'],
    ['HARDIRQ-unsafe lock in the past: (fs_reclaim){+.+.}-{0:0}', 'other-lock'],
  ])('%s', (text, type) => {
    expect(recognizeSection(text)?.type).toBe(type);
  });

  it('extracts what the sentence carries', () => {
    expect(recognizeSection('inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage.')).toMatchObject({
      data: 'IN-HARDIRQ-W',
      data2: 'HARDIRQ-ON-W',
    });
    expect(
      recognizeSection('but this lock was taken by another, SOFTIRQ-safe lock in the past:'),
    ).toMatchObject({
      irqClass: 'SOFTIRQ',
      data: 'backwards',
    });
    expect(recognizeSection('2 locks held by CPU 0/KVM/1537:')).toMatchObject({
      data: '2',
      task: { comm: 'CPU 0/KVM', pid: 1537 },
    });
  });

  it('leaves content and prose alone', () => {
    expect(recognizeSection(' #0: ffff (a){....}, at: f+0x1/0x2')).toBeNull();
    expect(recognizeSection('I think the lock is held here')).toBeNull();
  });
});

describe('requiredLiterals (the cheap test before each section regex)', () => {
  it('reads the text after ^ and the longest run outside groups', () => {
    expect(requiredLiterals(String.raw`^(.+\/\d+) is trying to acquire lock:\s*$`)).toEqual({
      prefix: '',
      needle: ' is trying to acquire lock:',
    });
    expect(requiredLiterals(String.raw`^Chain exists of:\s*(.*)$`)).toEqual({
      prefix: 'Chain exists of:',
      needle: 'Chain exists of:',
    });
  });

  it('never requires what is optional, escaped or inside a group', () => {
    // "locks?" may be "lock"; "(?:more )?" may be missing; "\*" ends a run
    expect(requiredLiterals(String.raw`^(\d+) locks? held by (.+\/\d+):?\s*$`).needle).toBe(
      ' held by ',
    );
    expect(
      requiredLiterals(String.raw`^but there are no (?:more )?locks (?:to release|held)!?\s*$`),
    ).toEqual({ prefix: 'but there are no ', needle: 'but there are no ' });
    expect(requiredLiterals(String.raw`^\*\*\* DEADLOCK \*\*\*\s*$`)).toEqual({
      prefix: '',
      needle: ' DEADLOCK ',
    });
    expect(requiredLiterals(String.raw`^-{10,}x|y$`)).toEqual({ prefix: '', needle: '' });
  });

  it('keeps every header recognised when its line is long and full of "lock"', () => {
    const task = `${'lock_'.repeat(100)}worker/812`;
    expect(recognizeSection(`${task} is trying to acquire lock:`)?.type).toBe('acquire');
    expect(recognizeSection(`${task} is trying to acquire lock: x`)).toBeNull();
  });
});
