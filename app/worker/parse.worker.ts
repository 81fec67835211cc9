// Parses off the main thread, so that a 50 MB paste never freezes the page.
import { parseText } from '../../src/parse';
import type { ParseRequest, ParseResponse } from './messages';

self.onmessage = (event: MessageEvent<ParseRequest>) => {
  const { id, text } = event.data;
  let response: ParseResponse;
  try {
    const t0 = performance.now();
    const output = parseText(text);
    response = { id, ok: true, output, ms: performance.now() - t0 };
  } catch (err) {
    // parseText never throws by contract; if it does, the page must still hear back.
    response = { id, ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  self.postMessage(response);
};
