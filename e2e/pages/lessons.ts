// Page object: the Lessons page — the lesson list, the lesson, its question — and presentation mode.
import { expect, type Locator, type Page } from '@playwright/test';
import type { ApiLesson } from '../../app/api/lesson-api';

export class LessonsPage {
  readonly root: Locator;
  readonly title: Locator;
  readonly counter: Locator;
  readonly question: Locator;
  readonly reveal: Locator;
  readonly verdict: Locator;
  readonly fix: Locator;
  readonly present: Locator;
  readonly presentationBar: Locator;
  readonly ring: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('lessons.page');
    this.title = page.getByTestId('lesson.title');
    this.counter = page.getByTestId('lesson.counter');
    this.question = page.getByTestId('lesson.question');
    this.reveal = page.getByTestId('lesson.reveal');
    this.verdict = page.getByTestId('lesson.verdict');
    this.fix = page.getByTestId('lesson.fix');
    this.present = page.getByTestId('lesson.present');
    this.presentationBar = page.getByTestId('presentation.bar');
    this.ring = page.getByTestId('presenter.ring');
  }

  /** Opens a URL that shows the Lessons page (no text box there) and waits for its parse. */
  async goto(url: string): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForFunction(() => window.lockscope !== undefined);
    await this.page.evaluate(() => window.lockscope!.ready);
    await expect
      .poll(() => this.page.evaluate(() => window.lockscope!.state().status))
      .toBe('done');
  }

  open(id: string): Locator {
    return this.page.getByTestId(`lessons.open.${id}`);
  }

  option(id: string): Locator {
    return this.page.getByTestId(`lesson.option.${id}`);
  }

  async state(): Promise<ApiLesson | null> {
    return this.page.evaluate(() => window.lockscope!.state().lesson);
  }
}
