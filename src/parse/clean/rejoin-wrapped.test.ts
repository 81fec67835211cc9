// The wrap-rejoiner guesses only where a line plainly goes on: two console lines of their own,
// a URL ending in hex digits and a decimal number are not cut-off lines.
import { describe, expect, it } from 'vitest';
import { ALL_LINE_STARTS } from '../detect';
import { cleanText } from './index';

const clean = (...lines: string[]) => cleanText(lines.join('\n'), { lineStarts: ALL_LINE_STARTS });
const texts = (...lines: string[]) => clean(...lines).lines.map((l) => l.text);

describe('rejoining hard-wrapped lines without a prefix to go by', () => {
  it('leaves two device console lines apart', () => {
    const out = clean(
      'lsdemo0: <LS demo controller> mem 0xfe000000-0xfe0fffff irq 16 at device 4.0 on pci0',
      'lsdemo0: firmware 2.1 loaded, 4 queues',
      'lock order reversal:',
    );
    expect(out.lines.map((l) => l.text)).toEqual([
      'lsdemo0: <LS demo controller> mem 0xfe000000-0xfe0fffff irq 16 at device 4.0 on pci0',
      'lsdemo0: firmware 2.1 loaded, 4 queues',
      'lock order reversal:',
    ]);
    expect(out.diagnostics).toEqual([]);
  });

  it('does not take a URL ending in hex digits for a cut instance address', () => {
    expect(
      texts(
        'SOURCE: https://syzkaller.appspot.com/text?tag=CrashReport&x=10c01a4a700000',
        'witness: lock order reversal:',
      ),
    ).toEqual([
      'SOURCE: https://syzkaller.appspot.com/text?tag=CrashReport&x=10c01a4a700000',
      'witness: lock order reversal:',
    ]);
  });

  it('does not take a decimal number for a cut address', () => {
    expect(
      texts(
        'panic: acquiring blockable sleep lock with spinlock held cpuid = 6 time = 1605048416',
        'KDB: stack backtrace:',
      ),
    ).toEqual([
      'panic: acquiring blockable sleep lock with spinlock held cpuid = 6 time = 1605048416',
      'KDB: stack backtrace:',
    ]);
  });

  it('still joins a lock line cut after its instance address, and a sentence cut mid-phrase', () => {
    expect(
      texts(
        'syz-executor.3/10291 is trying to acquire lock: a few more words to fill ffff888023bfad00',
        '(team->team_lock_key#6){+.+.}-{3:3}, at: team_vlan_rx_add_vid+0x3b/0x1e0',
        '',
        'this is a sentence that goes on and on and on about the existing dependency chain (in',
        'reverse order) is:',
      ),
    ).toEqual([
      'syz-executor.3/10291 is trying to acquire lock: a few more words to fill ffff888023bfad00 (team->team_lock_key#6){+.+.}-{3:3}, at: team_vlan_rx_add_vid+0x3b/0x1e0',
      '',
      'this is a sentence that goes on and on and on about the existing dependency chain (in reverse order) is:',
    ]);
  });
});
