// /proc/lockdep dumps written by hand from l_show()'s format strings, one per era, read through
// the whole parser (cleaner included): the dump is a paste like any other.
import { describe, expect, it } from 'vitest';
import { generateLockdepDump } from '../../../bench/lockgraph-dump';
import type { Report } from '../../model/types';
import { parseText } from '../index';

function only(text: string): Report {
  const out = parseText(text);
  expect(out.reports).toHaveLength(1);
  return out.reports[0]!;
}
const edges = (r: Report) => r.dependencies.map((d) => `${d.prev} -> ${d.next}`);
const names = (r: Report) => r.classes.map((c) => (c.usage ? `${c.name}{${c.usage}}` : c.name));

// v5.x+: "%p FD:%5ld BD:%5ld %s: name", " -> [%p] name", a blank line per class
const MODERN = `all lock classes:
ffffffff82a4b9d8 FD:   40 BD:    1 +.+.: cpu_hotplug_lock
 -> [ffffffff82a4ba18] cpuhp_state_mutex
 -> [ffffffff83c1d0a0] &rq->__lock

ffffffff82a4ba18 FD:   12 BD:    2 +.+.: cpuhp_state_mutex
 -> [ffffffff83c1d0a0] &rq->__lock

ffffffff83c1d0a0 FD:    1 BD:  904 -.-.: &rq->__lock

ffffffffc0a81230 FD:    3 BD:    1 +.+.: &sb->s_type->i_mutex_key#5
 -> [ffffffffc0a81240] pinctrl_apple_gpio:462:(&regmap_config)->lock

ffffffffc0a81240 FD:    2 BD:    2 ....: pinctrl_apple_gpio:462:(&regmap_config)->lock
 -> [ffffffffc0a81230] &sb->s_type->i_mutex_key#5

`;

describe('/proc/lockdep (l_show)', () => {
  it('reads every class with its usage and every direct dependency, in print order', () => {
    const r = only(MODERN);
    expect(r.format).toBe('proc-lockdep');
    expect(r.kind).toBe('lock-graph');
    expect(names(r)).toEqual([
      'cpu_hotplug_lock{+.+.}',
      'cpuhp_state_mutex{+.+.}',
      '&rq->__lock{-.-.}',
      '&sb->s_type->i_mutex_key#5{+.+.}',
      'pinctrl_apple_gpio:462:(&regmap_config)->lock{....}',
    ]);
    expect(edges(r)).toEqual([
      'cpu_hotplug_lock -> cpuhp_state_mutex',
      'cpu_hotplug_lock -> &rq->__lock',
      'cpuhp_state_mutex -> &rq->__lock',
      '&sb->s_type->i_mutex_key#5 -> pinctrl_apple_gpio:462:(&regmap_config)->lock',
      'pinctrl_apple_gpio:462:(&regmap_config)->lock -> &sb->s_type->i_mutex_key#5',
    ]);
    expect(
      r.dependencies.every((d) => d.trace.length === 0 && d.chainEntry === null && !d.isNew),
    ).toBe(true);
    expect(r.usageEra).toBe('modern');
    expect(r.truncated).toBe(false);
    expect(r.lines).toEqual({ start: 1, end: 15 });
    expect(r.details?.source).toBe('/proc/lockdep');
  });

  it('lists the cycle it contains and counts it in the title', () => {
    const r = only(MODERN);
    expect(r.cycles).toEqual([
      ['&sb->s_type->i_mutex_key#5', 'pinctrl_apple_gpio:462:(&regmap_config)->lock'],
    ]);
    expect(r.cycle).toEqual(r.cycles![0]);
    expect(r.title).toBe('lock graph: 5 classes, 5 dependencies, 1 cycle');
  });

  it('an acyclic dump has cycles [] and cycle null', () => {
    const r = only(MODERN.split('\nffffffffc0a81230')[0]!);
    expect(r.cycles).toEqual([]);
    expect(r.cycle).toBeNull();
    expect(r.title).toBe('lock graph: 3 classes, 3 dependencies, 0 cycles');
  });

  it('reads CONFIG_DEBUG_LOCKDEP OPS counts and hashed keys (4.15+)', () => {
    const r = only(
      [
        'all lock classes:',
        '000000004b3e2f1a OPS:    1529 FD:    5 BD:    3 +.+.: &type->s_umount_key#46/1',
        ' -> [00000000deadbeef] &sb->s_type->i_lock_key#22',
        '',
        '00000000deadbeef OPS:   88231 FD:    1 BD:  210 +.+.: &sb->s_type->i_lock_key#22',
        '',
      ].join('\n'),
    );
    expect(edges(r)).toEqual(['&type->s_umount_key#46/1 -> &sb->s_type->i_lock_key#22']);
    expect(r.details?.debugLockdep).toMatch(/OPS/);
  });

  it('reads six usage characters (2.6.30–4.13) and decodes them in that era', () => {
    const r = only(
      [
        'all lock classes:',
        'ffffffff81c4f6a0 FD:   33 BD:    1 +.+.+.: &type->i_mutex_dir_key',
        ' -> [ffffffff81c4f6b0] &(&sbinfo->stat_lock)->rlock',
        '',
        'ffffffff81c4f6b0 FD:    1 BD:   12 ..-.-.: &(&sbinfo->stat_lock)->rlock',
        '',
      ].join('\n'),
    );
    expect(names(r)).toEqual([
      '&type->i_mutex_dir_key{+.+.+.}',
      '&(&sbinfo->stat_lock)->rlock{..-.-.}',
    ]);
    expect(r.usageEra).toBe('reclaim-fs');
  });

  it('reads 2.6.18–2.6.21 with CONFIG_DEBUG_LOCKDEP: no header, OPS counts, classes only', () => {
    const r = only(
      [
        'c0361cc4 OPS:     139 FD:    2 BD:    4 --..: &inode->i_mutex',
        'c0361ccc OPS:      17 FD:    1 BD:    5 ++..: &(&ip->i_lock)->mr_lock',
      ].join('\n'),
    );
    expect(names(r)).toEqual(['&inode->i_mutex{--..}', '&(&ip->i_lock)->mr_lock{++..}']);
    expect(r.dependencies).toEqual([]);
    expect(r.usageEra).toBe('pre-2.6.30');
    expect(r.diagnostics?.map((d) => d.message).join('\n')).toMatch(/before 2\.6\.22/);
  });

  it('reads 5.14+ without CONFIG_PROVE_LOCKING: "key: name" under the header, and says why no edges', () => {
    const r = only(
      [
        'all lock classes:',
        'ffffffff85163290: cgroup_mutex',
        'ffffffff85154dd8: (console_sem).lock',
        'ffffffff85154d80: console_lock',
      ].join('\n'),
    );
    expect(names(r)).toEqual(['cgroup_mutex', '(console_sem).lock', 'console_lock']);
    expect(r.usageEra).toBeNull();
    expect(r.diagnostics?.map((d) => d.message).join('\n')).toMatch(/CONFIG_PROVE_LOCKING/);
  });

  it('does not take "key: name" lines for a dump without the header', () => {
    const out = parseText('ffffffff85163290: cgroup_mutex\nffffffff85154dd8: console_lock\n');
    expect(out.reports).toEqual([]);
  });

  it('reads a dump pasted from dmesg-style logs with timestamps stripped by the cleaner', () => {
    const text = MODERN.split('\n')
      .map((l, i) => `[ ${(100 + i).toFixed(6)}] ${l}`)
      .join('\n');
    const r = only(text);
    expect(r.dependencies).toHaveLength(5);
  });

  it('reads the dump however it was mangled: flattened, quoted, syslog-prefixed, CRLF', () => {
    const expected = edges(only(MODERN));
    const mangled = [
      MODERN.replace(/\n+/g, ' '),
      MODERN.split('\n')
        .map((l) => `> ${l}`)
        .join('\n'),
      MODERN.split('\n')
        .map((l) => `Nov 22 05:00:01 host kernel: ${l}`)
        .join('\n'),
      MODERN.replace(/\n/g, '\r\n'),
    ];
    for (const text of mangled) expect(edges(only(text))).toEqual(expected);
  });

  it('flags a dump cut off after a dependency line', () => {
    const cut = MODERN.split('\n').slice(0, 4).join('\n');
    const r = only(cut);
    expect(r.truncated).toBe(true);
    expect(names(r)).toEqual(['cpu_hotplug_lock{+.+.}', 'cpuhp_state_mutex', '&rq->__lock']);
    expect(r.diagnostics?.[0]?.message).toMatch(/2 classes are named only as a dependency's end/);
  });

  it('ends the dump at the first line that is not part of it', () => {
    const out = parseText(MODERN + 'some shell prompt $ cat /proc/lockdep_stats\n');
    expect(out.reports).toHaveLength(1);
    expect(out.reports[0]!.lines.end).toBe(15);
  });

  it('two dumps pasted one after the other are two reports', () => {
    const out = parseText(MODERN + MODERN);
    expect(out.reports.map((r) => r.lines)).toEqual([
      { start: 1, end: 15 },
      { start: 17, end: 31 },
    ]);
  });

  it('a dump after a lockdep splat is a report of its own, and the splat stays a splat', () => {
    const splat = [
      '======================================================',
      'WARNING: possible circular locking dependency detected',
      '6.8.0 #1 Not tainted',
      '------------------------------------------------------',
      'a/1 is trying to acquire lock:',
      'ffff888000000001 (&b){+.+.}-{3:3}, at: f+0x1/0x2',
      '',
      'but task is already holding lock:',
      'ffff888000000002 (&a){+.+.}-{3:3}, at: g+0x1/0x2',
      '',
      'which lock already depends on the new lock.',
      '',
      '',
    ].join('\n');
    const out = parseText(splat + MODERN);
    expect(out.reports.map((r) => `${r.format} ${r.kind}`)).toEqual([
      'linux-lockdep circular-dependency',
      'proc-lockdep lock-graph',
    ]);
  });
});

describe('a whole-kernel dump', () => {
  it('8,000 classes and 32,000 dependencies parse to the right counts and planted cycles', () => {
    const g = generateLockdepDump({ classes: 8000, dependencies: 32000, cycles: 2, seed: 11 });
    const r = only(g.text);
    expect(r.classes.map((c) => c.name)).toEqual(g.classes);
    expect(r.dependencies).toHaveLength(32000);
    expect(new Set(edges(r))).toEqual(new Set(g.dependencies.map(([a, b]) => `${a} -> ${b}`)));
    expect(r.cycles).toHaveLength(2);
    // one cycle per planted tangle: a real cycle of the graph through classes of that tangle
    // (the generator's rank bands keep tangles apart; the shortest may not be the planted one)
    const deps = new Set(edges(r));
    for (const c of r.cycles!)
      c.forEach((v, i) => expect(deps.has(`${v} -> ${c[(i + 1) % c.length]}`)).toBe(true));
    for (const planted of g.cycles)
      expect(r.cycles!.filter((c) => c.some((v) => planted.includes(v)))).toHaveLength(1);
    expect(r.title).toBe('lock graph: 8000 classes, 32000 dependencies, 2 cycles');
  });
});
