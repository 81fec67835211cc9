// Screenshots of the deadlock stepper on seed 002 (seven CPUs), light and dark: at the start,
// half-way, deadlocked, and in scheduler mode. Kept in screenshots/ for a person to look at.
import { expect, test } from './fixtures';
import { corpusMissing, readSeed, SEED_002, SYZ_INCONSISTENT_TABLE } from './support/corpus';

const DIR = 'screenshots';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`stepper, ${scheme} theme`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1280, height: 1800 } });
    test.skip(!!corpusMissing(SEED_002), corpusMissing(SEED_002) ?? '');

    test.beforeEach(async ({ app }) => {
      await app.open();
      await app.load(readSeed(SEED_002));
      await app.graph.drawn();
    });

    async function shot(app: import('./pages/app-page').AppPage, name: string) {
      await app.stepper.show();
      // the change pulses for 450 ms; take the picture once it has settled
      await app.page.waitForTimeout(600);
      await app.page.screenshot({ path: `${DIR}/stepper-${name}-${scheme}.png` });
    }

    test(`at the start (${scheme})`, async ({ app }) => {
      await expect(app.stepper.position).toHaveText('step 0 of 14');
      await shot(app, 'start');
    });

    test(`half-way (${scheme})`, async ({ app }) => {
      await app.stepper.step(10);
      await expect(app.stepper.position).toHaveText('step 10 of 14');
      await shot(app, 'mid');
    });

    test(`deadlocked (${scheme})`, async ({ app }) => {
      await app.stepper.end.click();
      await expect(app.stepper.deadlock).toBeVisible();
      await shot(app, 'deadlocked');
    });

    test(`lockdep's table, deadlocked (${scheme})`, async ({ app }) => {
      await app.stepper.scenario('lockdep').click();
      await app.stepper.end.click();
      await expect(app.stepper.deadlock).toBeVisible();
      await shot(app, 'lockdep-table');
    });

    test(`scheduler mode (${scheme})`, async ({ app }) => {
      await app.stepper.scheduleMode.click();
      for (const cpu of [0, 0, 1, 5, 6]) await app.stepper.cpu(cpu).click();
      await expect(app.stepper.schedule).toHaveText('00156');
      await shot(app, 'scheduler');
    });
  });
}

test('stepper: an interrupt on one CPU, deadlocked (light)', async ({ app }) => {
  test.skip(!!corpusMissing(SYZ_INCONSISTENT_TABLE), corpusMissing(SYZ_INCONSISTENT_TABLE) ?? '');
  await app.page.setViewportSize({ width: 1280, height: 1400 });
  await app.open();
  await app.load(readSeed(SYZ_INCONSISTENT_TABLE));
  await app.graph.drawn();
  await app.stepper.end.click();
  await expect(app.stepper.deadlock).toBeVisible();
  await app.stepper.show();
  await app.page.waitForTimeout(600);
  await app.page.screenshot({ path: `${DIR}/stepper-interrupt-light.png` });
});
