// Page object: the lock-graph explorer shown for whole-kernel dumps (/proc/lockdep, WITNESS).
import type { Locator, Page } from '@playwright/test';
import type { ApiLockGraph } from '../../app/api/lock-graph-api';

export class LockGraphExplorer {
  readonly root: Locator;
  readonly facts: Locator;
  readonly focusInput: Locator;
  readonly options: Locator;
  readonly depth2: Locator;
  readonly pathFrom: Locator;
  readonly pathTo: Locator;
  readonly answer: Locator;
  readonly cycles: Locator;
  readonly exportOrder: Locator;
  readonly drawWhole: Locator;
  readonly webgl: Locator;
  readonly canvasRenderer: Locator;
  readonly canvas: Locator;
  readonly empty: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('explorer');
    this.facts = this.root.getByTestId('explorer.facts');
    this.focusInput = this.root.getByTestId('explorer.focus-input');
    this.options = page.getByTestId('class-search.option');
    this.depth2 = this.root.getByTestId('explorer.depth-2');
    this.pathFrom = this.root.getByTestId('explorer.path-from');
    this.pathTo = this.root.getByTestId('explorer.path-to');
    this.answer = this.root.getByTestId('explorer.answer');
    this.cycles = this.root.getByTestId('explorer.cycle');
    this.exportOrder = this.root.getByTestId('explorer.export-order');
    this.drawWhole = this.root.getByTestId('explorer.draw-whole');
    this.webgl = this.root.getByTestId('explorer.renderer-webgl');
    this.canvasRenderer = this.root.getByTestId('explorer.renderer-canvas');
    this.canvas = this.root.getByTestId('explorer.canvas');
    this.empty = this.root.getByTestId('explorer.empty');
  }

  /** Types into a class picker and picks the option naming `name` exactly. */
  async pick(input: Locator, typed: string, name: string): Promise<void> {
    await input.fill(typed);
    await this.options
      .filter({ has: this.page.locator('code', { hasText: name }) })
      .first()
      .waitFor();
    const exact = this.options.filter({
      has: this.page.locator('code').getByText(name, { exact: true }),
    });
    await exact.first().click();
  }

  async drawn(): Promise<void> {
    await this.page.evaluate(() => window.lockscope!.whenDrawn());
  }

  async state(): Promise<ApiLockGraph> {
    const s = await this.page.evaluate(() => window.lockscope!.state().lockGraph);
    if (!s) throw new Error('the selected report is no lock graph');
    return s;
  }
}
