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

/**
 * Specs that start real OBS Studio under Xvfb (131, 401, 403, 404, 410, 903 crash), stand-in
 * OBS servers (410, 602, 804), a preview server of their own (601 door, 152 Euler) or a browser process
 * of their own (404, 903 crash): the `serial` project, one at a time.
 */
const SERIAL = [
  '131-markers',
  '401-obs-controller',
  '403-two-controllers-obs',
  '404-obs-reload',
  '410-stream-health',
  '601-orders-door',
  '152-euler-stream',
  '602-setup-fake-obs',
  '804-security-secrets',
  '903-crash-durability',
].map((name) => `**/${name}.spec.ts`);

const browser = {
  ...devices['Desktop Chrome'],
  launchOptions: { ...(executablePath ? { executablePath } : {}), args },
};

export default defineConfig({
  testDir: 'test/e2e',
  // Playwright empties outputDir at start: keep it apart from test-results/unit.json.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  // One worker by default: every controller served by the preview server joins its relay, and
  // the relay has no room per test yet, so two tests side by side hear each other's primaries,
  // views and heartbeats (CI run of 5 Dec: a backup offered two live shows, a countdown fed by
  // the other test's show). E2E_WORKERS=2 runs two at a time for specs known to be apart.
  workers: Number(process.env.E2E_WORKERS) || 1,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'pages', testIgnore: SERIAL, use: browser },
    { name: 'serial', testMatch: SERIAL, workers: 1, use: browser },
  ],
  webServer: {
    // .ci/run builds once, beside lint and check (E2E_PREBUILT=1); otherwise build here.
    command: `${process.env.E2E_PREBUILT === '1' ? '' : 'npm run build && '}npx vite preview --port ${port} --strictPort`,
    url: `${baseURL}/controller/`,
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
