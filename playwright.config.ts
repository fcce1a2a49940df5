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
 * Specs that must never run beside one of their own kind: real OBS Studio under Xvfb (401,
 * 403, 404, 410, 903 crash), stand-in OBS servers (410, 602, 804), a preview server of their
 * own (601 door) or a browser process of their own (404, 903 crash). They run one at a time
 * (the `serial` project) while the other worker runs page specs, which share the one preview
 * server safely: each test has its own browser context (IndexedDB, BroadcastChannel) and
 * its own relay room.
 */
const SERIAL = [
  '401-obs-controller',
  '403-two-controllers-obs',
  '404-obs-reload',
  '410-stream-health',
  '601-orders-door',
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
  // Two workers on CI's two cores (measured: see CONTRIBUTING.md "CI time"); E2E_WORKERS=1 for
  // a quiet one-at-a-time run.
  workers: Number(process.env.E2E_WORKERS) || 2,
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
