// `lockscope order` with the real parser on dumps written here or generated.
import { describe, expect, it } from 'vitest';
import { generateLockdepDump } from '../../../bench/lockgraph-dump';
import { memoryIO } from '../io';
import { main } from '../main';
import { commandRunner, tempFolder } from '../testing';
import { ORDER_SCHEMA, type OrderOutput } from './order';

const { file } = tempFolder('order');

const DUMP = `all lock classes:
ffffffff81000001 FD:    4 BD:    1 +.+.: &sb->s_type->i_mutex_key#5
 -> [ffffffff81000002] &ei->i_data_sem

ffffffff81000002 FD:    3 BD:    2 ++++: &ei->i_data_sem
 -> [ffffffff81000003] &journal->j_state_lock

ffffffff81000003 FD:    3 BD:    3 +.+.: &journal->j_state_lock
 -> [ffffffff81000002] &ei->i_data_sem
 -> [ffffffff81000004] &rq->__lock

ffffffff81000004 FD:    1 BD:    4 -.-.: &rq->__lock

`;
const dump = file('lockdep.txt', DUMP);

const run = commandRunner('order');

describe('lockscope order', () => {
  it('prints a numbered order and names the dependency against it with its cycle', async () => {
    const r = await run([dump]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'suggested lock order for 4 classes (lock graph: 4 classes, 4 dependencies, 1 cycle): 1 dependency goes against it',
    );
    expect(lines[1]).toBe('1  &sb->s_type->i_mutex_key#5');
    expect(lines[4]).toBe('4  &rq->__lock');
    expect(r.stdout).toMatch(
      /back edges \(dependencies against this order; each closes a cycle\):\n {2}(\S+) -> (\S+)\n {6}cycle: (\S+) -> (\S+) -> \1\n$/,
    );
  });

  it('--json: the order is a topological order of the graph without the back edges', async () => {
    const r = await run(['--json', dump]);
    expect(r.code).toBe(0);
    const o = JSON.parse(r.stdout) as OrderOutput;
    expect(o.schema).toBe(ORDER_SCHEMA);
    expect(o).toMatchObject({ classes: 4, dependencies: 4 });
    expect(o.backEdges).toHaveLength(1);
    const e = o.backEdges[0]!;
    expect([e.prev, e.next].sort()).toEqual(['&ei->i_data_sem', '&journal->j_state_lock']);
    expect(e.cycle).toEqual([e.prev, e.next]);
    const at = (n: string) => o.order.indexOf(n);
    expect(at(e.prev)).toBeGreaterThan(at(e.next));
  });

  it('reads stdin and a whole generated kernel', async () => {
    const g = generateLockdepDump({ classes: 2000, dependencies: 8000, cycles: 2, seed: 12 });
    const r = await run(['--json', '-'], g.text);
    const o = JSON.parse(r.stdout) as OrderOutput;
    expect(o.order).toHaveLength(2000);
    expect(o.dependencies).toBe(8000);
    expect(o.backEdges.length).toBeGreaterThanOrEqual(2);
    const position = new Map(o.order.map((n, i) => [n, i]));
    const back = new Set(o.backEdges.map((e) => `${e.prev}\0${e.next}`));
    for (const [a, b] of g.dependencies)
      if (!back.has(`${a}\0${b}`)) expect(position.get(a)!).toBeLessThan(position.get(b)!);
    for (const e of o.backEdges) expect(e.cycle?.[0]).toBe(e.prev);
  });

  it('exits 1 when nothing is found and 2 on a bad command line', async () => {
    const none = await run([file('empty.txt', 'nothing here\n')]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no lock graph or lock report found in .*empty\.txt/);
    expect((await run(['--json', '--text', dump])).code).toBe(2);
    expect((await run(['--nope', dump])).code).toBe(2);
  });

  it('is listed in lockscope --help', async () => {
    const m = memoryIO('');
    await main(['--help'], m.io);
    expect(m.stdout()).toMatch(/\n {2}order {2}suggest a lock order/);
  });
});
