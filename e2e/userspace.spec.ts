// Userspace reports in the app: a ThreadSanitizer lock-order-inversion and a Java-level deadlock
// (with a thread waiting into the cycle) pasted as they are — title, lit cycle, stepper deadlock.
import { expect, test } from './fixtures';
import type { AppPage } from './pages/app-page';
import { corpusMissing, readSeed } from './support/corpus';

const TSAN = 'tsan/openttd-8712-hint-two-mutex.txt';
const JAVA = 'java/dolphinscheduler-7448-tail-into-cycle.txt';
const PROPERTIES = '0x00000005fbb66c50 (a java.util.Properties)';
const APPENDER = '0x00000005fbff3560 (a ch.qos.logback.classic.sift.SiftingAppender)';

async function paste(app: AppPage, file: string) {
  await app.open();
  const text = readSeed(file);
  await app.input.paste(text);
  await app.waitForParseOf(text);
  await app.graph.drawn();
}

/** Selects a dependency of the cycle and returns what the graph lights up. */
async function lightCycleThrough(app: AppPage, prev: string, next: string): Promise<string[]> {
  await app.page.evaluate(
    (id) => window.lockscope!.selectGraph({ kind: 'edge', id }),
    JSON.stringify([prev, next]),
  );
  return (await app.state()).graph.highlighted;
}

test.describe('userspace reports', () => {
  test.skip(!!corpusMissing(TSAN, JAVA), corpusMissing(TSAN, JAVA) ?? '');

  test('a TSan lock-order-inversion: title, cycle, two threads deadlock', async ({ app }) => {
    await paste(app, TSAN);
    const s = await app.state();
    expect(s.reports).toEqual([
      expect.objectContaining({
        format: 'tsan',
        kind: 'lock-order-inversion',
        title: 'lock-order-inversion in DrawDirtyBlocks',
      }),
    ]);
    await expect(app.results.root).toContainText('lock-order-inversion in DrawDirtyBlocks');
    expect(s.graph.cycle).toEqual(['M660', 'M661']);
    expect((await lightCycleThrough(app, 'M661', 'M660')).sort()).toEqual(['M660', 'M661']);
    await expect(app.graph.cycleClasses).toHaveText(['M660', 'M661']);

    await app.stepper.end.click();
    const st = await app.stepper.state();
    expect(st).toMatchObject({ deadlocked: true, status: 'deadlocked' });
    expect(st.cpus).toEqual(['Thread A', 'Thread B']);
    expect(st.holds['Thread A']).toEqual(['M660']);
    expect(st.waits['Thread A']).toBe('M661');
    expect(st.holds['Thread B']).toEqual(['M661']);
    expect(st.waits['Thread B']).toBe('M660');
    await expect(app.stepper.deadlock).toContainText('neither can move');
    const waits = (await app.graph.geometry()).stepper.waits;
    expect(waits.every((w) => w.inCycle)).toBe(true);
    await app.graph.canvas.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.page.screenshot({ path: 'screenshots/userspace-tsan.png' });
  });

  test('a Java deadlock: the tail thread is drawn, the cycle is two threads', async ({ app }) => {
    await paste(app, JAVA);
    const s = await app.state();
    expect(s.reports).toEqual([
      expect.objectContaining({
        format: 'java',
        kind: 'java-deadlock',
        title:
          'Java-level deadlock between "TaskLogInfo-544612_5942967" and "Worker-Execute-Thread"',
      }),
    ]);
    expect(s.graph.cycle).toEqual([APPENDER, PROPERTIES]);
    const waiter = 'thread "DolphinScheduler connection adder"';
    expect(s.graph.nodes).toContain(waiter);
    expect(s.graph.edges).toContainEqual([waiter, PROPERTIES]);
    expect(s.graph.cycle).not.toContain(waiter);
    expect((await lightCycleThrough(app, APPENDER, PROPERTIES)).sort()).toEqual(
      [APPENDER, PROPERTIES].sort(),
    );
    const drawn = await app.graph.geometry();
    expect(drawn.nodes.map((n) => n.id)).toContain(waiter);

    await app.stepper.end.click();
    const st = await app.stepper.state();
    expect(st).toMatchObject({ deadlocked: true, status: 'deadlocked' });
    expect(st.cpus).toHaveLength(2);
    await app.graph.canvas.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await app.page.screenshot({ path: 'screenshots/userspace-java.png' });
  });
});
