import { defineConfig } from '@playwright/test';

/**
 * Browser journeys in Debian's Chromium (browser downloads are not possible here), against the real
 * api and worker that tools/scripts/e2e.mjs starts on a fresh database with the demo data.
 * Screenshots of each journey's last page are kept in test-results/ as artifacts.
 */
export default defineConfig({
  testDir: './src',
  outputDir: '../../test-results/web-e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:3000',
    screenshot: 'on',
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
});
