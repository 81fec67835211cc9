// Browser tests against the production build (vite build + vite preview), driving Debian's
// chromium: Playwright's own browser download is not reachable from these machines.
import { defineConfig, devices } from '@playwright/test';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// LOCKSCOPE_E2E_PORT lets several checkouts run their browser tests side by side.
const port = Number(process.env.LOCKSCOPE_E2E_PORT ?? 4173);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  // Playwright wipes this folder on every run; screenshots worth keeping go to screenshots/.
  outputDir: 'test-results/e2e',
  use: {
    baseURL,
    ...devices['Desktop Chrome'],
    viewport: { width: 1280, height: 860 },
    launchOptions: {
      executablePath,
      args: ['--disable-gpu', '--disable-quic'],
    },
    trace: 'retain-on-failure',
  },
  projects: [{ name: 'debian-chromium' }],
  webServer: {
    command: `npx vite build && npx vite preview --port ${port}`,
    url: baseURL,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
