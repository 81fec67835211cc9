// Page object: the deadlock stepper under the graph — scenario choice, controls, the sentence,
// the scheduler and the timeline.
import type { Locator, Page } from '@playwright/test';
import type { ApiStepper } from '../../app/api/stepper-api';

export class Stepper {
  readonly root: Locator;
  readonly scenarios: Locator;
  readonly start: Locator;
  readonly back: Locator;
  readonly play: Locator;
  readonly forward: Locator;
  readonly end: Locator;
  readonly position: Locator;
  readonly sentence: Locator;
  readonly deadlock: Locator;
  readonly finished: Locator;
  readonly playMode: Locator;
  readonly scheduleMode: Locator;
  readonly cpuButtons: Locator;
  readonly undo: Locator;
  readonly schedule: Locator;
  readonly rows: Locator;
  readonly current: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('stepper');
    this.scenarios = this.root.getByTestId('stepper.scenario');
    this.start = this.root.getByTestId('stepper.start');
    this.back = this.root.getByTestId('stepper.back');
    this.play = this.root.getByTestId('stepper.play');
    this.forward = this.root.getByTestId('stepper.forward');
    this.end = this.root.getByTestId('stepper.end');
    this.position = this.root.getByTestId('stepper.position');
    this.sentence = this.root.getByTestId('stepper.sentence');
    this.deadlock = this.root.getByTestId('stepper.deadlock');
    this.finished = this.root.getByTestId('stepper.finished');
    this.playMode = this.root.getByTestId('stepper.mode-play');
    this.scheduleMode = this.root.getByTestId('stepper.mode-schedule');
    this.cpuButtons = this.root.getByTestId('scheduler.cpu');
    this.undo = this.root.getByTestId('scheduler.undo');
    this.schedule = this.root.getByTestId('scheduler.schedule');
    this.rows = this.root.getByTestId('timeline.row');
    this.current = this.root.locator('[data-testid="timeline.row"][aria-current="step"]');
  }

  scenario(id: string): Locator {
    return this.root.locator(`[data-testid="stepper.scenario"][data-scenario="${id}"]`);
  }

  /** The scheduler's button for this CPU (by index). */
  cpu(index: number): Locator {
    return this.root.locator(`[data-testid="scheduler.cpu"][data-cpu="${index}"]`);
  }

  async state(): Promise<ApiStepper> {
    const s = await this.page.evaluate(() => window.lockscope!.state().stepper);
    if (!s) throw new Error('no stepper for the selected report');
    return s;
  }

  async step(n: number): Promise<void> {
    await this.page.evaluate((k) => window.lockscope!.step(k), n);
  }

  /** Brings the stepper and the graph above it into view (the results panel scrolls on its own). */
  async show(): Promise<void> {
    await this.root.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  }
}
