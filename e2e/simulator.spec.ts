// The Simulator page: every example loads and Run finds what the explorer finds; errors are
// marked at their line and column as the program is typed; a deadlock opens in the stepper and
// plays to the deadlock, and the program is intact on the way back; program links reopen the
// same program and results in a fresh browser; a program past the state budget leaves the page
// responsive and says where it stopped.
import type { Browser } from '@playwright/test';
import { explore, parseProgram, SIM_EXAMPLES } from '../src/sim';
import { expect, test } from './fixtures';
import { AppPage } from './pages/app-page';
import { SimulatorPage } from './pages/simulator';
import { guardContext } from './support/offsite-guard';

const DIR = 'screenshots';

/** The deadlock titles the explorer finds in Node: what the page must show. */
function expectedTitles(source: string): string[] {
  return explore(parseProgram(source).program!).deadlocks.map((d) => d.title);
}

function philosophers(n: number): string {
  const forks = Array.from({ length: n }, (_, i) => `DEFINE_MUTEX(fork${i});`).join('\n');
  const threads = Array.from({ length: n }, (_, i) => {
    const [l, r] = [`fork${i}`, `fork${(i + 1) % n}`];
    return `thread P${i} {\n  mutex_lock(&${l});\n  mutex_lock(&${r});\n  mutex_unlock(&${r});\n  mutex_unlock(&${l});\n}`;
  });
  return `${forks}\n\n${threads.join('\n\n')}\n`;
}

async function openSimulator(app: AppPage): Promise<SimulatorPage> {
  await app.open();
  const sim = new SimulatorPage(app.page);
  await sim.show();
  return sim;
}

test('every example in the gallery loads, and Run finds the deadlocks the explorer finds', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  const sim = await openSimulator(app);
  await expect(sim.gallery.getByRole('button')).toHaveCount(SIM_EXAMPLES.length);
  for (const ex of SIM_EXAMPLES) {
    await sim.example(ex.id).click();
    await expect(sim.editor).toHaveValue(ex.source);
    const s = await sim.finished();
    const titles = expectedTitles(ex.source);
    expect(s.errors, ex.id).toEqual([]);
    expect(s.complete, ex.id).toBe(true);
    expect(
      s.deadlocks.map((d) => d.title),
      ex.id,
    ).toEqual(titles);
    expect(titles.length > 0, `${ex.id}: ships as ${ex.deadlocks ? 'deadlocking' : 'safe'}`).toBe(
      ex.deadlocks,
    );
    if (ex.deadlocks) await expect(sim.deadlockTitles).toHaveText(titles);
    else await expect(sim.noDeadlock).toBeVisible();
    await expect(sim.status).toContainText('every interleaving');
    await expect(sim.oneRun).toBeVisible();
    // lockdep's silence on a deadlock through a completion is explained, and only there
    const viaCompletion = s.deadlocks.some((d) => d.cycle?.some((c) => c.startsWith('(complete)')));
    const silent = (await page.getByTestId('sim.one-run.none').count()) > 0;
    await expect(page.getByTestId('sim.one-run.completion'), ex.id).toHaveCount(
      silent && viaCompletion ? 1 : 0,
    );
    if (ex.id === 'completion') expect(silent && viaCompletion, ex.id).toBe(true);
    if (ex.id === 'abba') await page.screenshot({ path: `${DIR}/simulator-results.png` });
  }
  await sim.example('philosophers').click();
  await sim.finished();
  await page.screenshot({ path: `${DIR}/simulator-gallery.png` });
});

test('a syntax error is marked at its line and column as it is typed, and the list jumps to it', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = await openSimulator(app);
  await sim.example('abba').click();
  await sim.finished();
  // drop the ';' after the second call of T1 (line 6)
  const broken = SIM_EXAMPLES[0]!.source.replace('mutex_lock(&b);', 'mutex_lock(&b)');
  const { errors } = parseProgram(broken);
  expect(errors.length).toBeGreaterThan(0);
  const first = errors[0]!;
  await sim.editor.fill(broken);
  await expect(sim.errors.first()).toContainText(
    `line ${first.line}, column ${first.column}: ${first.message}`,
  );
  await expect(sim.errorMarks.first()).toHaveAttribute('data-line', String(first.line));
  await expect(sim.errorMarks.first()).toHaveAttribute('data-column', String(first.column));
  await expect(sim.editor).toHaveAttribute('aria-invalid', 'true');
  await expect(sim.run).toBeDisabled();
  expect((await sim.state()).errors).toEqual(errors);
  await page.screenshot({ path: `${DIR}/simulator-error.png` });
  await sim.errors.first().click();
  await expect(sim.editor).toBeFocused();
  const caret = await sim.editor.evaluate((el: HTMLTextAreaElement) => el.selectionStart);
  const before = broken.slice(0, caret).split('\n');
  expect([before.length, before.at(-1)!.length + 1]).toEqual([first.line, first.column]);
  // fixed again: the marks go, and nothing typed was lost across a reload
  await sim.editor.fill(SIM_EXAMPLES[0]!.source + '// mine\n');
  await expect(sim.ok).toBeVisible();
  await expect(sim.errorMarks).toHaveCount(0);
  await page.reload();
  await page.evaluate(() => window.lockscope!.ready);
  await sim.show();
  await expect(sim.editor).toHaveValue(SIM_EXAMPLES[0]!.source + '// mine\n');
});

test('a deadlock opens in the stepper, plays to the deadlock, and the program is intact on return', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = await openSimulator(app);
  const mine = `${SIM_EXAMPLES.find((e) => e.id === 'rotation')!.source}\n// my notes\n`;
  await sim.editor.fill(mine);
  await expect(sim.ok).toBeVisible();
  await sim.run.click();
  const s = await sim.finished();
  expect(s.deadlocks).toHaveLength(1);
  // each step of the schedule marks its line in the editor
  await expect(sim.steps.first()).toBeVisible();
  const stepText = await sim.steps.nth(1).innerText();
  const line = Number(/\(line (\d+)\)/.exec(stepText)![1]);
  await sim.steps.nth(1).click();
  await expect(sim.marked).toHaveAttribute('data-line', String(line));

  await sim.openStepper.click();
  await expect.poll(() => app.state().then((x) => x.page)).toBe('report');
  const shown = await app.waitForParseOf(await app.input.box.inputValue());
  expect(shown.reports).toHaveLength(1);
  expect(shown.graph.cycle).toEqual(s.deadlocks[0]!.cycle);
  await expect(app.stepper.root).toBeVisible();
  await app.stepper.end.click();
  await expect(app.stepper.deadlock).toBeVisible();
  await page.screenshot({ path: `${DIR}/simulator-stepper.png` });

  await sim.show();
  await expect(sim.editor).toHaveValue(mine);
  expect((await sim.state()).deadlocks.map((d) => d.title)).toEqual(
    s.deadlocks.map((d) => d.title),
  );
});

test('a wait that never ends opens as the hung-task report the kernel prints', async ({ page }) => {
  const app = new AppPage(page);
  const sim = await openSimulator(app);
  await sim.editor.fill(
    'DEFINE_MUTEX(m);\nDECLARE_COMPLETION(done);\n\nthread T1 {\n  mutex_lock(&m);\n  wait_for_completion(&done);\n  mutex_unlock(&m);\n}\n',
  );
  await expect(sim.ok).toBeVisible();
  await sim.run.click();
  const s = await sim.finished();
  expect(s.deadlocks.map((d) => d.kind)).toEqual(['never-signalled']);
  await expect(sim.openStepper).toHaveText('Open the hung-task report');
  await sim.openStepper.click();
  await expect.poll(() => app.state().then((x) => x.page)).toBe('report');
  const text = await app.input.box.inputValue();
  expect(text).toContain('INFO: task T1:1 blocked for more than 120 seconds.');
  const shown = await app.waitForParseOf(text);
  expect(shown.reports.map((r) => r.kind)).toEqual(['show-all-locks']);
  expect(shown.graph.nodes).toEqual(['m']);
  await page.screenshot({ path: `${DIR}/simulator-hung-task.png` });
});

async function freshApp(browser: Browser, url: string) {
  const context = await browser.newContext();
  const guard = await guardContext(context);
  const app = new AppPage(await context.newPage());
  // a program link opens on the Simulator page: wait for the app, not for the report box
  await app.page.goto(url);
  await app.page.waitForFunction(() => window.lockscope !== undefined);
  await app.page.evaluate(() => window.lockscope!.ready);
  return {
    app,
    close: async () => {
      expect(guard.offsite, 'requests that left the origin').toEqual([]);
      await context.close();
    },
  };
}

test('Share on the Simulator gives a link that reopens the same program and results', async ({
  page,
  browser,
}) => {
  const app = new AppPage(page);
  const sim = await openSimulator(app);
  await sim.example('i915-userptr-hotplug').click();
  const program = `${await sim.editor.inputValue()}// shared\n`;
  await sim.editor.fill(program);
  await expect(sim.ok).toBeVisible();
  await sim.run.click();
  const before = await sim.finished();
  expect(before.deadlocks.length).toBeGreaterThan(0);
  await app.share.open.click();
  await expect(app.share.dialog).toContainText('lock program');
  const link = await app.share.link.inputValue();
  expect(link).toMatch(/#v1\./);
  await app.share.close.click();
  // the address bar follows the Simulator too
  expect(await app.permalink()).toBe(link);

  const fresh = await freshApp(browser, link);
  const other = new SimulatorPage(fresh.app.page);
  await expect(other.root).toBeVisible();
  await expect(other.editor).toHaveValue(program);
  const after = await other.finished();
  expect(after.deadlocks).toEqual(before.deadlocks);
  expect(after.selected).toBe(before.selected);
  expect(after.statesExplored).toBe(before.statesExplored);
  // the report box there keeps its own text (the default example), not the program
  expect((await fresh.app.state()).reports.length).toBeGreaterThan(0);
  await fresh.close();
});

test('a program link replacing an edited program keeps the edit one click away', async ({
  page,
}) => {
  const app = new AppPage(page);
  const sim = await openSimulator(app);
  await sim.example('aa').click();
  await sim.finished();
  await app.share.open.click();
  const link = await app.share.link.inputValue();
  await app.share.close.click();
  await sim.editor.fill('DEFINE_MUTEX(m);\nthread T { mutex_lock(&m); mutex_unlock(&m); }\n');
  await expect(sim.ok).toBeVisible();
  expect(await page.evaluate((l) => window.lockscope!.openLink(l), link)).toBeNull();
  await expect(sim.editor).toHaveValue(SIM_EXAMPLES.find((e) => e.id === 'aa')!.source);
  await expect(sim.replaced).toContainText('the program in the link');
  await sim.restore.click();
  await expect(sim.editor).toHaveValue(
    'DEFINE_MUTEX(m);\nthread T { mutex_lock(&m); mutex_unlock(&m); }\n',
  );
});

test('a damaged program link says so and leaves a working page', async ({ page }) => {
  const app = new AppPage(page);
  const sim = await openSimulator(app);
  await sim.example('abba').click();
  await sim.finished();
  await app.share.open.click();
  const link = await app.share.link.inputValue();
  await app.share.close.click();
  const cut = link.slice(0, link.length - 10);
  const error = await page.evaluate((l) => window.lockscope!.openLink(l), cut);
  expect(error).toMatch(/^This link is cut off/);
  await expect(app.linkBanner.text).toContainText('cut off');
  await expect(sim.editor).toHaveValue(SIM_EXAMPLES[0]!.source);
});

test('a program past the state budget runs in the worker: the page stays responsive and says it stopped', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new AppPage(page);
  const sim = await openSimulator(app);
  await sim.editor.fill(philosophers(8));
  await expect(sim.ok).toBeVisible();
  await sim.run.click();
  await expect(sim.status).toHaveAttribute('data-state', 'running');
  // the main thread answers while the worker explores: the click is handled before the run ends
  await sim.gallery.page().getByTestId('sim.gallery.toggle').click();
  await expect(sim.gallery).toBeHidden();
  expect(await page.evaluate(() => window.lockscope!.state().simulator.status)).toBe('running');
  const s = await sim.finished();
  expect(s.complete).toBe(false);
  expect(s.statesExplored).toBe(s.stateBudget);
  await expect(sim.status).toHaveAttribute('data-state', 'budget');
  await expect(sim.status).toContainText(
    `Stopped at the budget of ${s.stateBudget!.toLocaleString('en')} states`,
  );
});
