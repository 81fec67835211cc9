// Page objects: the list of reports found, one report's details, and the no-report message.
import type { Locator, Page } from '@playwright/test';

export class ReportDetails {
  readonly root: Locator;
  readonly title: Locator;
  readonly kind: Locator;
  readonly format: Locator;
  readonly kernel: Locator;
  readonly task: Locator;
  readonly lines: Locator;
  readonly graphArea: Locator;
  readonly cycle: Locator;
  readonly cycleList: Locator;
  readonly dependencies: Locator;
  readonly scenario: Locator;
  readonly heldLocks: Locator;
  readonly trace: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('report.details');
    this.title = this.root.getByTestId('report.title');
    this.kind = this.root.getByTestId('report.kind');
    this.format = this.root.getByTestId('report.format');
    this.kernel = this.root.getByTestId('report.kernel');
    this.task = this.root.getByTestId('report.task');
    this.lines = this.root.getByTestId('report.lines');
    this.graphArea = this.root.getByTestId('graph.area');
    this.cycle = this.root.getByTestId('report.cycle');
    this.cycleList = this.root.getByTestId('report.cycle-list');
    this.dependencies = this.root.getByTestId('report.dependencies');
    this.scenario = this.root.getByTestId('report.scenario');
    this.heldLocks = this.root.getByTestId('report.held-locks');
    this.trace = this.root.getByTestId('report.trace');
  }
}

export class ResultsPanel {
  readonly root: Locator;
  readonly list: Locator;
  readonly items: Locator;
  readonly details: ReportDetails;
  readonly noReport: Locator;
  readonly noReportLines: Locator;
  readonly emptyHint: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('results.panel');
    this.list = page.getByTestId('reports.list');
    this.items = this.list.getByTestId('reports.item');
    this.details = new ReportDetails(page);
    this.noReport = page.getByTestId('noreport.message');
    this.noReportLines = this.noReport.getByTestId('line.link');
    this.emptyHint = page.getByTestId('noreport.empty');
  }
}
