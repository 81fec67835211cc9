// Page object: the text box and the ways to fill it.
import type { Locator, Page } from '@playwright/test';

export class InputPanel {
  readonly box: Locator;
  readonly openFile: Locator;
  readonly fileInput: Locator;
  readonly example: Locator;
  readonly source: Locator;
  readonly status: Locator;

  constructor(private readonly page: Page) {
    this.box = page.getByTestId('paste.input');
    this.openFile = page.getByTestId('paste.open-file');
    this.fileInput = page.getByTestId('paste.file-input');
    this.example = page.getByTestId('paste.example');
    this.source = page.getByTestId('paste.source');
    this.status = page.getByTestId('parse.status');
  }

  /** As a person pasting: the whole text lands in the box at once. */
  async paste(text: string): Promise<void> {
    await this.box.fill(text);
  }

  async chooseExample(id: string): Promise<void> {
    await this.example.selectOption(id);
  }

  async openFileNamed(name: string, content: string | Buffer): Promise<void> {
    const buffer = typeof content === 'string' ? Buffer.from(content) : content;
    await this.fileInput.setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
  }

  /** Drops a file onto the page the way a file manager does: a drop event carrying a DataTransfer. */
  async dropFile(name: string, content: string | Buffer): Promise<void> {
    // Bytes cross into the page as a plain array (a .gz file is not text).
    const payload = typeof content === 'string' ? content : [...content];
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, data]) => {
        const dt = new DataTransfer();
        const part = typeof data === 'string' ? data : new Uint8Array(data);
        dt.items.add(new File([part], fileName, { type: 'text/plain' }));
        return dt;
      },
      [name, payload] as const,
    );
    const target = this.page.getByTestId('results.panel');
    await target.dispatchEvent('dragenter', { dataTransfer });
    await target.dispatchEvent('dragover', { dataTransfer });
    await target.dispatchEvent('drop', { dataTransfer });
  }

  /** The selected text in the box. */
  async selectedText(): Promise<string> {
    return this.box.evaluate((el: HTMLTextAreaElement) =>
      el.value.slice(el.selectionStart, el.selectionEnd),
    );
  }
}
