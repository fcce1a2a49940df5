import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

const CI = !!process.env.CI;
const port = Number(process.env.E2E_PORT) || 4173;
const baseURL = `http://localhost:${port}`;

/**
 * Browser choice: CHROMIUM_PATH wins; otherwise Playwright's own Chromium when it has been
 * downloaded (`npx playwright install chromium`); otherwise Debian's /usr/bin/chromium.
 */
function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it does not know a browser for this platform.
  }
  if (bundled && existsSync(bundled)) return undefined;
  return '/usr/bin/chromium';
}

const executablePath = chromiumExecutable();
const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
// A system Chromium (Debian's) or any Chromium run as root needs these to start headless
// in a container and to stay quiet on the network.
const args =
  executablePath || asRoot
    ? [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ]
    : [];

export default defineConfig({
  testDir: 'test/e2e',
  // Playwright empties outputDir at start: keep it apart from test-results/unit.json.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { ...(executablePath ? { executablePath } : {}), args },
      },
    },
  ],
  webServer: {
    command: `npm run build && npx vite preview --port ${port} --strictPort`,
    url: `${baseURL}/controller/`,
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
