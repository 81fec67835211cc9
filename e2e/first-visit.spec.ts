// A first visit shows the lockdep example, parsed, with nothing to do but read.
import { expect, test } from './fixtures';
import { LOCKDEP_CYCLE, LOCKDEP_EXAMPLE } from './support/examples';

test('the example report is in the box on a first visit', async ({ app }) => {
  await app.open();
  await expect(app.input.box).toHaveValue(LOCKDEP_EXAMPLE);
  await expect(app.input.source).toContainText('Example: Linux lockdep');
  await expect(app.page.getByTestId('app.privacy')).toHaveText(
    'Nothing you paste leaves your browser.',
  );
});

test('the example report is found and shown on a first visit', async ({ app }) => {
  await app.open();
  const state = await app.state();
  expect(state.reports).toHaveLength(1);
  expect(state.reports[0]).toMatchObject({ kind: 'circular-dependency', format: 'linux-lockdep' });
  expect(state.selected).toBe(0);

  const { details } = app.results;
  await expect(app.results.items).toHaveCount(1);
  await expect(details.kind).toHaveText('circular-dependency');
  await expect(details.format).toHaveText('Linux lockdep');
  await expect(details.kernel).toContainText('6.12.0-rc3-lsdemo+');
  await expect(details.task).toHaveText('lsdemo-test/1873');
  await expect(details.cycle).toHaveText([...LOCKDEP_CYCLE, LOCKDEP_CYCLE[0]].join(' → '));
  await expect(details.cycleList.getByRole('listitem')).toHaveCount(3);
  await expect(details.dependencies.getByTestId('report.dependency')).toHaveCount(3);
  await expect(details.scenario.getByRole('columnheader')).toHaveText(['Step', 'CPU0', 'CPU1']);
  await expect(details.scenario).toContainText('rlock(&mm->mmap_lock)');
  await expect(details.heldLocks).toContainText('&dev->buf_lock');
  await expect(details.heldLocks).toContainText('lsdemo_ioctl');
});
