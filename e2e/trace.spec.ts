// A lock trace pasted into the app: the validator's findings open in the graph and the stepper
// like any report — an ftrace ABBA that never deadlocked on its run shows the cycle and steps to
// the deadlock it could have had.
import { expect, test } from './fixtures';

const DIR = 'screenshots';

// Written for this test in the layout of /sys/kernel/tracing/trace (latency flags on).
const FTRACE_ABBA = `# tracer: nop
#
#           TASK-PID     CPU#  |||||  TIMESTAMP  FUNCTION
#              | |         |   |||||     |         |
     kworker/0:1-12      [000] .....   100.000001: lock_acquire: 00000000a1b2c3d4 &dev->mutex
     kworker/0:1-12      [000] .....   100.000002: <stack trace>
 => __mutex_lock+0x9a/0x9c0
 => dev_reset_work+0x2c/0x110
     kworker/0:1-12      [000] .....   100.000003: lock_acquire: 00000000e5f60718 &dev->list_lock
     kworker/0:1-12      [000] .....   100.000004: <stack trace>
 => _raw_spin_lock+0x2a/0x40
 => dev_reset_work+0x5c/0x110
     kworker/0:1-12      [000] .....   100.000005: lock_release: 00000000e5f60718 &dev->list_lock
     kworker/0:1-12      [000] .....   100.000006: lock_release: 00000000a1b2c3d4 &dev->mutex
            bash-4242    [001] .....   100.000020: lock_acquire: 00000000e5f60718 &dev->list_lock
            bash-4242    [001] .....   100.000021: <stack trace>
 => _raw_spin_lock+0x2a/0x40
 => dev_ioctl+0x31/0x1f0
            bash-4242    [001] .....   100.000022: lock_acquire: 00000000a1b2c3d4 &dev->mutex
            bash-4242    [001] .....   100.000023: <stack trace>
 => __mutex_lock+0x9a/0x9c0
 => dev_ioctl+0x61/0x1f0
`;

const CYCLE = ['&dev->mutex', '&dev->list_lock'];

test('an ftrace ABBA opens as a circular dependency: the graph shows the cycle, the stepper reaches the deadlock', async ({
  app,
}) => {
  await app.open();
  await app.load(FTRACE_ABBA);
  const s = await app.waitForParseOf(FTRACE_ABBA);
  expect(s.reports).toEqual([
    {
      title: 'possible deadlock in dev_ioctl',
      kind: 'circular-dependency',
      format: 'lockscope-trace',
      lines: { start: 9, end: 19 },
    },
  ]);
  await app.graph.drawn();
  const graph = (await app.state()).graph;
  expect(graph.cycle).toEqual(CYCLE);
  expect([...graph.nodes].sort()).toEqual([...CYCLE].sort());
  expect(graph.edges).toEqual(
    expect.arrayContaining([
      ['&dev->mutex', '&dev->list_lock'],
      ['&dev->list_lock', '&dev->mutex'],
    ]),
  );

  await app.stepper.show();
  await app.page.screenshot({ path: `${DIR}/trace-abba-start.png` });
  await app.stepper.end.click();
  const stepper = await app.stepper.state();
  expect(stepper).toMatchObject({ deadlocked: true, status: 'deadlocked' });
  expect(Object.values(stepper.waits).sort()).toEqual([...CYCLE].sort());
  await expect(app.stepper.deadlock).toContainText(
    'CPU0 holds &dev->list_lock and waits for &dev->mutex; CPU1 holds &dev->mutex and waits for &dev->list_lock: neither can move.',
  );
  await app.page.screenshot({ path: `${DIR}/trace-abba-deadlock.png` });
});

test('a JSON trace whose locks are always taken in one order says so instead of staying silent', async ({
  app,
}) => {
  const json = JSON.stringify(
    {
      format: 'lockscope-trace',
      version: 1,
      events: [
        { thread: 'T1', op: 'acquire', lock: 'A' },
        { thread: 'T1', op: 'acquire', lock: 'B' },
        { thread: 'T1', op: 'release', lock: 'B' },
        { thread: 'T1', op: 'release', lock: 'A' },
        { thread: 'T2', op: 'acquire', lock: 'A' },
        { thread: 'T2', op: 'acquire', lock: 'B' },
      ],
    },
    null,
    2,
  );
  await app.open();
  await app.load(json);
  const s = await app.waitForParseOf(json);
  expect(s.reports).toEqual([]);
  expect(s.diagnostics.map((d) => d.message)).toEqual([
    'lock trace (json): no problem found in 6 events over 2 threads (2 lock classes, 1 dependencies)',
  ]);
  // the page says the trace was read and found clean, not that there was nothing to read
  await expect(app.results.noReport).toContainText('Lock trace read: lockdep found no problem.');
  await expect(app.results.noReport).not.toContainText('No lock report found');
  await expect(app.results.noReport).toContainText('no problem found in 6 events over 2 threads');
  await app.page.screenshot({ path: `${DIR}/trace-clean.png` });
});
