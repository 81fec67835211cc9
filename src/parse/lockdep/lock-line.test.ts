import { describe, expect, it } from 'vitest';
import { parseAtSite, parseClassName, parseLockLine, parseNewDependency } from './lock-line';

// lockdep-formats.md §1.3: real class names that break naive regexes.
const NAMES = [
  '&(&zone->lock)->rlock',
  '&type->s_umount_key#46/1',
  '&sb->s_type->i_mutex_key#17',
  '(work_completion)(&(&wb->dwork)->work)',
  '(wq_completion)wg-kex-wireguard1#8',
  '(((&hw->end_timer)))',
  '&q->q_usage_counter(io)#55',
  'ptlock_ptr(ptdesc)#2',
  '(memory_chain).rwsem',
  '(console_sem).lock',
  'cpu_hotplug_lock.rw_sem',
  'af_callback_keys + sk->sk_family#2',
  'sk_lock-AF_INET6',
  'sk_lock-AF_BLUETOOTH-BTPROTO_RFCOMM',
  'slock-AF_INET',
  'rust/doctests_kernel_generated.rs:1238',
  'pinctrl_apple_gpio:462:(&regmap_config)->lock',
  '10000:e1:00.0',
  '&__lockdep_no_validate__',
  'rcu_read_lock',
  'rcu_callback',
  'fs_reclaim',
  'mmu_notifier_invalidate_range_start',
  'kn->active#140',
  's_active#28',
  'key#18',
  '&x->wait#58',
  'set->srcu',
  'vm_lock',
  'mapping.invalidate_lock#2',
  'sb_writers#4',
  'events',
  'kacpid',
  '&gt->reset.mutex',
  '__key.30540',
  '\ufffd21',
];

describe('parseLockLine', () => {
  it.each(NAMES)('reads the class name %s in every era', (name) => {
    const eras = [
      ` (${name}){--..}, at: [<c029e364>] mutex_lock+0x19/0x20`,
      ` (${name}){+.+.+.}, at: [<ffffffff83542c29>] lo_compat_ioctl+0x109/0x140`,
      `0000000097f06d5d (${name}){+.+.}, at: rtnl_lock+0x17/0x20`,
      `ffff888106a71958 (${name}){+.+.}-{4:4}, at: evdev_write+0x1d3/0x760 drivers/input/evdev.c:513`,
      `(____ptrval____) (${name}){+.+.}, at: rtnl_lock+0x17/0x20`,
    ];
    for (const line of eras) expect(parseLockLine(line)?.name, line).toBe(name);
  });

  it('splits a modern line into its parts', () => {
    expect(
      parseLockLine('ffff88801ceeb110 (&evdev->mutex){+.+.}-{3:3}, at: evdev_write+0x1d3/0x760'),
    ).toEqual({
      instance: 'ffff88801ceeb110',
      name: '&evdev->mutex',
      usage: '+.+.',
      waitType: '3:3',
      at: 'evdev_write+0x1d3/0x760',
      atAddress: null,
      atFunction: 'evdev_write',
      atInline: false,
    });
  });

  it('reads the 4.14 form with [<ip>] and no instance', () => {
    const l = parseLockLine(
      ' (&mm->mmap_sem){++++}, at: [<ffffffffa01a7b18>] i915_gem_userptr_init__mmu_notifier+0x138/0x270 [i915]',
    );
    expect(l).toMatchObject({
      instance: null,
      usage: '++++',
      waitType: null,
      atAddress: 'ffffffffa01a7b18',
      at: 'i915_gem_userptr_init__mmu_notifier+0x138/0x270 [i915]',
      atFunction: 'i915_gem_userptr_init__mmu_notifier',
    });
  });

  it('marks symbolizer inline expansions', () => {
    const l = parseLockLine(
      'ffff888060c64cb8 (&br->lock){+.-.}-{2:2}, at: spin_lock_bh include/linux/spinlock.h:356 [inline]',
    );
    expect(l).toMatchObject({ atFunction: 'spin_lock_bh', atInline: true });
  });

  it('reads 32-bit instances, lines without at:, and the 2.6.18-mm decimal at: form', () => {
    expect(
      parseLockLine('c1a2b3c4 (rcu_read_lock){....}-{1:3}, at: rcu_lock_acquire+0x0/0x30')
        ?.instance,
    ).toBe('c1a2b3c4');
    expect(parseLockLine(' (crypto_alg_sem){----}')).toMatchObject({
      name: 'crypto_alg_sem',
      at: null,
    });
    expect(
      parseLockLine(
        ' (crypto_alg_sem){----}, at: [__crypto_lookup_template+20/168] __crypto_lookup_template+0x14/0xa8',
      ),
    ).toMatchObject({
      atFunction: '__crypto_lookup_template',
      at: '__crypto_lookup_template+0x14/0xa8',
    });
    expect(
      parseLockLine(' (nl_table_lock){-.-±}, at: [<c0301efa>] netlink_broadcast+0x7a/0x360')?.usage,
    ).toBe('-.-±');
  });

  it('refuses lines that are not lock lines', () => {
    expect(parseLockLine('lock(&dev_priv->mm_lock);')).toBeNull();
    expect(parseLockLine(' dump_stack+0x68/0x9f')).toBeNull();
    expect(parseLockLine('ffff88801ceeb110')).toBeNull();
    expect(parseLockLine('(name without usage), at: foo+0x1/0x2')).toBeNull();
  });
});

describe('parseClassName', () => {
  it('reads chain entries and class headers', () => {
    expect(parseClassName('((complete)&req.done){+.+.}:')).toEqual({
      name: '(complete)&req.done',
      usage: '+.+.',
      waitType: null,
      rest: ':',
    });
    expect(parseClassName('(&dev->event_lock){-.-.}-{2:2} {')).toMatchObject({
      name: '&dev->event_lock',
      rest: '{',
    });
  });
});

describe('parseNewDependency', () => {
  it('splits prev -> next', () => {
    const d = parseNewDependency(
      ' (&client->buffer_lock){....}-{2:2} -> (&new->fa_lock){.?.+}-{2:2}',
    );
    expect(d?.prev.name).toBe('&client->buffer_lock');
    expect(d?.next).toEqual({ name: '&new->fa_lock', usage: '.?.+', waitType: '2:2', rest: '' });
  });
  it('keeps " -> " inside names', () => {
    const d = parseNewDependency('(a -> b){....} -> (c){+.+.}');
    expect([d?.prev.name, d?.next.name]).toEqual(['a -> b', 'c']);
  });
});

describe('parseAtSite', () => {
  it('reads print_ip_sym lines', () => {
    expect(parseAtSite('[<ffffffff810b7162>] lock_acquire+0x92/0x1f0')).toMatchObject({
      atAddress: 'ffffffff810b7162',
      atFunction: 'lock_acquire',
    });
  });
});
