// The lock graph: a pasted report becomes a picture — the cycle, each dependency's stack, the
// class in words — checked on real reports from the shared corpus and on logs written here.
import { gzipSync } from 'node:zlib';
import { expect, test } from './fixtures';
import { LOCKDEP_EXAMPLE, NOT_A_REPORT } from './support/examples';
import { corpusMissing, readSeed, SEED_002, SEED_004 } from './support/corpus';

/** report-json.md: seed 002's cycle, from chain entry #0 (the lock being acquired) on. */
const SEED_002_CYCLE = [
  'cpu_hotplug_lock.rw_sem',
  'cpuhp_state_mutex',
  'cpuhp_state',
  '(complete)&req.done',
  '&sb->s_type->i_mutex_key#5',
  '&mm->mmap_sem',
  '&dev_priv->mm_lock',
];

/** The stack under each `-> #k (class){…}:` entry, read straight from the text: class -> functions. */
function chainStacks(text: string): Map<string, { k: number; functions: string[] }> {
  const out = new Map<string, { k: number; functions: string[] }>();
  let current: string[] | null = null;
  for (const line of text.split('\n')) {
    const entry = /^-> #(\d+) \((.+)\)\{[^}]*\}:$/.exec(line.trim());
    if (entry) {
      current = [];
      out.set(entry[2]!, { k: Number(entry[1]), functions: current });
    } else if (current && /^\s+\S+\+0x/.test(line)) current.push(line.trim().split('+')[0]!);
    else if (current && line.trim() === '') current = null;
  }
  return out;
}

const pairs = (cycle: readonly string[]) =>
  cycle.map((c, i): [string, string] => [c, cycle[(i + 1) % cycle.length]!]);

test.describe('seed reports from the shared corpus', () => {
  test.skip(!!corpusMissing(SEED_002, SEED_004), corpusMissing(SEED_002, SEED_004) ?? '');

  test('seed 002 pasted: 7 classes, a 7-dependency cycle in taken-before order', async ({
    app,
  }) => {
    const text = readSeed(SEED_002);
    await app.open();
    await app.input.paste(text);
    await app.waitForParseOf(text);
    await app.graph.drawn();
    const { graph } = await app.state();
    expect(graph.cycle).toEqual(SEED_002_CYCLE);
    expect([...graph.nodes].sort()).toEqual([...SEED_002_CYCLE].sort());
    expect(graph.edges).toHaveLength(7);
    expect(graph.edges).toEqual(expect.arrayContaining(pairs(SEED_002_CYCLE)));
    // Drawn top to bottom in lock order; only the closing (new) dependency points back up.
    const geo = await app.graph.geometry();
    const y = new Map(geo.nodes.map((n) => [n.id, n.y]));
    for (const [prev, next] of pairs(SEED_002_CYCLE).slice(0, -1))
      expect(y.get(next)!).toBeGreaterThan(y.get(prev)!);
    await expect(app.graph.cycleClasses).toHaveText(SEED_002_CYCLE);
  });

  test('clicking each dependency of the cycle on the canvas shows where it was established', async ({
    app,
  }) => {
    const text = readSeed(SEED_002);
    const stacks = chainStacks(text);
    await app.open();
    await app.load(text);
    await app.graph.drawn();
    for (const [prev, next] of pairs(SEED_002_CYCLE)) {
      await app.graph.clickEdge(prev, next);
      const state = await app.state();
      expect(state.graph.selection).toEqual({ kind: 'edge', id: JSON.stringify([prev, next]) });
      // A simple cycle: the shortest cycle through any of its dependencies is the whole cycle.
      expect([...state.graph.highlighted].sort()).toEqual([...SEED_002_CYCLE].sort());
      await expect(app.graph.detailsName).toHaveText(`${prev} → ${next}`);
      const { k, functions } = stacks.get(next)!;
      const stack = app.graph.edgeStacks.first();
      await expect(stack.getByRole('heading')).toContainText(`-> #${k}`);
      await expect(stack.getByTestId('frame')).toHaveCount(functions.length);
      await expect(stack.getByTestId('frame').first()).toContainText(functions[0]!);
      await expect(app.graph.edgeCycle.getByRole('listitem')).toHaveCount(7);
      // The box marks the -> #k entry and its frames.
      await expect(app.graph.marked.first()).toBeAttached();
    }
  });

  test('seed 004 (flattened onto one line) gives the same graph as its clean form', async ({
    app,
  }) => {
    const flat = readSeed(SEED_004);
    // An independent, simple unflattening: one line per "<4> [ts]" record, "\x0a" as a newline.
    const clean = flat.replace(/ ?<\d> \[\s*\d+\.\d+\] ?/g, '\n').replace(/\\x0a/g, '\n');
    expect(clean.split('\n').length).toBeGreaterThan(40);
    await app.open();
    await app.load(clean);
    await app.graph.drawn();
    const fromClean = (await app.state()).graph;
    await app.load(flat);
    await app.graph.drawn();
    const fromFlat = (await app.state()).graph;
    expect(fromFlat.cycle).not.toBeNull();
    expect(fromFlat.cycle!.length).toBeGreaterThan(2);
    expect(fromFlat.cycle).toEqual(fromClean.cycle);
    expect([...fromFlat.nodes].sort()).toEqual([...fromClean.nodes].sort());
    expect(fromFlat.edges.map((e) => e.join(' -> ')).sort()).toEqual(
      fromClean.edges.map((e) => e.join(' -> ')).sort(),
    );
  });

  test('a lock class in words: usage bits, who holds it, where it is in the text', async ({
    app,
  }) => {
    await app.open();
    await app.load(readSeed(SEED_002));
    await app.graph.drawn();
    await app.graph.clickNode('&mm->mmap_sem');
    expect((await app.state()).graph.highlighted).toEqual(['&mm->mmap_sem']);
    await expect(app.graph.detailsName).toHaveText('&mm->mmap_sem');
    await expect(app.graph.nodeUsage).toContainText('{++++}');
    await expect(app.graph.nodeUsage).toContainText('taken with hardirqs enabled');
    await expect(app.graph.details.getByTestId('graph.node-held')).toContainText(
      'by prime_mmap/1551',
    );
    // Its lines in the text are buttons that select them in the box.
    await app.graph.details.getByTestId('line.link').first().click();
    expect(await app.input.selectedText()).toContain('&mm->mmap_sem');
  });
});

/** 20 variations of our own example, with ordinary log lines between them. */
function twentyReports(): string {
  const parts: string[] = [];
  for (let i = 0; i < 20; i++) {
    parts.push(`[  ${100 + i}.000001] usb 1-1: new high-speed USB device number ${i}`);
    parts.push(LOCKDEP_EXAMPLE.replaceAll('&dev->buf_lock', `&dev->buf_lock#${i}`).trimEnd());
    parts.push(`[  ${100 + i}.500000] EXT4-fs (sda1): mounted filesystem`);
  }
  return parts.join('\n');
}

test('a log of 20 reports lists 20, and the toggle merges them into one graph', async ({ app }) => {
  const log = twentyReports();
  await app.open();
  await app.load(log);
  const state = await app.state();
  expect(state.reports).toHaveLength(20);
  await expect(app.results.items).toHaveCount(20);
  expect(state.graph.nodes).toHaveLength(3);
  await app.graph.merged.check();
  await app.graph.drawn();
  const merged = (await app.state()).graph;
  expect(merged.merged).toBe(true);
  // &mm->mmap_lock and i_mutex_key#12 are shared; each report has its own buf_lock.
  expect(merged.nodes).toHaveLength(22);
  expect(merged.edges).toHaveLength(1 + 2 * 20); // mmap_lock -> i_mutex_key#12 is shared too
});

test('the cycle list selects every lock and dependency from the keyboard', async ({ app }) => {
  await app.open();
  await app.graph.drawn();
  const { graph } = await app.state();
  const cycle = graph.cycle!;
  await app.graph.cycleDependencies.first().focus();
  await app.page.keyboard.press('Enter');
  expect((await app.state()).graph.selection).toEqual({
    kind: 'edge',
    id: JSON.stringify([cycle[0], cycle[1]]),
  });
  await expect(app.graph.edgeStacks.first().getByTestId('frame').first()).toBeVisible();
  await app.graph.cycleClasses.nth(1).focus();
  await app.page.keyboard.press('Enter');
  expect((await app.state()).graph.highlighted).toEqual([cycle[1]]);
  await expect(app.graph.detailsName).toHaveText(cycle[1]!);
});

test('a click on a line of the report selects what it names; the recentre button keeps the graph', async ({
  app,
}) => {
  await app.open();
  await app.graph.drawn();
  const lines = LOCKDEP_EXAMPLE.split('\n');
  const entry = lines.findIndex((l) => l.startsWith('-> #1 ('));
  // A frame line under "-> #1 (B)" belongs to the dependency A -> B.
  const box = await app.input.box.boundingBox();
  const lineHeight = 18;
  await app.input.box.evaluate((el) => (el.scrollTop = 0));
  await app.page.mouse.click(
    box!.x + 60,
    box!.y + 1 + 8 + (entry + 1) * lineHeight + lineHeight / 2,
  );
  const sel = (await app.state()).graph.selection;
  expect(sel?.kind).toBe('edge');
  const [prev, next] = JSON.parse(sel!.id) as [string, string];
  expect(lines[entry]).toContain(`(${next})`);
  await expect(app.graph.detailsName).toHaveText(`${prev} → ${next}`);
  await app.graph.recentre.click();
  expect((await app.state()).graph.nodes.length).toBeGreaterThan(0);
});

test('a gzipped log dropped or opened is unpacked in the page and parsed', async ({ app }) => {
  await app.open();
  await app.input.dropFile('dmesg.log.gz', gzipSync(LOCKDEP_EXAMPLE));
  await app.waitForParseOf(LOCKDEP_EXAMPLE);
  await expect(app.input.box).toHaveValue(LOCKDEP_EXAMPLE);
  expect((await app.state()).reports.map((r) => r.kind)).toEqual(['circular-dependency']);
  await app.input.openFileNamed('no-suffix', gzipSync(NOT_A_REPORT));
  await app.waitForParseOf(NOT_A_REPORT);
  await expect(app.input.box).toHaveValue(NOT_A_REPORT);
});
