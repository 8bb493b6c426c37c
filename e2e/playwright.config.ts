// Browser tests run against a whole stack started on its own ports, database and data directory, so they
// never touch a developer's running `conduit start`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';

export const E2E = {
  designer: 'http://127.0.0.1:3100',
  sandbox: 'http://127.0.0.1:4110',
  gateway: 'http://127.0.0.1:4120',
  databaseUrl: process.env.CONDUIT_E2E_DATABASE_URL ?? 'postgresql://conduit:conduit@127.0.0.1:5432/conduit_e2e',
} as const;

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: fileURLToPath(new URL('../.conduit/test-results/playwright', import.meta.url)),
  use: {
    baseURL: E2E.designer,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: 'node_modules/.bin/tsx packages/devstack/src/start.ts --reset',
    cwd: '..',
    url: `${E2E.designer}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      DATABASE_URL: E2E.databaseUrl,
      DESIGNER_PORT: '3100',
      STREAK_SANDBOX_PORT: '4110',
      SAGE100_GATEWAY_PORT: '4120',
      TEMPORAL_PORT: '7300',
      CONDUIT_DATA_DIR: fileURLToPath(new URL('../.conduit/e2e', import.meta.url)),
      CONDUIT_DEMO: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  },
});
