// The lock-graph explorer on generated /proc/lockdep dumps: search, neighbourhood, "is A taken
// before B?", cycles, the lock order export, the whole graph and the WebGL renderer.
import { readFileSync } from 'node:fs';
import { generateLockdepDump, type GeneratedGraph } from '../bench/lockgraph-dump';
import { test, expect } from './fixtures';
import { LockGraphExplorer } from './pages/lock-graph';

const small = generateLockdepDump({ classes: 50, dependencies: 140, cycles: 2, seed: 8 });

/** Shortest dependency path a -> … -> b in the generated graph (what the app must find). */
function shortestPath(g: GeneratedGraph, a: string, b: string): string[] | null {
  const out = new Map<string, string[]>();
  for (const [p, n] of g.dependencies) out.set(p, [...(out.get(p) ?? []), n]);
  const parent = new Map<string, string>([[a, a]]);
  const queue = [a];
  while (queue.length) {
    const v = queue.shift()!;
    if (v === b) break;
    for (const w of out.get(v) ?? [])
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
  }
  if (!parent.has(b)) return null;
  const path = [b];
  while (path[0] !== a) path.unshift(parent.get(path[0]!)!);
  return path;
}

/** A pair with a path of at least two dependencies one way and none the other. */
function orderedPair(g: GeneratedGraph): [string, string] {
  for (const a of g.classes)
    for (const b of g.classes) {
      const p = shortestPath(g, a, b);
      if (p && p.length >= 3 && !shortestPath(g, b, a)) return [a, b];
    }
  throw new Error('no ordered pair in the generated graph');
}

async function openDump(app: import('./pages/app-page').AppPage, text: string) {
  await app.open();
  await app.input.paste(text);
  await app.waitForParseOf(text);
  const explorer = new LockGraphExplorer(app.page);
  await expect(explorer.root).toBeVisible();
  return explorer;
}

test('a dump opens the explorer: search a class and see its neighbourhood', async ({
  app,
  page,
}) => {
  const explorer = await openDump(app, small.text);
  await expect(explorer.facts).toContainText(`${small.classes.length} lock classes`);
  await expect(explorer.empty).toBeVisible();
  // the busiest class: the one named in most dependencies
  const degree = new Map<string, number>();
  for (const [p, n] of small.dependencies) {
    degree.set(p, (degree.get(p) ?? 0) + 1);
    degree.set(n, (degree.get(n) ?? 0) + 1);
  }
  const hub = [...degree].sort((a, b) => b[1] - a[1])[0]![0];
  await explorer.pick(explorer.focusInput, hub.slice(0, Math.min(6, hub.length)), hub);
  await explorer.drawn();
  const s = await explorer.state();
  expect(s.mode).toBe('neighbourhood');
  const expected = new Set([hub]);
  for (const [p, n] of small.dependencies) {
    if (p === hub) expected.add(n);
    if (n === hub) expected.add(p);
  }
  // a hub draws its first neighbours and counts the rest ("+N more")
  for (const n of s.nodes) expect(expected.has(n)).toBe(true);
  const left = s.hidden.filter((h) => h.name === hub).reduce((sum, h) => sum + h.count, 0);
  expect(s.nodes.length + left).toBe(expected.size);
  expect(s.drawing!.nodes).toBe(s.nodes.length + s.hidden.length);
  await expect(explorer.answer).toContainText(hub);
  await explorer.canvas.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/lock-graph-neighbourhood.png' });

  await explorer.depth2.check();
  await explorer.drawn();
  const far = await explorer.state();
  expect(far.query).toMatchObject({ depth: 2 });
  expect(far.nodeCount).toBeGreaterThan(s.nodes.length);
});

test('is A ever taken before B: the path, drawn and lit; or no, and B before A', async ({
  app,
  page,
}) => {
  const explorer = await openDump(app, small.text);
  const [a, b] = orderedPair(small);
  await explorer.pick(explorer.pathFrom, a, a);
  await explorer.pick(explorer.pathTo, b, b);
  await explorer.drawn();
  let s = await explorer.state();
  expect(s.takenBefore).toBe(true);
  expect(s.path).toHaveLength(shortestPath(small, a, b)!.length);
  expect(s.path![0]).toBe(a);
  expect(s.path!.at(-1)).toBe(b);
  expect(s.drawing!.nodes).toBe(s.path!.length);
  await expect(explorer.answer).toContainText('Yes');
  await explorer.canvas.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/lock-graph-path.png' });

  await explorer.root.getByRole('button', { name: 'Swap' }).click();
  await explorer.drawn();
  s = await explorer.state();
  expect(s.takenBefore).toBe(false);
  expect(s.reversePath?.[0]).toBe(a);
  await expect(explorer.answer).toContainText('No');
  await expect(explorer.answer).toContainText('is taken before');
});

test('cycles are listed and each draws', async ({ app, page }) => {
  const explorer = await openDump(app, small.text);
  await expect(explorer.cycles).toHaveCount(small.cycles.length);
  // one cycle per tangle of locks: each a real cycle through a planted one's classes
  const listed = (await explorer.state()).cycles;
  const deps = new Set(small.dependencies.map(([p, n]) => `${p}\u0000${n}`));
  for (const c of listed)
    c.forEach((x, i) => expect(deps.has(`${x}\u0000${c[(i + 1) % c.length]}`)).toBe(true));
  for (const planted of small.cycles)
    expect(listed.some((c) => planted.some((x) => c.includes(x)))).toBe(true);
  await explorer.cycles.first().click();
  await explorer.drawn();
  const s = await explorer.state();
  expect(s.mode).toBe('cycle');
  expect(new Set(s.nodes)).toEqual(new Set(listed[0]));
  expect(s.drawing!.edges).toBeGreaterThanOrEqual(listed[0]!.length);
  await explorer.canvas.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/lock-graph-cycle.png' });
});

test('the suggested lock order downloads as text and agrees with the dump', async ({
  app,
  page,
}) => {
  const explorer = await openDump(app, small.text);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    explorer.exportOrder.click(),
  ]);
  expect(download.suggestedFilename()).toBe('lock-order.txt');
  const text = readFileSync(await download.path(), 'utf8');
  const position = new Map<string, number>();
  for (const line of text.split('\n')) {
    const m = /^\s*(\d+) {2}(.+)$/.exec(line);
    if (m) position.set(m[2]!, Number(m[1]));
  }
  expect(position.size).toBe(small.classes.length);
  const against = text.split('# Against the order')[1] ?? '';
  let backwards = 0;
  for (const [p, n] of small.dependencies) {
    if (position.get(p)! < position.get(n)!) continue;
    backwards++;
    expect(against).toContain(`${p} -> ${n}`);
  }
  // each planted cycle needs at least one dependency against any order
  expect(backwards).toBeGreaterThanOrEqual(small.cycles.length);
});

test('the whole graph of 2,000 classes draws on request, names hidden when fitted', async ({
  app,
  page,
}) => {
  test.setTimeout(180_000);
  const big = generateLockdepDump({ classes: 2000, dependencies: 8000, cycles: 3, seed: 3 });
  await app.open();
  await app.load(big.text);
  const explorer = new LockGraphExplorer(page);
  await expect(explorer.root).toBeVisible();
  await expect(explorer.root.getByTestId('explorer.whole')).toContainText('2,000 classes');
  await explorer.drawWhole.click();
  await page.waitForFunction(() => window.lockscope!.whenDrawn().then(() => true), null, {
    timeout: 150_000,
  });
  const s = await explorer.state();
  expect(s.mode).toBe('whole');
  expect(s.drawing!.nodes).toBe(2000);
  expect(s.drawing!.edges).toBe(s.dependencies);
  expect(s.drawing!.labelsShown).toBe(false);
  // the dependencies are on a layer of their own beneath Cytoscape's
  await expect(explorer.canvas.locator('canvas[data-id="lockscope-edges"]')).toHaveCount(1);
  await explorer.canvas.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/lock-graph-whole.png' });

  // zoomed in on a class: names (and arrowheads) appear
  const shown = (await explorer.state()).drawing!.positions; // after the scroll
  const target = shown[Math.floor(shown.length / 2)]!;
  await page.mouse.move(target.x, target.y);
  // Cytoscape zooms a few per cent a wheel step
  for (let i = 0; i < 20 && !(await explorer.state()).drawing!.labelsShown; i++)
    for (let j = 0; j < 10; j++) await page.mouse.wheel(0, -400);
  const near = (await explorer.state()).drawing!;
  expect(near.labelsShown).toBe(true);
  expect(near.nodes).toBe(2000);
  await page.waitForTimeout(500); // the texture shown while zooming gives way to the real draw
  await explorer.canvas.screenshot({ path: 'screenshots/lock-graph-whole-zoomed.png' });
});

test('the WebGL renderer can be chosen and still draws; canvas again after', async ({
  app,
  page,
}) => {
  const explorer = await openDump(app, small.text);
  const [a] = small.dependencies[0]!;
  await page.evaluate((focus) => window.lockscope!.graphQuery({ focus }), a);
  await explorer.drawn();
  const before = await explorer.state();
  await explorer.webgl.check();
  await explorer.drawn();
  let s = await explorer.state();
  expect(s.renderer).toBe('webgl');
  expect(s.drawing!.renderer).toBe('webgl');
  expect(s.drawing!.nodes).toBe(before.drawing!.nodes);
  await expect(explorer.canvas).toHaveAttribute('data-renderer', 'webgl');
  await expect(explorer.canvas.locator('canvas[data-id="layer3-webgl"]')).toHaveCount(1);
  await explorer.canvasRenderer.check();
  await explorer.drawn();
  s = await explorer.state();
  expect(s.drawing!.renderer).toBe('canvas');
  expect(s.drawing!.nodes).toBe(before.drawing!.nodes);
});
