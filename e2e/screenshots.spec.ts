// Screenshots of the main views in light and dark, kept in screenshots/ (git-ignored) for a
// person to look at. Each asserts its view is really there first.
import { expect, test } from './fixtures';
import { NOT_A_REPORT, WITNESS_EXAMPLE } from './support/examples';

const DIR = 'screenshots';

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    // Tall enough that the whole report fits: on wide screens the panels scroll on their own.
    test.use({ colorScheme: scheme, viewport: { width: 1280, height: 1500 } });

    test(`the example report (${scheme})`, async ({ app }) => {
      await app.open();
      await expect(app.input.box).not.toHaveValue('');
      await expect(app.results.details.root.or(app.results.noReport)).toBeVisible();
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
