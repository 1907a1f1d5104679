import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH_OPTIONS } from './scripts/chromium';

// E2E_PORT: another port when 4174 is taken (several checkouts testing on one machine).
const PORT = Number(process.env.E2E_PORT ?? 4174);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: true,
  retries: 0,
  workers: process.env.CI ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    launchOptions: CHROMIUM_LAUNCH_OPTIONS,
    // The offline copy's service worker would answer requests that tests route or fail on
    // purpose; only the offline test lets it run.
    serviceWorkers: 'block',
  },
  webServer: {
    // Always a fresh build: an old server on the port would test old code. The e2e mode
    // builds the test hooks in (src/worker/testHooks.ts); production builds leave them out.
    command: `npx vite build --mode e2e && npx vite preview --port ${PORT} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
