import { describe, expect, it } from 'vitest';
import { explainAt, explainLine } from './index';

/** The item whose text is `needle` on `line`, explained at its first column. */
function at(line: string, needle: string, era: Parameters<typeof explainLine>[1] = 'modern') {
  const col = line.indexOf(needle);
  expect(col, `"${needle}" in "${line}"`).toBeGreaterThanOrEqual(0);
  const e = explainAt(line, 1, col, era);
  expect(e, `an explanation at "${needle}"`).not.toBeNull();
  expect(e!.text).toBe(needle);
  expect(line.slice(e!.start, e!.end)).toBe(needle);
  return e!;
}

const LOCK = 'ffff888104c2a0b8 (&sb->s_type->i_mutex_key#5/1){+.+.}-{3:3}, at: demo+0x5c/0x120';

describe('lock-line notation', () => {
  it('usage bits, decoded for the era', () => {
    const modern = at(LOCK, '{+.+.}');
    expect(modern.id).toBe('usage');
    expect(modern.body).toMatch(/Since 4\.14/);
    expect(modern.body).toMatch(/taken with hardirqs enabled/);
    const reclaim = at(' (&mm->mmap_sem){++++..}, at: x', '{++++..}', 'reclaim-fs');
    expect(reclaim.body).toMatch(/RECLAIM_FS/);
    const old = at(' (&card->irq_lock){+-..}, at: x', '{+-..}', 'pre-2.6.30');
    expect(old.body).toMatch(/Before 2\.6\.30/);
    // '+' on a write is "used in" before 2.6.30 and "enabled" after it
    expect(old.body).toMatch(/taken in hardirq context/);
    expect(at(' (&card->irq_lock){+-..}, at: x', '{+-..}').body).toMatch(
      /taken with hardirqs enabled/,
    );
  });

  it('wait types', () => {
    const e = at(LOCK, '-{3:3}');
    expect(e.id).toBe('wait-type');
    expect(e.body).toMatch(/Here: 3:3/);
    expect(e.body).toMatch(/PROVE_RAW_LOCK_NESTING/);
  });

  it('#N and /N in a class name', () => {
    expect(at(LOCK, '#5').id).toBe('name-version');
    const sub = at(LOCK, '/1');
    expect(sub.id).toBe('subclass');
    expect(sub.body).toMatch(/mutex_lock_nested\(&lock, 1\)/);
    expect(explainLine(' (&node->lock/1){+.+.}, at: x').map((e) => e.id)).toContain('subclass');
  });

  it('pretend locks for waiting', () => {
    const line = ' ((work_completion)(&dev->reset_work)){+.+.}-{0:0}, at: __flush_work+0x4c/0x4c0';
    expect(at(line, '(work_completion)').body).toMatch(/flush_work/);
    expect(at(' ((complete)&req.done){+.+.}:', '(complete)').body).toMatch(/cross-release/);
    expect(at(' ((wq_completion)events){+.+.}', '(wq_completion)').id).toBe('pretend-lock');
  });

  it('held-lock lines, with and without an address', () => {
    expect(at(' #0: ffff88810 (io_mutex){+.+.}-{3:3}, at: demo_write+0x2e/0xd0', '#0').id).toBe(
      'held-lock',
    );
    expect(at(' #1:  (&dev_priv->mm_lock){+.+.}, at: [<ffffffffa01a7b2a>] x', '#1').id).toBe(
      'held-lock',
    );
  });
});

describe('section notation', () => {
  it('-> #k chain entries', () => {
    const e = at('-> #3 ((complete)&req.done){+.+.}:', '-> #3');
    expect(e.id).toBe('chain-entry');
    expect(e.body).toMatch(/#4/);
  });

  it('Chain exists of', () => {
    expect(at('Chain exists of:', 'Chain exists of:').id).toBe('chain-exists');
  });

  it('? frames', () => {
    const e = at(' ? lockdep_init_map_crosslock+0x20/0x20', '?');
    expect(e.id).toBe('unreliable-frame');
    expect(explainLine(' lock_acquire+0xb0/0x200')).toEqual([]);
  });

  it('<Interrupt>, *** DEADLOCK *** and the scenario ops', () => {
    expect(at('  <Interrupt>', '<Interrupt>').id).toBe('interrupt');
    expect(at(' *** DEADLOCK ***', '*** DEADLOCK ***').id).toBe('deadlock');
    expect(at('  rlock(&table->lock);', 'rlock(').body).toMatch(/reading/);
    expect(at('  lock(io_mutex);', 'lock(').body).toMatch(/exclusively/);
    expect(at('                               local_irq_disable();', 'local_irq_disable(').id).toBe(
      'scenario-op',
    );
  });

  it('irq event stamp and the last enabled/disabled lines', () => {
    expect(at('irq event stamp: 10452', 'irq event stamp:').id).toBe('irq-event-stamp');
    const line =
      'hardirqs last  enabled at (10451): [<ffffffff81d2c1e4>] _raw_spin_unlock_irq+0x24/0x40';
    const e = at(line, 'hardirqs last  enabled at (10451):');
    expect(e.title).toBe('hardirqs last enabled at (10451)');
    expect(e.body).toMatch(/hardware interrupts/);
    expect(
      at('softirqs last disabled at (10219): [<x>] f', 'softirqs last disabled at (10219):').body,
    ).toMatch(/softirqs/);
  });

  it('usage-state transitions in each era', () => {
    const modern = at(
      'inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage.',
      '{IN-HARDIRQ-W} -> {HARDIRQ-ON-W}',
    );
    expect(modern.body).toMatch(/inside hardirq context/);
    expect(modern.body).toMatch(/with hardirq enabled/);
    expect(modern.body).toMatch(/capitals/);
    const old = at(
      'inconsistent {in-hardirq-W} -> {hardirq-on-W} usage.',
      '{in-hardirq-W} -> {hardirq-on-W}',
      'pre-2.6.30',
    );
    expect(old.body).toMatch(/lower case/);
    expect(old.body).toMatch(/inside hardirq context/);
    const reclaim = at(
      'inconsistent {RECLAIM_FS-ON-W} -> {IN-RECLAIM_FS-W} usage.',
      '{RECLAIM_FS-ON-W} -> {IN-RECLAIM_FS-W}',
      'reclaim-fs',
    );
    expect(reclaim.body).toMatch(/filesystem reclaim/);
    expect(reclaim.body).toMatch(/__GFP_FS/);
    const read = at(
      'inconsistent {IN-HARDIRQ-R} -> {HARDIRQ-ON-W} usage.',
      '{IN-HARDIRQ-R} -> {HARDIRQ-ON-W}',
    );
    expect(read.body).toMatch(/for reading inside hardirq/);
  });

  it('the task irq flags and the nesting hint', () => {
    const e = at('demo_read/877 [HC0[0]:SC0[0]:HE1:SE1] takes:', '[HC0[0]:SC0[0]:HE1:SE1]');
    expect(e.body).toMatch(/HC0: not in a hardirq handler/);
    expect(e.body).toMatch(/HE1: hardirqs enabled/);
    expect(
      at(
        ' May be due to missing lock nesting notation',
        'May be due to missing lock nesting notation',
      ).id,
    ).toBe('missing-nesting');
  });
});

describe('explainAt', () => {
  const text = 'first line\n -> #1 (io_mutex){+.+.}-{3:3}:\r\n  <Interrupt>';
  it('finds the item under a line and column, and nothing elsewhere', () => {
    expect(explainAt(text, 2, text.split('\n')[1]!.indexOf('{+.+.}') + 2)?.id).toBe('usage');
    expect(explainAt(text, 2, 1)?.id).toBe('chain-entry');
    expect(explainAt(text, 3, 4)?.id).toBe('interrupt');
    expect(explainAt(text, 1, 3)).toBeNull();
    expect(explainAt(text, 9, 0)).toBeNull();
    expect(explainAt(text, 0, 0)).toBeNull();
  });

  it('ignores absurdly long lines (a flattened log) and stays linear on hostile ones', () => {
    expect(explainLine('{+.+.}'.repeat(1000))).toEqual([]);
    const hostile = `(${'a#'.repeat(900)}`;
    const t0 = performance.now();
    explainLine(hostile);
    // a hang guard, not a speed check (backtracking blow-up on this line takes minutes)
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
