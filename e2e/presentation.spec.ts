import { LESSONS } from '../src/lessons';
import { expect, test } from './fixtures';
import { GRAPH_SCALE, LABEL_FONT_SIZE } from '../app/components/LockGraphView/graph-style';
import { LessonsPage } from './pages/lessons';

/** WCAG relative luminance contrast of two computed "rgb(r, g, b)" colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map(Number)
      .map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

test('presentation mode is keyboard driven from ?present&lesson=abba to the last lesson, then Esc', async ({
  app,
  page,
}) => {
  const lessons = new LessonsPage(page);
  await lessons.goto('/?present&lesson=abba');
  await expect(lessons.presentationBar).toBeVisible();
  expect((await app.state()).presenting).toBe(true);
  await expect(page.locator('.header')).toBeHidden();
  await app.graph.drawn();

  // large, high-contrast type
  const look = await page.evaluate(() => {
    const body = getComputedStyle(document.body);
    const title = getComputedStyle(document.querySelector('[data-testid="lesson.title"]')!);
    const reveal = getComputedStyle(document.querySelector('[data-testid="lesson.reveal"]')!);
    return {
      bg: body.backgroundColor,
      text: body.color,
      titleSize: parseFloat(title.fontSize),
      bodySize: parseFloat(body.fontSize),
      revealBg: reveal.backgroundColor,
      revealText: reveal.color,
    };
  });
  expect(contrast(look.text, look.bg)).toBeGreaterThanOrEqual(7);
  expect(contrast(look.revealText, look.revealBg)).toBeGreaterThanOrEqual(7);
  expect(look.bodySize).toBeGreaterThanOrEqual(20);
  expect(look.titleSize).toBeGreaterThanOrEqual(28);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: 'screenshots/presentation-abba-1280.png' });

  // → steps, but no further than the question until r reveals
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  expect((await app.state()).stepper!.index).toBe(LESSONS[0]!.askAt);
  await page.keyboard.press('ArrowLeft');
  expect((await app.state()).stepper!.index).toBe(LESSONS[0]!.askAt - 1);
  await page.keyboard.press('r');
  expect((await app.state()).lesson!.revealed).toBe(true);
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  expect((await app.state()).stepper!.status).toBe('deadlocked');

  // a click leaves a brief ring where it landed, for the back of the room
  await page.mouse.click(200, 300);
  await expect(lessons.ring.first()).toBeAttached();

  // n / PageDown to the last lesson
  for (let i = 1; i < LESSONS.length; i++) {
    await page.keyboard.press(i % 2 ? 'n' : 'PageDown');
    await expect(lessons.title).toHaveText(LESSONS[i]!.title);
  }
  await page.keyboard.press('n'); // past the end: stays
  await expect(lessons.title).toHaveText(LESSONS.at(-1)!.title);
  await page.keyboard.press('PageUp');
  await expect(lessons.title).toHaveText(LESSONS.at(-2)!.title);
  await page.keyboard.press('p');
  await page.keyboard.press('n');
  await page.keyboard.press('n');
  await expect(lessons.title).toHaveText(LESSONS.at(-1)!.title);
  expect(new URL(page.url()).searchParams.get('lesson')).toBe(LESSONS.at(-1)!.id);
  expect(new URL(page.url()).searchParams.has('present')).toBe(true);

  await page.keyboard.press('Enter');
  await expect(lessons.verdict).toBeVisible();
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.graph.drawn();
  await page.screenshot({ path: 'screenshots/presentation-last-1920.png' });

  await page.keyboard.press('Escape');
  expect((await app.state()).presenting).toBe(false);
  await expect(lessons.presentationBar).toBeHidden();
  await expect(page.locator('.header')).toBeVisible();
  expect(new URL(page.url()).searchParams.has('present')).toBe(false);
});

test('a report link opens straight into presentation mode with ?present', async ({ app, page }) => {
  await app.open('/');
  const link = await app.permalink();
  await app.open(`/?present${new URL(link).hash}`);
  const s = await app.state();
  expect(s.presenting).toBe(true);
  expect(s.page).toBe('report');
  await expect(app.input.box).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 720 });
  await app.graph.drawn();
  await page.screenshot({ path: 'screenshots/presentation-report-1280.png' });
});

test('the Present button turns presentation mode on and puts ?present in the address bar', async ({
  app,
  page,
}) => {
  const lessons = new LessonsPage(page);
  await lessons.goto('/?lesson=rwlock');
  await lessons.present.click();
  await expect(lessons.presentationBar).toBeVisible();
  expect(new URL(page.url()).searchParams.has('present')).toBe(true);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await app.graph.drawn();
  await page.screenshot({ path: 'screenshots/presentation-rwlock-1920.png' });
});

/** Top, bottom, left and right of an element, in CSS pixels of the viewport. */
async function box(page: import('@playwright/test').Page, testId: string) {
  const b = await page.getByTestId(testId).first().boundingBox();
  expect(b, `${testId} is on screen`).not.toBeNull();
  return b!;
}

for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${size.width}×${size.height} every lesson's graph, step sentence and question fit on one screen, labels large`, async ({
    app,
    page,
  }) => {
    await page.setViewportSize(size);
    const lessons = new LessonsPage(page);
    await lessons.goto(`/?present&lesson=${LESSONS[0]!.id}`);
    for (const [i, lesson] of LESSONS.entries()) {
      if (i > 0) {
        await page.keyboard.press('n');
        await expect(lessons.title).toHaveText(lesson.title);
        await expect.poll(() => app.state().then((s) => s.status)).toBe('done');
      }
      await app.graph.drawn();
      // no scrolling: the page is exactly one screen
      const scroll = await page.evaluate(() => ({
        height: document.scrollingElement!.scrollHeight,
        width: document.scrollingElement!.scrollWidth,
      }));
      expect(scroll.height, lesson.id).toBeLessThanOrEqual(size.height);
      expect(scroll.width, lesson.id).toBeLessThanOrEqual(size.width);
      const parts = ['graph.canvas', 'lesson.question', 'lesson.reveal'];
      if (lesson.expect.deadlock) parts.push('stepper.sentence', 'stepper.forward');
      for (const id of parts) {
        const b = await box(page, id);
        expect(b.y, `${lesson.id}: ${id} top`).toBeGreaterThanOrEqual(0);
        expect(b.x, `${lesson.id}: ${id} left`).toBeGreaterThanOrEqual(0);
        expect(b.y + b.height, `${lesson.id}: ${id} bottom`).toBeLessThanOrEqual(size.height);
        expect(b.x + b.width, `${lesson.id}: ${id} right`).toBeLessThanOrEqual(size.width);
      }
      const canvas = await box(page, 'graph.canvas');
      expect(canvas.height, `${lesson.id}: the graph gets room`).toBeGreaterThanOrEqual(
        size.height * 0.4,
      );
      // Lock names near the size of the words beside them, for the back of the room; a graph of
      // five or more locks stacked in layers is fitted to the screen and gets what is left.
      const { zoom, nodes } = await app.graph.geometry();
      const label = LABEL_FONT_SIZE * GRAPH_SCALE.present * zoom;
      const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
      const least = nodes.length <= 4 ? Math.min(body * 0.8, 20) : size.height >= 1080 ? 13 : 9;
      expect(label, `${lesson.id}: label px`).toBeGreaterThanOrEqual(least);
      if (lesson.id === 'abba' || lesson.id === 'i915-userptr')
        await page.screenshot({
          path: `screenshots/presentation-${lesson.id}-${size.width}.png`,
        });
    }
  });
}
