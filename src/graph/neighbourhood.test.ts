import { describe, expect, it } from 'vitest';
import { generateLockdepDump } from '../../bench/lockgraph-dump';
import { parseText } from '../parse';
import { buildLockGraph } from './build';
import { edgeId } from './types';
import { neighbourhood, neighboursOf } from './neighbourhood';
import { searchClasses } from './search-classes';

const g = buildLockGraph(
  parseText(
    [
      'all lock classes:',
      'ffffffff81000001 FD:    5 BD:    1 +.+.: &sb->s_type->i_mutex_key#5',
      ' -> [ffffffff81000002] &ei->i_data_sem',
      '',
      'ffffffff81000002 FD:    4 BD:    2 ++++: &ei->i_data_sem',
      ' -> [ffffffff81000003] &rq->__lock',
      ' -> [ffffffff81000004] &journal->j_state_lock',
      '',
      'ffffffff81000003 FD:    1 BD:    4 -.-.: &rq->__lock',
      '',
      'ffffffff81000004 FD:    2 BD:    3 +.+.: &journal->j_state_lock',
      ' -> [ffffffff81000003] &rq->__lock',
      '',
      'ffffffff81000005 FD:    2 BD:    1 +.+.: i_mutex_key',
      ' -> [ffffffff81000003] &rq->__lock',
      '',
      'ffffffff81000006 FD:    2 BD:    1 +.+.: &type->i_mutex_dir_key',
      ' -> [ffffffff81000006] &type->i_mutex_dir_key',
      '',
    ].join('\n'),
  ).reports,
);

describe('neighbourhood', () => {
  it('holds what is held before and taken after, within depth, never through a shared hub', () => {
    const n = neighbourhood(g, '&ei->i_data_sem', 1)!;
    expect(n.nodes).toEqual([
      { id: '&ei->i_data_sem', distance: 0, side: 'center' },
      { id: '&sb->s_type->i_mutex_key#5', distance: 1, side: 'before' },
      { id: '&rq->__lock', distance: 1, side: 'after' },
      { id: '&journal->j_state_lock', distance: 1, side: 'after' },
    ]);
    // i_mutex_key also leads to &rq->__lock, but it is a sibling, not a neighbour
    expect(n.nodes.map((x) => x.id)).not.toContain('i_mutex_key');
    expect(n.edges).toEqual([
      edgeId('&sb->s_type->i_mutex_key#5', '&ei->i_data_sem'),
      edgeId('&ei->i_data_sem', '&rq->__lock'),
      edgeId('&ei->i_data_sem', '&journal->j_state_lock'),
      edgeId('&journal->j_state_lock', '&rq->__lock'),
    ]);
    expect(n.truncated).toBe(false);
  });

  it('depth 2 backwards from the hub; a limit cuts it short and says so', () => {
    const before = neighbourhood(g, '&rq->__lock', 2, { direction: 'before' })!;
    expect(before.nodes.map((x) => `${x.id}@${x.distance}`)).toEqual([
      '&rq->__lock@0',
      '&ei->i_data_sem@1',
      '&journal->j_state_lock@1',
      'i_mutex_key@1',
      '&sb->s_type->i_mutex_key#5@2',
    ]);
    const cut = neighbourhood(g, '&rq->__lock', 2, { direction: 'before', limit: 3 })!;
    expect(cut.nodes).toHaveLength(3);
    expect(cut.truncated).toBe(true);
    expect(neighbourhood(g, 'unknown', 1)).toBeNull();
  });

  it('a self-loop stays one node with its edge', () => {
    const n = neighbourhood(g, '&type->i_mutex_dir_key', 3)!;
    expect(n.nodes).toEqual([{ id: '&type->i_mutex_dir_key', distance: 0, side: 'center' }]);
    expect(n.edges).toEqual([edgeId('&type->i_mutex_dir_key', '&type->i_mutex_dir_key')]);
  });
});

describe('perClass and neighboursOf', () => {
  // a hub taken before 20 leaves; the hub -> c -> hub cycle; a is held before the hub
  const leaves = Array.from({ length: 20 }, (_, i) => `leaf${i}`);
  const hubText = [
    'all lock classes:',
    'ffffffff82000001 FD: 1 BD: 1 +.+.: a',
    ' -> [ffffffff82000002] hub',
    '',
    'ffffffff82000002 FD: 1 BD: 1 +.+.: hub',
    ...leaves.map((_, i) => ` -> [ffffffff82000${100 + i}] ${leaves[i]}`),
    ' -> [ffffffff82000003] c',
    '',
    'ffffffff82000003 FD: 1 BD: 1 +.+.: c',
    ' -> [ffffffff82000002] hub',
    '',
    ...leaves.flatMap((l, i) => [`ffffffff82000${100 + i} FD: 1 BD: 1 +.+.: ${l}`, '']),
  ].join('\n');
  const hg = buildLockGraph(parseText(hubText).reports);

  it('lists a cycle mate first, then the busiest, then graph order', () => {
    expect(neighboursOf(hg, 'hub', 'after').slice(0, 3)).toEqual(['c', 'leaf0', 'leaf1']);
    expect(neighboursOf(hg, 'hub', 'before')).toEqual(['c', 'a']);
    expect(neighboursOf(hg, 'nope', 'after')).toEqual([]);
  });

  it('follows at most perClass neighbours per class and counts the rest', () => {
    const n = neighbourhood(hg, 'hub', 1, { perClass: [5] })!;
    expect(n.nodes.map((x) => x.id)).toEqual(['hub', 'a', 'c', 'leaf0', 'leaf1', 'leaf2', 'leaf3']);
    expect(n.hidden).toEqual([{ id: 'hub', side: 'after', count: 16 }]);
    expect(neighbourhood(hg, 'hub', 1)!.hidden).toEqual([]);
    // the last cap applies further out
    const far = neighbourhood(hg, 'a', 2, { perClass: [1, 2] })!;
    expect(far.nodes.map((x) => x.id)).toEqual(['a', 'hub', 'c', 'leaf0']);
    expect(far.hidden).toEqual([{ id: 'hub', side: 'after', count: 19 }]);
  });
});

describe('searchClasses', () => {
  it('ranks whole name, name start, word start, then anywhere; shorter names first', () => {
    expect(searchClasses(g, 'I_MUTEX').map((m) => `${m.id} ${m.rank}@${m.at}`)).toEqual([
      'i_mutex_key 1@0',
      '&type->i_mutex_dir_key 2@7',
      '&sb->s_type->i_mutex_key#5 2@13',
    ]);
    expect(searchClasses(g, 'rq').map((m) => `${m.id} ${m.rank}`)).toEqual(['&rq->__lock 1']);
    expect(searchClasses(g, 'i_mutex_key')[0]).toEqual({ id: 'i_mutex_key', at: 0, rank: 0 });
    expect(searchClasses(g, 'tex_k').map((m) => m.rank)).toEqual([3, 3]);
    expect(searchClasses(g, '  ')).toEqual([]);
    expect(searchClasses(g, 'lock', 2)).toHaveLength(2);
  });
});

describe('at whole-kernel size', () => {
  it('neighbourhood and search answer on 8,000 classes / 32,000 dependencies', () => {
    const dump = generateLockdepDump({ classes: 8000, dependencies: 32000, seed: 3 });
    const big = buildLockGraph(parseText(dump.text).reports);
    const hub = neighbourhood(big, '&rq->__lock', 2)!;
    expect(hub.nodes.length).toBe(500);
    expect(hub.truncated).toBe(true);
    expect(searchClasses(big, 'i_mutex_key').length).toBe(50);
  });
});
