// Screenshots of the main views in light and dark, kept in screenshots/ (git-ignored) for a
// person to look at. Each asserts its view is really there first.
import { expect, test } from './fixtures';
import { LOCKDEP_EXAMPLE, NOT_A_REPORT, WITNESS_EXAMPLE } from './support/examples';
import { corpusMissing, readSeed, SEED_002, SEED_004 } from './support/corpus';

const DIR = 'screenshots';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    // Tall enough that the whole report fits: on wide screens the panels scroll on their own.
    test.use({ colorScheme: scheme, viewport: { width: 1280, height: 1500 } });

    test(`the example report (${scheme})`, async ({ app }) => {
      await app.open();
      await expect(app.input.box).not.toHaveValue('');
      await expect(app.results.details.root).toBeVisible();
      await app.graph.drawn();
      await app.page.screenshot({ path: `${DIR}/example-${scheme}.png`, fullPage: true });
    });

    test(`no report found (${scheme})`, async ({ app }) => {
      await app.open();
      await app.load(NOT_A_REPORT);
      await expect(app.results.noReport).toBeVisible();
      await app.results.noReportLines.first().click();
      await app.page.screenshot({ path: `${DIR}/no-report-${scheme}.png`, fullPage: true });
    });
  });
}

test('a WITNESS report, full page', async ({ app }) => {
  await app.open();
  await app.load(WITNESS_EXAMPLE);
  await expect(app.results.details.root.or(app.results.noReport)).toBeVisible();
  await app.page.screenshot({ path: `${DIR}/witness-light.png`, fullPage: true });
});

test('a narrow window stacks the panels', async ({ app }) => {
  await app.page.setViewportSize({ width: 420, height: 900 });
  await app.open();
  const box = await app.input.box.boundingBox();
  const results = await app.results.root.boundingBox();
  expect(box && results && results.y > box.y + box.height).toBe(true);
  await app.page.screenshot({ path: `${DIR}/narrow-light.png`, fullPage: true });
});

test('the drop overlay shows while a file is dragged over the page', async ({ app }) => {
  await app.open();
  const dataTransfer = await app.page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], 'x.txt', { type: 'text/plain' }));
    return dt;
  });
  await app.results.root.dispatchEvent('dragenter', { dataTransfer });
  await expect(app.page.getByTestId('drop.overlay')).toBeVisible();
  await app.page.screenshot({ path: `${DIR}/drop-overlay.png` });
  await app.results.root.dispatchEvent('dragleave', { dataTransfer });
  await expect(app.page.getByTestId('drop.overlay')).toHaveCount(0);
});

// The graph views: tall enough that the graph, the details under it and the cycle list show.
for (const scheme of ['light', 'dark'] as const) {
  test.describe(`graph, ${scheme} theme`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1280, height: 1900 } });
    test.skip(!!corpusMissing(SEED_002), corpusMissing(SEED_002) ?? '');

    test(`seed 002 with a dependency selected (${scheme})`, async ({ app }) => {
      await app.open();
      await app.load(readSeed(SEED_002));
      await app.graph.drawn();
      await app.graph.clickEdge('&mm->mmap_sem', '&dev_priv->mm_lock');
      await expect(app.graph.edgeStacks.first()).toBeVisible();
      await app.page.screenshot({ path: `${DIR}/graph-edge-${scheme}.png`, fullPage: true });
    });

    test(`seed 002 with a lock class selected (${scheme})`, async ({ app }) => {
      await app.open();
      await app.load(readSeed(SEED_002));
      await app.graph.drawn();
      await app.graph.clickNode('&sb->s_type->i_mutex_key#5');
      await expect(app.graph.nodeUsage).toBeVisible();
      await app.page.screenshot({ path: `${DIR}/graph-node-${scheme}.png`, fullPage: true });
    });
  });
}

test.describe('graph views, light', () => {
  test.use({ viewport: { width: 1280, height: 1900 } });

  test('seed 004, flattened onto one line', async ({ app }) => {
    test.skip(!!corpusMissing(SEED_004), corpusMissing(SEED_004) ?? '');
    await app.open();
    await app.load(readSeed(SEED_004));
    await app.graph.drawn();
    await app.page.screenshot({ path: `${DIR}/graph-flattened-light.png`, fullPage: true });
  });

  test('20 reports merged into one graph', async ({ app }) => {
    const log = Array.from({ length: 20 }, (_, i) =>
      LOCKDEP_EXAMPLE.replaceAll('&dev->buf_lock', `&dev->buf_lock#${i}`),
    ).join('\nunrelated log line\n');
    await app.open();
    await app.load(log);
    await app.graph.merged.check();
    await app.graph.drawn();
    await app.page.screenshot({ path: `${DIR}/graph-merged-light.png`, fullPage: true });
  });

  test('the WITNESS example graph', async ({ app }) => {
    await app.open();
    await app.load(WITNESS_EXAMPLE);
    await app.graph.drawn();
    await app.page.screenshot({ path: `${DIR}/graph-witness-light.png`, fullPage: true });
  });
});
