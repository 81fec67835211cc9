// The Export menu: each file is a real download (Blob + object URL, no network), and each is
// checked for what it claims to be — the SVG opens as an SVG document in the browser, the DOT is
// Graphviz, the JSON is the report model, the Markdown has the structure a renderer builds.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { corpusMissing, readSeed, SEED_002 } from './support/corpus';
import { LOCKDEP_EXAMPLE } from './support/examples';
import { parseText } from '../src/parse';
import { markdownBlocks, markdownSections } from '../src/render/markdown-structure';

const DIR = 'screenshots';
const hasDot = spawnSync('dot', ['-V']).status === 0;

async function exportFile(
  page: Page,
  kind: string,
): Promise<{ download: Download; text: string; bytes: Buffer }> {
  await page.getByTestId('export.button').click();
  await expect(page.getByTestId('export.menu')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId(`export.${kind}`).click(),
  ]);
  const path = await download.path();
  const bytes = readFileSync(path);
  await expect(page.getByTestId('export.menu')).toBeHidden();
  return { download, text: bytes.toString('utf8'), bytes };
}

test.describe('exports of a seven-lock report', () => {
  test.skip(!!corpusMissing(SEED_002), corpusMissing(SEED_002) ?? '');
  test.use({ viewport: { width: 1280, height: 1100 } });

  test('the menu offers every export; Escape closes it', async ({ app }) => {
    await app.open();
    await app.load(readSeed(SEED_002));
    await app.graph.drawn();
    const button = app.page.getByTestId('export.button');
    await button.click();
    const menu = app.page.getByTestId('export.menu');
    await expect(menu.getByRole('menuitem')).toHaveText([
      /Graph as PNG/,
      /Graph as SVG/,
      /Graph as DOT/,
      /Report model \(JSON\)/,
      /Markdown summary/,
      /Copy Markdown/,
    ]);
    for (const item of await menu.getByRole('menuitem').all()) await expect(item).toBeEnabled();
    await expect(menu.getByRole('menuitem').first()).toBeFocused();
    await app.page.keyboard.press('ArrowDown');
    await expect(menu.getByRole('menuitem').nth(1)).toBeFocused();
    await app.graph.area.screenshot({ path: `${DIR}/exports-menu.png` });
    await app.page.keyboard.press('Escape');
    await expect(menu).toBeHidden();
    await expect(button).toBeFocused();
  });

  test('SVG: the graph as shown, with the highlight, opens as an SVG document', async ({
    app,
    page,
  }) => {
    await app.open();
    await app.load(readSeed(SEED_002));
    await app.graph.drawn();
    // light up the shortest cycle through one dependency, as a click would
    await page.evaluate(() =>
      window.lockscope!.selectGraph({
        kind: 'edge',
        id: JSON.stringify(['&mm->mmap_sem', '&dev_priv->mm_lock']),
      }),
    );
    const state = await app.state();
    expect(state.graph.highlighted.length).toBeGreaterThan(1);
    const { download, text } = await exportFile(page, 'svg');
    expect(download.suggestedFilename()).toBe(
      'lockscope-possible-deadlock-in-apply_workqueue_attrs.svg',
    );
    expect(text.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const lit = [
      ...text.matchAll(/<g class="node[^"]*\bhighlighted\b[^"]*" data-id="([^"]*)"/g),
    ].map((m) => m[1]!.replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    expect(lit.sort()).toEqual([...state.graph.highlighted].sort());

    // Served as image/svg+xml from the app's origin, Chromium parses it as XML: any error shows.
    await page.route('**/__export-check.svg', (route) =>
      route.fulfill({ status: 200, contentType: 'image/svg+xml', body: text }),
    );
    await page.goto('/__export-check.svg');
    expect(await page.locator('parsererror').count()).toBe(0);
    const drawn = await page.evaluate(() => {
      const texts = [...document.querySelectorAll('g.node text')];
      return {
        root: document.documentElement.localName,
        labels: texts.map((t) => t.textContent),
        sized: texts.every((t) => (t as SVGGraphicsElement).getBBox().width > 10),
        paths: document.querySelectorAll('g.edge path:not(.halo)').length,
      };
    });
    expect(drawn.root).toBe('svg');
    expect(drawn.labels.sort()).toEqual([...state.graph.nodes].sort());
    expect(drawn.sized).toBe(true);
    expect(drawn.paths).toBe(state.graph.edges.length);
    // …and as a picture in a page, the way a bug tracker shows it
    await page.route('**/__export-view.html', (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<!doctype html><body style="margin:0;background:#fff"><img id="g" src="/__export-check.svg"></body>',
      }),
    );
    await page.goto('/__export-view.html');
    const img = page.locator('#g');
    await expect
      .poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
      .toBeGreaterThan(200);
    await img.screenshot({ path: `${DIR}/exports-svg.png` });
  });

  test('PNG: a picture of the graph at twice the size', async ({ app, page }) => {
    await app.open();
    await app.load(readSeed(SEED_002));
    await app.graph.drawn();
    const { download, bytes } = await exportFile(page, 'png');
    expect(download.suggestedFilename()).toMatch(/\.png$/);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(300);
    expect(height).toBeGreaterThan(300);
  });

  test('JSON: the report model, as lockscope parse --json gives it', async ({ app, page }) => {
    const text = readSeed(SEED_002);
    await app.open();
    await app.load(text);
    await app.graph.drawn();
    const { text: json } = await exportFile(page, 'json');
    const exported = JSON.parse(json);
    expect(exported).toEqual(JSON.parse(JSON.stringify(parseText(text))));
    const state = await app.state();
    expect(
      exported.reports.map((r: { title: string; kind: string; format: string; lines: object }) => ({
        title: r.title,
        kind: r.kind,
        format: r.format,
        lines: r.lines,
      })),
    ).toEqual(state.reports);
    expect(exported.diagnostics).toEqual(state.diagnostics);
  });

  test('DOT: valid Graphviz of the graph shown', async ({ app, page }) => {
    await app.open();
    await app.load(readSeed(SEED_002));
    await app.graph.drawn();
    const { text: dot } = await exportFile(page, 'dot');
    expect(dot.startsWith('digraph lockscope {')).toBe(true);
    const state = await app.state();
    const edgeLines = dot.split('\n').filter((l) => / -> /.test(l) && !l.trim().startsWith('//'));
    expect(edgeLines).toHaveLength(state.graph.edges.length);
    test.info().annotations.push({
      type: 'dot',
      description: hasDot ? '/usr/bin/dot checked it' : 'no dot here',
    });
    if (hasDot) {
      const run = spawnSync('dot', ['-Tsvg'], { input: dot, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('<svg');
    }
  });

  test('Markdown: title, kernel, the cycle as a chain, the interleaving, where each lock was taken', async ({
    app,
    page,
  }) => {
    await app.open();
    await app.load(readSeed(SEED_002));
    await app.graph.drawn();
    const state = await app.state();
    const { download, text: md } = await exportFile(page, 'markdown');
    expect(download.suggestedFilename()).toMatch(/\.md$/);
    const blocks = markdownBlocks(md);
    expect(blocks[0]).toMatchObject({ type: 'heading', level: 2 });
    expect(blocks).toContainEqual({
      type: 'item',
      ordered: false,
      number: null,
      text: '**Kernel:** `4.14.0-rc1-CI-CI_DRM_3118+`',
    });
    const sections = markdownSections(blocks, 3);
    expect([...sections.keys()]).toEqual([
      'The cycle',
      'How it deadlocks',
      'Where each dependency was taken',
      'Locks held',
    ]);
    const chain = sections.get('The cycle')!.find((b) => b.type === 'fence');
    expect(chain?.type === 'fence' && chain.lines.map((l) => l.replace(/^ {2}--> /, ''))).toEqual([
      ...state.graph.cycle!,
      state.graph.cycle![0],
    ]);
    // the stepper's deadlocking schedule: one numbered step per character
    const steps = sections.get('How it deadlocks')!.filter((b) => b.type === 'item');
    expect(steps).toHaveLength(state.stepper!.schedule.length);
    expect(sections.get('Where each dependency was taken')).toHaveLength(7);
    expect(md).toContain('`filldir+0xa5/0x120`');
  });
});

/** syzkaller's "trying to register non-static key": a locking bug that names no lock class. */
const SYZ_NON_STATIC_KEY = 'linux/syzkaller/118';

test('a report with no graph offers the JSON and the Markdown only', async ({ app, page }) => {
  const missing = corpusMissing(SYZ_NON_STATIC_KEY);
  test.skip(!!missing, missing ?? '');
  await app.open();
  await app.load(readSeed(SYZ_NON_STATIC_KEY));
  await expect(page.getByTestId('graph.empty')).toBeVisible();
  await page.getByTestId('export.button').click();
  for (const kind of ['png', 'svg', 'dot'])
    await expect(page.getByTestId(`export.${kind}`)).toBeDisabled();
  for (const kind of ['json', 'markdown', 'copy-markdown'])
    await expect(page.getByTestId(`export.${kind}`)).toBeEnabled();
  await page.keyboard.press('Escape');
  const { text } = await exportFile(page, 'markdown');
  const sections = markdownSections(markdownBlocks(text), 3);
  expect(markdownBlocks(text)[0]).toEqual({
    type: 'heading',
    level: 2,
    text: 'trying to register non-static key in tcp_fastopen_reset_cipher',
  });
  expect(sections.size).toBe(0);
  // nothing selected, nothing to export
  await page.evaluate(() => window.lockscope!.select(null));
  await expect(page.getByTestId('export.button')).toHaveCount(0);
});

test('Copy Markdown puts the summary on the clipboard and says so', async ({
  app,
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await app.open();
  await app.load(LOCKDEP_EXAMPLE);
  await app.graph.drawn();
  await page.getByTestId('export.button').click();
  await page.getByTestId('export.copy-markdown').click();
  await expect(page.getByTestId('export.status')).toHaveText('Markdown copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  const state = await app.state();
  expect(markdownBlocks(copied)[0]).toEqual({
    type: 'heading',
    level: 2,
    text: expect.stringContaining(state.reports[state.selected!]!.title.split(' ')[0]!),
  });
  expect(markdownSections(markdownBlocks(copied), 3).has('The cycle')).toBe(true);
});
