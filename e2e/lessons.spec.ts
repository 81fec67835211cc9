import { LESSONS, lessonProgram } from '../src/lessons';
import { expect, test } from './fixtures';
import { LessonsPage } from './pages/lessons';

/** A wrong answer for the lesson's question: another option, CPU or lock. */
function wrongAnswer(lesson: (typeof LESSONS)[number], cpus: string[], locks: string[]): string {
  const q = lesson.question;
  const pool = q.kind === 'choice' ? q.options.map((o) => o.id) : q.kind === 'cpu' ? cpus : locks;
  return pool.find((x) => x !== q.answer)!;
}

for (const lesson of LESSONS) {
  test(`lesson ${lesson.id}: opens from ?lesson=, plays to its end, and judges right and wrong`, async ({
    app,
    page,
  }) => {
    const lessons = new LessonsPage(page);
    await lessons.goto(`/?lesson=${lesson.id}`);
    await expect(lessons.title).toHaveText(lesson.title);
    // the same design as a lock program (src/sim's example), shown read-only
    const program = lessonProgram(lesson)!;
    await expect(page.getByTestId('lesson.program')).toHaveAttribute('data-program', program.id);
    expect(await page.getByTestId('lesson.program').locator('code').textContent()).toBe(
      program.source,
    );
    let s = await app.state();
    expect(s.page).toBe('lessons');
    expect(s.reports).toHaveLength(1);
    expect(s.reports[0]!.kind).toBe(lesson.expect.kind);
    await app.graph.drawn();

    // A wrong answer first: the stepper holds at the question until the reveal.
    const cpus = s.stepper?.cpus ?? [];
    const wrong = wrongAnswer(lesson, cpus, s.graph.nodes);
    await lessons.option(wrong).click();
    if (s.stepper) {
      await page.evaluate(() => window.lockscope!.step(99));
      expect((await app.state()).stepper!.index).toBe(lesson.askAt);
    }
    await lessons.reveal.click();
    await expect(lessons.verdict).toHaveAttribute('data-verdict', 'wrong');
    await expect(lessons.option(lesson.question.answer)).toHaveAttribute('data-mark', 'right');
    if (lesson.fix) await expect(lessons.fix).toBeVisible();

    // Played to its end, the lesson deadlocks (or has nothing to play, for the WITNESS panic).
    if (lesson.expect.deadlock) {
      await app.stepper.end.click();
      s = await app.state();
      expect(s.stepper!.status).toBe('deadlocked');
      await expect(app.stepper.deadlock).toBeVisible();
    } else {
      expect(s.stepper).toBeNull();
    }

    // Open it again from the list: a fresh question, answered right this time.
    await lessons.open(lesson.id).click();
    await expect.poll(() => lessons.state().then((l) => l?.revealed)).toBe(false);
    await lessons.option(lesson.question.answer).click();
    await page.keyboard.press('Tab'); // focus leaves the option; the button still reveals
    await lessons.reveal.click();
    await expect(lessons.verdict).toHaveAttribute('data-verdict', 'right');
    expect((await lessons.state())!.verdict).toBe('right');
  });
}

test('a which-lock question is answered by clicking the lock in the graph', async ({
  app,
  page,
}) => {
  const lessons = new LessonsPage(page);
  await lessons.goto('/?lesson=abba');
  await app.graph.drawn();
  const geo = await app.graph.geometry();
  const node = geo.nodes.find((n) => n.id === 'cfg_mutex')!;
  await page.mouse.click(node.x, node.y);
  await expect.poll(() => lessons.state().then((l) => l?.answer)).toBe('cfg_mutex');
  await expect(lessons.option('cfg_mutex')).toHaveAttribute('aria-pressed', 'true');
  await page.screenshot({ path: 'screenshots/lesson-abba-question.png' });
  await lessons.reveal.click();
  await expect(lessons.verdict).toHaveAttribute('data-verdict', 'right');
  await app.stepper.end.click();
  await expect(app.stepper.deadlock).toBeVisible();
  await page.screenshot({ path: 'screenshots/lesson-abba-revealed.png' });
});

test('the lesson param keeps a #v1. link working: the link restores its step on top of the lesson', async ({
  app,
  page,
}) => {
  const lessons = new LessonsPage(page);
  await lessons.goto('/?lesson=three');
  await page.evaluate(() => window.lockscope!.reveal());
  await page.evaluate(() => window.lockscope!.stepTo(4));
  const link = await app.permalink();
  expect(new URL(link).searchParams.get('lesson')).toBe('three');
  await lessons.goto(link);
  const s = await app.state();
  expect(s.lesson?.id).toBe('three');
  expect(s.stepper!.index).toBeGreaterThan(0);
  // and a plain #v1. link without the param opens the Report page as before
  await app.open(`/${new URL(link).hash}`);
  expect((await app.state()).page).toBe('report');
});

test("the lesson's report text explains its notation under the pointer and at the caret", async ({
  app,
  page,
}) => {
  const lessons = new LessonsPage(page);
  await lessons.goto('/?lesson=spin-irq');
  const box = page.getByTestId('lesson.report');
  const tip = page.getByTestId('lesson.notation');
  const text = await box.inputValue();
  expect(text).toBe(LESSONS.find((l) => l.id === 'spin-irq')!.report);
  const lines = text.split('\n');
  const row = lines.findIndex((l) => l.includes('{IN-HARDIRQ-W} -> {HARDIRQ-ON-W}'));
  const col = lines[row]!.indexOf('{IN-HARDIRQ-W}') + 3;
  await box.scrollIntoViewIfNeeded();
  const metrics = await box.evaluate(
    (el, [r, c]) => {
      const cs = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
      const w = ctx.measureText('0000000000').width / 10;
      const rect = el.getBoundingClientRect();
      const lh = parseFloat(cs.lineHeight);
      el.scrollTop = Math.max(0, (r - 2) * lh);
      return {
        x: rect.left + parseFloat(cs.paddingLeft) + (c + 0.5) * w - el.scrollLeft,
        y: rect.top + parseFloat(cs.paddingTop) + (r + 0.5) * lh - el.scrollTop,
      };
    },
    [row, col] as const,
  );
  await page.mouse.move(metrics.x, metrics.y);
  await expect(tip).toContainText('Inconsistent usage');
  await expect(tip).toContainText('inside hardirq context');
  await page.screenshot({ path: 'screenshots/lesson-notation.png' });
  await page.getByTestId('lesson.program').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'screenshots/lesson-program.png' });

  // The keyboard: Tab from the Reveal button reaches the text; the caret explains what it is on.
  await page.mouse.move(0, 0);
  await lessons.reveal.focus();
  await page.keyboard.press('Tab');
  await expect(box).toBeFocused();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < row; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  for (let i = 0; i < col; i++) await page.keyboard.press('ArrowRight');
  await expect(tip).toContainText('Inconsistent usage');
  // the lesson's text cannot be edited (typing is refused), and the user's own box is not it
  await page.keyboard.type('xy');
  await page.keyboard.press('Backspace');
  await expect(box).toHaveValue(text);
  expect((await app.state()).page).toBe('lessons');
});

test("a lesson's program runs in the Simulator, and the lesson is still there to go back to", async ({
  app,
  page,
}) => {
  const lessons = new LessonsPage(page);
  await lessons.goto('/?lesson=abba');
  const program = lessonProgram(LESSONS.find((l) => l.id === 'abba')!)!;
  await page.getByTestId('lesson.open-simulator').click();
  await expect.poll(async () => (await app.state()).page).toBe('simulator');
  await expect
    .poll(async () => (await app.state()).simulator.status, { timeout: 20_000 })
    .toBe('done');
  const sim = (await app.state()).simulator;
  expect(sim.example).toBe(program.id);
  expect(sim.programLength).toBe(program.source.length);
  expect(sim.deadlocks.length).toBeGreaterThan(0);
  await page.getByTestId('app.page.lessons').click();
  await expect(lessons.title).toHaveText(LESSONS.find((l) => l.id === 'abba')!.title);
});
