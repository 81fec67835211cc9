#!/usr/bin/env node
// Is there a Chromium for the browser tests? Playwright's own download is not used here
// (playwright.config.ts points at Debian's chromium), so say how to get one and stop early.
import { accessSync, constants } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** The Chromium the browser tests will use, or null with the reason. */
export function findChromium(env = process.env) {
  const path = env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  try {
    accessSync(path, constants.X_OK);
    return { path, problem: null };
  } catch {
    const where = env.CHROMIUM_PATH ? `CHROMIUM_PATH=${path}` : path;
    return {
      path: null,
      problem: `No Chromium for the browser tests at ${where}: run \`apt-get install -y chromium\` (Debian), or set CHROMIUM_PATH to a Chromium binary.`,
    };
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { problem } = findChromium();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
