// Page object: the lock graph, its details panel and the cycle list (the keyboard path).
import type { Locator, Page } from '@playwright/test';
import type { GraphGeometry } from '../../app/api/graph-probe';

export class GraphView {
  readonly area: Locator;
  readonly canvas: Locator;
  readonly details: Locator;
  readonly detailsName: Locator;
  readonly edgeStacks: Locator;
  readonly edgeCycle: Locator;
  readonly nodeUsage: Locator;
  readonly merged: Locator;
  readonly recentre: Locator;
  readonly cycleClasses: Locator;
  readonly cycleDependencies: Locator;
  readonly marked: Locator;

  constructor(private readonly page: Page) {
    this.area = page.getByTestId('graph.area');
    this.canvas = page.getByTestId('graph.canvas');
    this.details = page.getByTestId('graph.details');
    this.detailsName = this.details.getByTestId('graph.details-name');
    this.edgeStacks = this.details.getByTestId('graph.edge-stack');
    this.edgeCycle = this.details.getByTestId('graph.edge-cycle');
    this.nodeUsage = this.details.getByTestId('graph.node-usage');
    this.merged = page.getByTestId('graph.merged');
    this.recentre = page.getByTestId('graph.recentre');
    this.cycleClasses = page.getByTestId('report.cycle-list').getByTestId('cycle.class');
    this.cycleDependencies = page.getByTestId('report.cycle-list').getByTestId('cycle.dependency');
    this.marked = page.getByTestId('paste.marked');
  }

  /** Waits until the graph shown now is laid out and painted (window.lockscope.whenDrawn). */
  async drawn(): Promise<void> {
    await this.page.evaluate(() => window.lockscope!.whenDrawn());
  }

  async geometry(): Promise<GraphGeometry> {
    const g = await this.page.evaluate(() => window.lockscope!.geometry());
    if (!g) throw new Error('no graph view on the page');
    return g;
  }

  /** The geometry once the canvas is scrolled into the middle of its panel (panels scroll). */
  private async visibleGeometry(): Promise<GraphGeometry> {
    await this.canvas.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    return this.geometry();
  }

  /** Clicks a dependency's arrow on the canvas, at its midpoint. */
  async clickEdge(prev: string, next: string): Promise<void> {
    const edge = (await this.visibleGeometry()).edges.find(
      (e) => e.prev === prev && e.next === next,
    );
    if (!edge) throw new Error(`no edge ${prev} -> ${next} drawn`);
    await this.page.mouse.click(edge.x, edge.y);
  }

  /** Clicks a lock class's box on the canvas. */
  async clickNode(id: string): Promise<void> {
    const node = (await this.visibleGeometry()).nodes.find((n) => n.id === id);
    if (!node) throw new Error(`no node ${id} drawn`);
    await this.page.mouse.click(node.x, node.y);
  }
}
