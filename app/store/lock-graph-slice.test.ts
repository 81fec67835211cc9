import { describe, expect, it } from 'vitest';
import { SCHEMA, type Report } from '../../src/model/types';
import {
  createAppStore,
  selectDumpCycles,
  selectExplorerDrawn,
  selectExplorerKey,
  selectExplorerQuery,
  selectExplorerView,
  selectLockGraphReport,
} from '.';
import { dumpReport } from './lock-graph-test-report';

const DEPS: [string, string][] = [
  ['&rq->__lock', '&p->pi_lock'],
  ['&p->pi_lock', '&rq->__lock'],
  ['rtnl_mutex', '&dev->lock'],
  ['&dev->lock', '&rq->__lock'],
  ['&sb->s_umount', 'rtnl_mutex'],
];

async function storeWith(reports: Report[]) {
  const store = createAppStore({
    parse: async () => ({ schema: SCHEMA, reports, diagnostics: [] }),
  });
  await store.getState().loadInput('text', 'api');
  return store;
}

describe('lock-graph slice and selectors', () => {
  it('shows nothing until asked, then the neighbourhood of the class asked about', async () => {
    const store = await storeWith([dumpReport(DEPS)]);
    const s = () => store.getState();
    expect(selectLockGraphReport(s())?.kind).toBe('lock-graph');
    expect(selectExplorerView(s())).toBeNull();
    expect(selectExplorerKey(s())).toBeNull();
    expect(selectExplorerDrawn(s())).toBe(true); // nothing to draw

    s().setExplorerQuery({ mode: 'neighbourhood', focus: 'rtnl_mutex', depth: 1 });
    const view = selectExplorerView(s())!;
    expect(view.focus).toBe('rtnl_mutex');
    expect(view.graph.nodes.map((n) => n.id)).toEqual([
      'rtnl_mutex',
      '&dev->lock',
      '&sb->s_umount',
    ]);
    expect(view.graph.edges.map((e) => [e.prev, e.next])).toEqual([
      ['rtnl_mutex', '&dev->lock'],
      ['&sb->s_umount', 'rtnl_mutex'],
    ]);
    expect(selectExplorerView(s())).toBe(view); // memoised
    expect(selectExplorerDrawn(s())).toBe(false);
    s().markDrawn(selectExplorerKey(s())!);
    expect(selectExplorerDrawn(s())).toBe(true);

    s().setExplorerQuery({ mode: 'neighbourhood', focus: 'rtnl_mutex', depth: 2 });
    expect(selectExplorerView(s())!.graph.nodes).toHaveLength(4);
    expect(selectExplorerDrawn(s())).toBe(false);
  });

  it('answers "is A ever taken before B?" with the path, or says B is taken before A', async () => {
    const store = await storeWith([dumpReport(DEPS)]);
    const s = () => store.getState();
    s().setExplorerQuery({ mode: 'path', from: '&sb->s_umount', to: '&p->pi_lock' });
    let view = selectExplorerView(s())!;
    expect(view.path).toEqual([
      '&sb->s_umount',
      'rtnl_mutex',
      '&dev->lock',
      '&rq->__lock',
      '&p->pi_lock',
    ]);
    expect(view.graph.edges).toHaveLength(4); // the path's own, not the pi_lock -> rq back edge
    expect(view.highlight.nodes).toEqual(view.path);

    s().setExplorerQuery({ mode: 'path', from: '&dev->lock', to: 'rtnl_mutex' });
    view = selectExplorerView(s())!;
    expect(view.path).toBeNull();
    expect(view.reversePath).toEqual(['rtnl_mutex', '&dev->lock']);

    s().setExplorerQuery({ mode: 'path', from: 'rtnl_mutex', to: 'no_such_lock' });
    view = selectExplorerView(s())!;
    expect(view.unknown).toEqual(['no_such_lock']);
    expect(view.path).toBeNull();
  });

  it('lists the parser’s cycles, or finds them when it lists none, and draws one', async () => {
    const listed = await storeWith([dumpReport(DEPS, [], [['&p->pi_lock', '&rq->__lock']])]);
    expect(selectDumpCycles(listed.getState())).toEqual([['&p->pi_lock', '&rq->__lock']]);
    const store = await storeWith([dumpReport(DEPS)]);
    const s = () => store.getState();
    expect(selectDumpCycles(s())).toEqual([['&rq->__lock', '&p->pi_lock']]);
    s().setExplorerQuery({ mode: 'cycle', index: 0 });
    const view = selectExplorerView(s())!;
    expect(view.graph.nodes).toHaveLength(2);
    expect(view.graph.cycle).toEqual(['&rq->__lock', '&p->pi_lock']);
    expect(view.highlight.edges).toHaveLength(2);
  });

  it('draws the whole graph only when asked, and forgets the query on a new parse', async () => {
    const store = await storeWith([dumpReport(DEPS)]);
    const s = () => store.getState();
    s().setExplorerQuery({ mode: 'whole' });
    expect(selectExplorerView(s())!.graph.nodes).toHaveLength(5);
    const key = selectExplorerKey(s());
    s().setExplorerRenderer('webgl');
    expect(selectExplorerKey(s())).not.toBe(key); // changing the renderer redraws
    await s().loadInput('other text', 'api');
    expect(selectExplorerQuery(s())).toBeNull();
  });

  it('stays out of the way of ordinary reports', async () => {
    const store = await storeWith([
      { ...dumpReport(DEPS), format: 'linux-lockdep', kind: 'circular-dependency' },
    ]);
    expect(selectLockGraphReport(store.getState())).toBeNull();
    expect(selectExplorerDrawn(store.getState())).toBeNull();
  });
});
