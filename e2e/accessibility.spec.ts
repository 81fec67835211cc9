// Named controls, headings in order, and everything reachable from the keyboard.
import { expect, test } from './fixtures';

test('controls have names and the headings outline the page', async ({ app }) => {
  await app.open();
  const { page } = app;
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('lockscope');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'Report text',
    'What was found',
  ]);
  await expect(page.getByRole('textbox', { name: 'Report text' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open file…' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Load an example report' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Clear' })).toBeEnabled();
  await expect(page.getByRole('status')).toHaveCount(1);
});

test('the keyboard reaches the page tabs, Share, the file button, the example menu, Clear and the text box in order', async ({
  app,
}) => {
  await app.open();
  const { page } = app;
  const focused = () =>
    page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
  const order: (string | null)[] = [];
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    order.push(await focused());
  }
  expect(order).toEqual([
    'app.page.report',
    'app.page.simulator',
    'app.page.lessons',
    'share.open',
    'paste.open-file',
    'paste.example',
    'paste.clear',
    'paste.input',
  ]);
});

test('a report in the list can be chosen with the keyboard', async ({ app }) => {
  await app.open();
  const state = await app.state();
  expect(state.reports.length).toBeGreaterThan(0);
  await app.results.items.first().focus();
  await app.page.keyboard.press('Enter');
  await expect(app.results.items.first()).toHaveAttribute('aria-current', 'true');
  await expect(app.results.details.cycleList).toBeVisible();
});
