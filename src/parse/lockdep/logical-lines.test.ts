import { describe, expect, it } from 'vitest';
import { logicalLineAt } from './logical-lines';
import { cleanLines } from './test-lines';

const first = (text: string) => logicalLineAt(cleanLines(text), 0);

describe('logicalLineAt', () => {
  it('joins a lock line cut after its instance address', () => {
    const l = first(
      'ffff888023bfad00\n(team->team_lock_key#6){+.+.}-{3:3}, at: team_add_slave+0xb2/0x1a0\nnext',
    );
    expect(l.text).toBe(
      'ffff888023bfad00 (team->team_lock_key#6){+.+.}-{3:3}, at: team_add_slave+0xb2/0x1a0',
    );
    expect([l.from, l.to, l.origin, l.originEnd]).toEqual([0, 1, 1, 2]);
  });

  it('joins an at: whose symbol went to the next line', () => {
    expect(first(' (iprune_mutex){--..}, at: [<c029e364>]\nmutex_lock+0x19/0x20').text).toBe(
      ' (iprune_mutex){--..}, at: [<c029e364>] mutex_lock+0x19/0x20',
    );
    expect(
      first(
        ' ((crypto_chain).rwsem){----}, at:\n[blocking_notifier_call_chain+14/45]\nblocking_notifier_call_chain+0xe/0x2d',
      ).text,
    ).toBe(
      ' ((crypto_chain).rwsem){----}, at: [blocking_notifier_call_chain+14/45] blocking_notifier_call_chain+0xe/0x2d',
    );
  });

  it('joins "Not" + "tainted" and a wrapped title', () => {
    expect(first('6.8.0-rc5 #1 Not\ntainted').text).toBe('6.8.0-rc5 #1 Not tainted');
    expect(first('[ INFO: possible circular locking\ndependency detected ]').text).toBe(
      '[ INFO: possible circular locking dependency detected ]',
    );
  });

  it('joins a lock line broken inside its name', () => {
    expect(
      first(
        ' #0: ffff888071cffc00 (&sb->s_type->i_mutex_key\n#9){++++}-{4:4}, at: inode_lock+0x1/0x2',
      ).text,
    ).toBe(
      ' #0: ffff888071cffc00 (&sb->s_type->i_mutex_key #9){++++}-{4:4}, at: inode_lock+0x1/0x2',
    );
  });

  it('leaves complete lines alone', () => {
    expect(
      first(
        '(udev-worker)/412 is trying to acquire lock:\nffffffffb2a4c1d8 (set->srcu){.+.+}-{0:0}, at: f+0x1/0x2',
      ).text,
    ).toBe('(udev-worker)/412 is trying to acquire lock:');
    expect(first('ffff (a){....}, at:\nbut task is already holding lock:').to).toBe(0);
    expect(
      first('WARNING: possible circular locking dependency detected\n6.1.0 #1 Not tainted').to,
    ).toBe(0);
  });

  it('does not join across caller-id streams', () => {
    const lines = [
      { text: 'ffff888023bfad00', origin: 1, originEnd: 1, stream: 'T1' },
      { text: '(a){+.+.}, at: f+0x1/0x2', origin: 2, originEnd: 2, stream: 'T2' },
    ];
    expect(logicalLineAt(lines, 0).to).toBe(0);
  });
});
