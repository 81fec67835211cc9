// Lock class and witness names that look like a real kernel's: the stringified init expression,
// `#N` for the N-th class with the same name (name_version) and `/N` for subclasses, as
// print_name() in kernel/locking/lockdep_proc.c prints them.

type Rand = () => number;

// Names that appear once in every lockdep kernel (and hubs such as the rq lock and RCU).
const SINGLETONS = [
  'cpu_hotplug_lock',
  'cpuhp_state_mutex',
  'cpu_add_remove_lock',
  'rcu_read_lock',
  'rcu_read_lock_sched',
  'rcu_read_lock_bh',
  'rcu_callback',
  'rcu_state.exp_mutex',
  'rcu_state.barrier_mutex',
  '(console_sem).lock',
  'console_lock',
  'console_owner_lock',
  'console_owner',
  'fs_reclaim',
  'mmu_notifier_invalidate_range_start',
  'rtnl_mutex',
  'pernet_ops_rwsem',
  'cgroup_mutex',
  'css_set_lock',
  'cgroup_threadgroup_rwsem',
  'jiffies_seq.seqcount',
  'tk_core.seq.seqcount',
  'pool_lock',
  'wq_pool_mutex',
  'wq_mayday_lock',
  'kernfs_idr_lock',
  'kernfs_rename_lock',
  'dev_base_lock',
  'net_rwsem',
  'tasklist_lock',
  'init_fs.lock',
  'mount_lock',
  'namespace_sem',
  'sb_lock',
  'inode_hash_lock',
  'rename_lock.seqcount',
  'pcpu_alloc_mutex',
  'pcpu_lock',
  'vmap_area_lock',
  'free_vmap_area_lock',
  'text_mutex',
  'module_mutex',
  'event_mutex',
  'trace_types_lock',
  'sched_domains_mutex',
  'uevent_sock_mutex',
  'input_mutex',
  'gdp_mutex',
  'device_links_lock',
  'dpm_list_mtx',
  '&rq->__lock',
  '&rq->__lock/1',
  '&p->pi_lock',
  '&p->alloc_lock',
  '&mm->mmap_lock',
  '&(&zone->lock)->rlock',
  '&n->list_lock',
  '&base->lock',
  '&obj_hash[i].lock',
  '&sighand->siglock',
  '&sem->wait_lock',
  '&lock->wait_lock',
  '&x->wait',
  '&wq->mutex',
  '&pool->lock',
  '&rnp->exp_lock',
  'rcu_node_0',
  'rcu_node_1',
  'krc.lock',
  '&dentry->d_lock',
  '&dentry->d_lock/1',
  '&sb->s_type->i_lock_key',
  '&s->s_inode_list_lock',
  '&wb->list_lock',
  '&xa->xa_lock',
  'ptlock_ptr(ptdesc)',
  '&anon_vma->rwsem',
  '&mapping->i_mmap_rwsem',
  'slock-AF_INET',
  'sk_lock-AF_INET',
  'slock-AF_INET6',
  'sk_lock-AF_INET6',
  'slock-AF_NETLINK',
  'sk_lock-AF_NETLINK',
  '&ndev->lock',
  '&dev->tx_global_lock',
  '_xmit_ETHER#2',
  '&ifa->lock',
  '&tbl->lock',
  'nl_table_lock',
  '&sbi->s_writepages_rwsem',
  '&ei->i_data_sem',
  '&journal->j_state_lock',
  '&journal->j_list_lock',
  'jbd2_handle',
  '&fs_info->qgroup_lock',
  '&delayed_refs->lock',
  '&q->queue_lock',
  '&q->debugfs_mutex',
  '&hctx->lock',
  'key',
];

// Names that lockdep versions with #N: one class per distinct key with the same init expression.
const VERSIONED = [
  '&sb->s_type->i_mutex_key',
  '&type->s_umount_key',
  '&type->i_mutex_dir_key',
  'sb_writers',
  'sb_internal',
  'kn->active',
  's_active',
  '&x->wait',
  'key',
  '&q->q_usage_counter(io)',
  '&q->q_usage_counter(queue)',
  '&sb->s_type->i_lock_key',
  '&ids->rwsem',
  'mapping.invalidate_lock',
  '(wq_completion)events',
  '&group->mark_mutex',
  '&dev->mutex',
  '&priv->lock',
  '&sch->q.lock',
];

const WORKQUEUES = [
  'events',
  'events_unbound',
  'events_highpri',
  'events_long',
  'events_freezable',
  'events_power_efficient',
  'mm_percpu_wq',
  'writeback',
  'kblockd',
  'netns',
  'ipv6_addrconf',
  'rcu_gp',
  'kacpid',
  'kacpi_notify',
  'pm',
  'btrfs-worker',
  'xfs-buf',
  'ext4-rsv-conversion',
  'nvme-wq',
  'i915',
  'usb_hub_wq',
  'md',
  'dm_bufio_cache',
  'loop0',
];

const STRUCTS = [
  'dev',
  'priv',
  'hdev',
  'sbi',
  'fs_info',
  'ei',
  'ip',
  'mp',
  'dev_priv',
  'adev',
  'ctrl',
  'nvmeq',
  'hctx',
  'tags',
  'bdev',
  'disk',
  'vcpu',
  'kvm',
  'sk',
  'tp',
  'nf_conntrack',
  'team',
  'bond',
  'wdev',
  'local',
  'sta',
  'tty',
  'port',
  'card',
  'substream',
  'vma',
  'mm',
  'cgrp',
  'css',
  'ctx',
  'ring',
  'ep',
  'file',
  'inode',
  'chip',
];
const FIELDS = [
  'lock',
  'mutex',
  'state_lock',
  'list_lock',
  'tree_lock',
  'hash_lock',
  'queue_lock',
  'io_lock',
  'cmd_lock',
  'event_lock',
  'reset_lock',
  'config_mutex',
  'irq_lock',
  'stats_lock',
  'work_lock',
  'rwsem',
  'sem',
  'wait.lock',
  'seqlock.seqcount',
  'buf_mutex',
  'tx_lock',
  'rx_lock',
  'power_lock',
  'map_lock',
  'req_lock',
];
const WORK = ['work', 'dwork', 'reset_work', 'irq_work', 'free_work', 'gc_work', 'flush_work'];

/** `count` distinct class names; the same name printed twice gets #2, #3 … as lockdep does. */
export function lockdepClassNames(r: Rand, count: number): string[] {
  const out: string[] = [];
  const used = new Set<string>();
  const versions = new Map<string, number>();
  const push = (name: string) => {
    if (used.has(name)) return false;
    used.add(name);
    out.push(name);
    return true;
  };
  const versioned = (base: string) => {
    const v = (versions.get(base) ?? 0) + 1;
    versions.set(base, v);
    return push(v === 1 ? base : `${base}#${v}`);
  };
  for (const s of SINGLETONS) if (out.length < count) push(s);
  let guard = 0;
  while (out.length < count && guard++ < count * 20) {
    const x = r();
    if (x < 0.25) versioned(VERSIONED[Math.floor(r() * VERSIONED.length)]!);
    else if (x < 0.32)
      versioned(`(wq_completion)${WORKQUEUES[Math.floor(r() * WORKQUEUES.length)]}`);
    else if (x < 0.4) {
      const s = STRUCTS[Math.floor(r() * STRUCTS.length)]!;
      const w = WORK[Math.floor(r() * WORK.length)]!;
      versioned(
        r() < 0.5 ? `(work_completion)(&${s}->${w})` : `(work_completion)(&(&${s}->${w})->work)`,
      );
    } else {
      const s = STRUCTS[Math.floor(r() * STRUCTS.length)]!;
      const f = FIELDS[Math.floor(r() * FIELDS.length)]!;
      const base = r() < 0.15 ? `&(&${s}->${f})->rlock` : `&${s}->${f}`;
      const v = (versions.get(base) ?? 0) + 1;
      versions.set(base, v);
      const name = v === 1 ? base : `${base}#${v}`;
      // a nested class of the same key: "&rq->__lock/1", "&type->s_umount_key#46/1"
      push(r() < 0.05 ? `${name}/1` : name);
    }
  }
  // a tiny `count` could make the loop above give up: number what is left
  for (let i = 0; out.length < count; i++) push(`&lockscope_generated->lock#${i + 2}`);
  return out.slice(0, count);
}

const WITNESSES = [
  'Giant',
  'pipe mutex',
  'vm map (user)',
  'vm map (system)',
  'ufs',
  'devfs',
  'tmpfs',
  'zfs',
  'vnode interlock',
  'vnode_free_list',
  'so_rcv',
  'so_snd',
  'tcp',
  'tcpinp',
  'udp',
  'udpinp',
  'rawinp',
  'in6_ifaddr_lock',
  'ifnet_sx',
  'if_addr_lock',
  'process lock',
  'proctree',
  'allproc',
  'filedesc structure',
  'sleepq chain',
  'turnstile chain',
  'sched lock 0',
  'sched lock 1',
  'vm object',
  'vm page',
  'pmap',
  'pv list',
  'system map',
  'kqueue',
  'knlist',
  'mount mtx',
  'struct mount vlist',
  'bufobj interlock',
  'bufwait',
  'buffer daemon',
  'syncer',
  'UMA lock',
  'UMA zone',
  'kenv',
  'sysctl lock',
  'sysctl mem',
  'Name Cache',
  'ncvn',
  'zfsvfs->z_hold_mtx[i]',
  'dn->dn_mtx',
  'db->db_mtx',
  'spa_config_lock',
  'tx->tx_sync_lock',
  'igb0:tx(0)',
  'em0',
  '802.11 com lock',
  'drmslpmtx',
  'linuxkpi_short_wq',
  'ACPI root bus',
  'pcib',
];

/** Witness type names (w_name): FreeBSD names are plain words, often with spaces. */
export function witnessNames(r: Rand, count: number): string[] {
  const out = WITNESSES.slice(0, count);
  for (let i = 0; out.length < count; i++) {
    const s = STRUCTS[Math.floor(r() * STRUCTS.length)]!;
    out.push(`${s} ${['mtx', 'lock', 'sx', 'rw'][i % 4]} ${i}`);
  }
  return out;
}
