// Page object for the Simulator page: the gallery, the program editor and its errors, Run and
// what it found, and window.lockscope.sim.
import { expect, type Locator, type Page } from '@playwright/test';
import type { ApiSimulator } from '../../app/api/simulator-api';

export class SimulatorPage {
  readonly tab: Locator;
  readonly root: Locator;
  readonly gallery: Locator;
  readonly editor: Locator;
  readonly errorMarks: Locator;
  readonly marked: Locator;
  readonly errors: Locator;
  readonly ok: Locator;
  readonly run: Locator;
  readonly status: Locator;
  readonly deadlocks: Locator;
  readonly deadlockTitles: Locator;
  readonly noDeadlock: Locator;
  readonly steps: Locator;
  readonly openStepper: Locator;
  readonly oneRun: Locator;
  readonly replaced: Locator;
  readonly restore: Locator;

  constructor(readonly page: Page) {
    this.tab = page.getByTestId('app.page.simulator');
    this.root = page.getByTestId('sim.page');
    this.gallery = page.getByTestId('sim.gallery');
    this.editor = page.getByTestId('sim.editor');
    this.errorMarks = page.getByTestId('sim.editor.error-mark');
    this.marked = page.getByTestId('sim.editor.marked');
    this.errors = page.getByTestId('sim.error');
    this.ok = page.getByTestId('sim.ok');
    this.run = page.getByTestId('sim.run');
    this.status = page.getByTestId('sim.status');
    this.deadlocks = page.getByTestId('sim.deadlock');
    this.deadlockTitles = page.getByTestId('sim.deadlock.title');
    this.noDeadlock = page.getByTestId('sim.no-deadlock');
    this.steps = page.getByTestId('sim.step');
    this.openStepper = page.getByTestId('sim.open-stepper');
    this.oneRun = page.getByTestId('sim.one-run');
    this.replaced = page.getByTestId('sim.replaced');
    this.restore = page.getByTestId('sim.restore');
  }

  example(id: string): Locator {
    return this.page.getByTestId(`sim.example.${id}`);
  }

  async show(): Promise<void> {
    await this.tab.click();
    await expect(this.root).toBeVisible();
  }

  state(): Promise<ApiSimulator> {
    return this.page.evaluate(() => window.lockscope!.state().simulator);
  }

  /** Waits until the last run is over and explored the program shown now. */
  async finished(): Promise<ApiSimulator> {
    await expect
      .poll(() => this.state().then((s) => s.status !== 'running' && s.current), {
        timeout: 60_000,
      })
      .toBe(true);
    return this.state();
  }
}
