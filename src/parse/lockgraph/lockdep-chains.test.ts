// /proc/lockdep_chains written by hand from lc_show()'s format strings.
import { describe, expect, it } from 'vitest';
import { generateLockdepChains } from '../../../bench/lockgraph-dump';
import type { Report } from '../../model/types';
import { parseText } from '../index';

function only(text: string): Report {
  const out = parseText(text);
  expect(out.reports).toHaveLength(1);
  return out.reports[0]!;
}
const edges = (r: Report) => r.dependencies.map((d) => `${d.prev} -> ${d.next}`);

const CHAINS = `all lock chains:
irq_context: 0
[ffffffff82a4b9d8] cpu_hotplug_lock
[ffffffff82a4ba18] cpuhp_state_mutex
[ffffffff83c1d0a0] &rq->__lock

irq_context: softirq
[ffffffff83d00010] slock-AF_INET
[ffffffff83d00020] &base->lock

irq_context: 0
[ffffffff82a4b9d8] cpu_hotplug_lock
[ffffffff82a4ba18] cpuhp_state_mutex

irq_context: hardirq|softirq
[ffffffff83c1d0a0] &rq->__lock
[ffffffff82a4b9d8] cpu_hotplug_lock

`;

describe('/proc/lockdep_chains (lc_show)', () => {
  it('makes each consecutive pair of a chain a dependency, each once', () => {
    const r = only(CHAINS);
    expect(r.format).toBe('proc-lockdep');
    expect(r.kind).toBe('lock-graph');
    expect(edges(r)).toEqual([
      'cpu_hotplug_lock -> cpuhp_state_mutex',
      'cpuhp_state_mutex -> &rq->__lock',
      'slock-AF_INET -> &base->lock',
      '&rq->__lock -> cpu_hotplug_lock',
    ]);
    expect(r.classes.map((c) => c.name)).toEqual([
      'cpu_hotplug_lock',
      'cpuhp_state_mutex',
      '&rq->__lock',
      'slock-AF_INET',
      '&base->lock',
    ]);
    expect(r.classes.every((c) => c.usage === null)).toBe(true);
    expect(r.details).toMatchObject({ source: '/proc/lockdep_chains', lockChains: '4' });
    expect(r.cycles).toEqual([['cpu_hotplug_lock', 'cpuhp_state_mutex', '&rq->__lock']]);
    expect(r.title).toBe('lock graph: 5 classes, 4 dependencies, 1 cycle');
    expect(r.diagnostics).toEqual([]);
  });

  it('reads the older numeric irq_context and a paste without the header', () => {
    const r = only(
      'irq_context: 2\n[00000000a1b2c3d4] &(&zone->lock)->rlock\n[00000000a1b2c3d5] &obj_hash[i].lock\n',
    );
    expect(edges(r)).toEqual(['&(&zone->lock)->rlock -> &obj_hash[i].lock']);
  });

  it('says when lockdep ran out of chain hlocks ("(buggered)")', () => {
    const r = only(CHAINS.replace('all lock chains:', '(buggered) all lock chains:'));
    expect(r.diagnostics?.[0]?.message).toMatch(/ran out of chain hlocks/);
  });

  it('adds no dependency of a class on itself for nested locks of one class', () => {
    const r = only(
      'all lock chains:\nirq_context: 0\n[ffffffff81000001] &mm->mmap_lock\n[ffffffff81000002] &anon_vma->rwsem\n[ffffffff81000002] &anon_vma->rwsem\n',
    );
    expect(edges(r)).toEqual(['&mm->mmap_lock -> &anon_vma->rwsem']);
    expect(r.cycles).toEqual([]);
    expect(r.diagnostics?.[0]?.message).toMatch(/same class twice/);
  });

  it('a generated dump gives the dependencies and the planted cycle of the generator', () => {
    const g = generateLockdepChains({ chains: 400, classes: 150, seed: 5 });
    const r = only(g.text);
    expect(new Set(edges(r))).toEqual(new Set(g.dependencies.map(([a, b]) => `${a} -> ${b}`)));
    expect(new Set(r.classes.map((c) => c.name))).toEqual(new Set(g.classes));
    const found = r.cycles!.map((c) => [...c].sort().join('|'));
    for (const c of g.cycles) expect(found).toContain([...c].sort().join('|'));
  });
});
