// The deadlock stepper: the interleaving lockdep never prints, lockdep's own table, interrupt and
// recursive scenarios, the scheduler mode and the keys — on real reports from the shared corpus.
import { expect, test } from './fixtures';
import type { AppPage } from './pages/app-page';
import {
  corpusMissing,
  readSeed,
  SEED_002,
  SYZ_INCONSISTENT_NO_TABLE,
  SYZ_INCONSISTENT_TABLE,
  SYZ_RECURSIVE,
} from './support/corpus';

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

/** Lockdep's table read straight from the text: [CPU column heading, "lock(A)"] per printed line. */
function printedTable(text: string): [string, string][] {
  const lines = text.split('\n').map((l) => l.replace(/^(\[[^\]]*\])+ ?/, ''));
  const start = lines.findIndex((l) => l.includes('Possible unsafe locking scenario:'));
  const end = lines.findIndex((l, i) => i > start && l.includes('*** DEADLOCK ***'));
  const header = lines.slice(start + 1, end).find((l) => /\bCPU0\b/.test(l))!;
  const columns = [...header.matchAll(/\S+/g)].map((m) => ({ name: m[0], at: m.index }));
  const out: [string, string][] = [];
  for (const line of lines.slice(lines.indexOf(header) + 2, end)) {
    const at = line.search(/\S/);
    if (at < 0) continue;
    const nearest = columns.reduce((a, b) => (Math.abs(b.at - at) < Math.abs(a.at - at) ? b : a));
    out.push([nearest.name, line.trim().replace(/;$/, '')]);
  }
  return out;
}

/** The timeline's printed steps, as [CPU column heading, op text]. */
async function timelineTable(app: AppPage): Promise<[string, string][]> {
  return app.stepper.root.getByTestId('timeline.table').evaluate((table) => {
    const heads = [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? '');
    const out: [string, string][] = [];
    for (const row of table.querySelectorAll('tbody tr')) {
      const cells = [...row.children];
      const i = cells.findIndex((c) => c.classList.contains('timeline__op'));
      if (i < 0 || cells[i]!.classList.contains('timeline__op--added')) continue;
      const op = cells[i]!.querySelector('[data-testid="timeline.op"]')!.textContent ?? '';
      out.push([heads[i]!, op]);
    }
    return out;
  });
}

async function open(app: AppPage, file: string) {
  await app.open();
  await app.load(readSeed(file));
  await app.graph.drawn();
}

test.describe('seed 002: seven locks', () => {
  test.skip(!!corpusMissing(SEED_002), corpusMissing(SEED_002) ?? '');

  test('steps to a seven-CPU deadlock whose waits are the reported cycle', async ({ app }) => {
    await open(app, SEED_002);
    let s = await app.stepper.state();
    expect(s).toMatchObject({ scenario: 'full', index: 0, length: 14, deadlocked: false });
    expect(s.cpus).toEqual(['CPU0', 'CPU1', 'CPU2', 'CPU3', 'CPU4', 'CPU5', 'CPU6']);
    await expect(app.stepper.scenario('full')).toHaveAttribute('aria-pressed', 'true');

    for (let i = 1; i <= 7; i++) await app.stepper.forward.click();
    await expect(app.stepper.position).toHaveText('step 7 of 14');
    // each CPU holds its own lock of the cycle, shown as a badge beside it
    const held = (await app.graph.geometry()).stepper.badges;
    expect(held.map((b) => [b.label, b.lock])).toEqual(
      SEED_002_CYCLE.map((lock, k) => [`CPU${k}`, lock]),
    );

    // CPU4 wants mmap_sem for reading where its own "-> #5" stack does: in filldir()
    for (let i = 8; i <= 12; i++) await app.stepper.forward.click();
    await expect(app.stepper.sentence).toHaveText(
      'CPU4 tries to take &mm->mmap_sem for reading in filldir(), held by CPU5, and waits.',
    );
    await expect(app.stepper.current.getByTestId('timeline.where')).toHaveText('in filldir()');
    // …which is a link to that "-> #5" stack
    await app.stepper.current.getByTestId('timeline.stack').click();
    expect((await app.state()).graph.selection).toEqual({
      kind: 'edge',
      id: JSON.stringify(['&sb->s_type->i_mutex_key#5', '&mm->mmap_sem']),
    });
    await expect(app.graph.edgeStacks.first().getByRole('heading')).toContainText('-> #5');
    await expect(app.graph.edgeStacks.first()).toContainText('filldir');
    expect((await app.graph.geometry()).stepper.changed).toEqual(['step:wait:4']);

    await app.stepper.end.click();
    s = await app.stepper.state();
    expect(s).toMatchObject({ index: 14, deadlocked: true, status: 'deadlocked' });
    SEED_002_CYCLE.forEach((lock, k) => {
      expect(s.holds[`CPU${k}`]).toEqual([lock]);
      expect(s.waits[`CPU${k}`]).toBe(SEED_002_CYCLE[(k + 1) % 7]);
    });
    expect(s.cycle!.map((e) => e.class)).toEqual([...SEED_002_CYCLE.slice(1), SEED_002_CYCLE[0]]);
    await expect(app.stepper.deadlock).toContainText(
      'CPU0 holds cpu_hotplug_lock.rw_sem and waits for cpuhp_state_mutex; CPU1 holds',
    );
    await expect(app.stepper.deadlock).toContainText('none of them can move.');
    // the graph draws seven wait-for arrows, every one on the cycle of waits
    const waits = (await app.graph.geometry()).stepper.waits;
    expect(waits.map((w) => w.lock)).toEqual([...SEED_002_CYCLE.slice(1), SEED_002_CYCLE[0]]);
    expect(waits.every((w) => w.inCycle)).toBe(true);

    // a row of the timeline jumps there
    await app.stepper.rows.nth(3).click();
    expect((await app.stepper.state()).index).toBe(3);
    await expect(app.stepper.sentence).toContainText('CPU2 takes cpuhp_state');
  });

  test("lockdep's two-CPU table is one click away and matches the report's text", async ({
    app,
  }) => {
    await open(app, SEED_002);
    await app.stepper.scenario('lockdep').click();
    await app.stepper.end.click();
    const s = await app.stepper.state();
    expect(s).toMatchObject({ scenario: 'lockdep', cpus: ['CPU0', 'CPU1'], deadlocked: true });
    const printed = printedTable(readSeed(SEED_002));
    expect(printed).toHaveLength(4);
    expect(await timelineTable(app)).toEqual(printed);
    // the step "Chain exists of:" stands for is shown, marked as lockscope's
    await expect(app.stepper.root.locator('.timeline__op--added')).toHaveCount(1);
    await expect(app.stepper.deadlock).toContainText('neither can move');
  });

  test('as the scheduler: deadlock on one schedule, every CPU finishes on another', async ({
    app,
  }) => {
    await open(app, SEED_002);
    await app.stepper.scheduleMode.click();
    await expect(app.stepper.schedule).toHaveText('(none yet)');
    for (const ch of '01234560123456') await app.stepper.cpu(Number(ch)).click();
    await expect(app.stepper.deadlock).toContainText('none of them can move');
    await expect(app.stepper.cpuButtons.and(app.page.locator(':enabled'))).toHaveCount(0);
    await expect(app.stepper.schedule).toHaveText('01234560123456');
    expect(await app.stepper.state()).toMatchObject({
      mode: 'schedule',
      schedule: '01234560123456',
      deadlocked: true,
    });

    await app.stepper.undo.click();
    await expect(app.stepper.schedule).toHaveText('0123456012345');
    await expect(app.stepper.deadlock).toHaveCount(0);
    await expect(app.stepper.cpu(6)).toBeEnabled();

    // one CPU at a time, each to its end: nobody ever waits
    await app.stepper.root.getByTestId('scheduler.reset').click();
    for (let cpu = 0; cpu < 7; cpu++)
      while (await app.stepper.cpu(cpu).isEnabled()) await app.stepper.cpu(cpu).click();
    await expect(app.stepper.finished).toHaveText(
      'No deadlock on this schedule: every CPU finished.',
    );
    const s = await app.stepper.state();
    expect(s).toMatchObject({ status: 'finished', deadlocked: false, length: 28 });
    expect(s.schedule).toBe('0000111122223333444455556666');
    expect(Object.values(s.holds).flat()).toEqual([]);
  });

  test('the keys: arrows, space, Home and End, while the stepper has focus', async ({ app }) => {
    await open(app, SEED_002);
    const index = async () => (await app.stepper.state()).index;
    await app.stepper.root.focus();
    await app.page.keyboard.press('ArrowRight');
    await app.page.keyboard.press('ArrowRight');
    expect(await index()).toBe(2);
    await app.page.keyboard.press('ArrowLeft');
    expect(await index()).toBe(1);
    await app.page.keyboard.press('End');
    expect(await index()).toBe(14);
    await app.page.keyboard.press('Home');
    expect(await index()).toBe(0);
    await app.page.keyboard.press(' ');
    expect((await app.stepper.state()).playing).toBe(true);
    await expect.poll(index).toBeGreaterThanOrEqual(1);
    await app.page.keyboard.press(' ');
    const paused = await app.stepper.state();
    expect(paused.playing).toBe(false);
    await app.page.waitForTimeout(1200);
    expect(await index()).toBe(paused.index);
    // keys typed in the text box stay there
    await app.input.box.focus();
    await app.page.keyboard.press('End');
    await app.page.keyboard.press('ArrowRight');
    expect(await index()).toBe(paused.index);
  });
});

test.describe('interrupts and one-CPU deadlocks', () => {
  const missing = corpusMissing(SYZ_INCONSISTENT_TABLE, SYZ_INCONSISTENT_NO_TABLE, SYZ_RECURSIVE);
  test.skip(!!missing, missing ?? '');

  test('inconsistent lock state plays its interrupt scenario to the deadlock', async ({ app }) => {
    await open(app, SYZ_INCONSISTENT_TABLE);
    expect((await app.stepper.state()).scenario).toBe('lockdep');
    await app.stepper.play.click();
    await expect(app.stepper.deadlock).toBeVisible({ timeout: 10_000 });
    const s = await app.stepper.state();
    expect(s).toMatchObject({
      cpus: ['CPU0'],
      index: 3,
      deadlocked: true,
      playing: false,
      holds: { CPU0: ['&file_data->lock'] },
      waits: { CPU0: '&file_data->lock' },
      cycle: [{ cpu: 'CPU0', class: '&file_data->lock', holder: 'CPU0' }],
    });
    expect(await timelineTable(app)).toEqual(printedTable(readSeed(SYZ_INCONSISTENT_TABLE)));
    await expect(app.stepper.deadlock).toContainText(
      'the softirq handler on CPU0 waits for &file_data->lock',
    );
    // the handler's wait-for arrow runs from CPU0's badge to the lock CPU0 itself holds
    const overlay = (await app.graph.geometry()).stepper;
    expect(overlay.waits).toEqual([{ cpu: 0, lock: '&file_data->lock', inCycle: true }]);
    expect(overlay.badges).toEqual([
      { label: 'CPU0', lock: '&file_data->lock', waiting: false },
      { label: 'CPU0 softirq', lock: '&file_data->lock', waiting: true },
    ]);

    // a report cut short before its table gets lockscope's own interrupt scenario
    await app.load(readSeed(SYZ_INCONSISTENT_NO_TABLE));
    await app.stepper.end.click();
    expect(await app.stepper.state()).toMatchObject({ scenario: 'interrupt', deadlocked: true });
    await expect(app.stepper.root.getByTestId('timeline.op')).toHaveText([
      'lock(&(&hashinfo->ehash_locks[i])->rlock)',
      '<Interrupt>',
      'lock(&(&hashinfo->ehash_locks[i])->rlock)',
    ]);
  });

  test('recursive locking deadlocks on one CPU', async ({ app }) => {
    await open(app, SYZ_RECURSIVE);
    await app.stepper.end.click();
    expect(await app.stepper.state()).toMatchObject({
      cpus: ['CPU0'],
      deadlocked: true,
      holds: { CPU0: ['rtnl_mutex'] },
      waits: { CPU0: 'rtnl_mutex' },
      cycle: [{ cpu: 'CPU0', class: 'rtnl_mutex', holder: 'CPU0' }],
    });
    await expect(app.stepper.deadlock).toContainText('which it holds itself: it can never move');
    await expect(app.stepper.sentence).toContainText('again, which it already holds');
  });
});
