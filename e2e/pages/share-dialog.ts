// Page objects: the Share dialog and the banner that says what was wrong with a link.
import type { Locator, Page } from '@playwright/test';

export class ShareDialog {
  readonly open: Locator;
  readonly dialog: Locator;
  readonly link: Locator;
  readonly linkLength: Locator;
  readonly copy: Locator;
  readonly long: Locator;
  readonly reportLink: Locator;
  readonly reportLinkLength: Locator;
  readonly download: Locator;
  readonly addressNote: Locator;
  readonly close: Locator;

  constructor(page: Page) {
    this.open = page.getByTestId('share.open');
    this.dialog = page.getByTestId('share.dialog');
    this.link = page.getByTestId('share.link-text');
    this.linkLength = page.getByTestId('share.link-length');
    this.copy = page.getByTestId('share.link-copy');
    this.long = page.getByTestId('share.long');
    this.reportLink = page.getByTestId('share.report-link-text');
    this.reportLinkLength = page.getByTestId('share.report-link-length');
    this.download = page.getByTestId('share.download');
    this.addressNote = page.getByTestId('share.address-note');
    this.close = page.getByTestId('share.close');
  }
}

export class LinkBanner {
  readonly root: Locator;
  readonly text: Locator;
  readonly dismiss: Locator;

  constructor(page: Page) {
    this.root = page.getByTestId('link.error');
    this.text = page.getByTestId('link.error-text');
    this.dismiss = page.getByTestId('link.error-dismiss');
  }
}
