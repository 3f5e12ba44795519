import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './integration-tests/chromium';

// The whole product on free-standing ports: the simulated cluster and the console shell, fast time.
const SHELL_PORT = Number(process.env.KMM_DAY1_E2E_PORT ?? 9310);
const SIM_PORT = SHELL_PORT + 1;

export default defineConfig({
  testDir: './integration-tests/tests',
  outputDir: './integration-tests/results/artifacts',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // One browser, one simulator: tests change shared cluster state.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [
    ['list'],
    ['html', { outputFolder: 'integration-tests/results/report', open: 'never' }],
  ],
  use: {
    baseURL: `http://localhost:${String(SHELL_PORT)}`,
    testIdAttribute: 'data-test',
    viewport: { width: 1600, height: 1000 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    // Debian's Chromium; Playwright never downloads a browser here.
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `node -r ts-node/register dev/start.ts --port ${String(SHELL_PORT)} --sim-port ${String(SIM_PORT)} --time-scale 0.05`,
    url: `http://localhost:${String(SHELL_PORT)}/`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
  },
});
