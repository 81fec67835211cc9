// Page object for the whole app: its regions, and the window.lockscope test API.
import { expect, type Page } from '@playwright/test';
import type { ApiState } from '../../app/api/lockscope-api';
import { GraphView } from './graph-view';
import { InputPanel } from './input-panel';
import { ResultsPanel } from './results-panel';
import { LinkBanner, ShareDialog } from './share-dialog';
import { Stepper } from './stepper';

export class AppPage {
  readonly input: InputPanel;
  readonly results: ResultsPanel;
  readonly graph: GraphView;
  readonly stepper: Stepper;
  readonly share: ShareDialog;
  readonly linkBanner: LinkBanner;

  constructor(readonly page: Page) {
    this.input = new InputPanel(page);
    this.results = new ResultsPanel(page);
    this.graph = new GraphView(page);
    this.stepper = new Stepper(page);
    this.share = new ShareDialog(page);
    this.linkBanner = new LinkBanner(page);
  }

  /** Opens the app and waits until its first input (saved text or the example) is parsed. */
  async open(url = '/'): Promise<void> {
    await this.page.goto(url);
    await this.page.waitForFunction(() => window.lockscope !== undefined);
    await this.page.evaluate(() => window.lockscope!.ready);
    await this.settled();
  }

  /** Waits until no parse is running (typing is debounced, so give it the time to start). */
  async settled(): Promise<void> {
    await expect(this.input.status).not.toHaveAttribute('data-status', 'parsing');
    await expect.poll(() => this.state().then((s) => s.status)).not.toBe('parsing');
  }

  async waitForParseOf(text: string): Promise<ApiState> {
    await expect.poll(() => this.state().then((s) => s.inputLength)).toBe(text.length);
    await expect.poll(() => this.state().then((s) => s.status)).toBe('done');
    return this.state();
  }

  load(text: string): Promise<void> {
    return this.page.evaluate((t) => window.lockscope!.load(t), text);
  }

  /** The address bar's link to the view shown now (it is written ~300 ms after a change). */
  async permalink(): Promise<string> {
    await this.page.evaluate(() => window.lockscope!.whenLinked());
    const link = (await this.state()).permalink;
    expect(link).not.toBeNull();
    expect(this.page.url()).toBe(link);
    return link!;
  }

  state(): Promise<ApiState> {
    return this.page.evaluate(() => window.lockscope!.state());
  }
}
