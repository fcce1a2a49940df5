import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, defineConfig, devices } from '@playwright/test';

const CI = !!process.env.CI;

/**
 * Workers, and a preview server of its own for each (ports E2E_PORT, E2E_PORT + 1, …).
 * Every controller served by a preview server joins that server's relay (and its order door),
 * so two tests on one server hear each other's primaries, views and heartbeats (CI run of
 * 5 Dec on two workers and one server: a backup offered two live shows, a countdown fed by the
 * other test's show). With a server per worker slot, the tests side by side never share a relay.
 * Playwright loads this file again in each worker process, with TEST_PARALLEL_INDEX (the
 * worker's slot, 0 … workers - 1) set: that slot picks the worker's server as its baseURL.
 * Two workers by default: on this 2-core machine the overlay specs (101 + 111, 71 tests) took
 * 770 s on one worker and 590 s on two (same tree, same load, CONTRIBUTING.md "CI time"): a
 * test spends much of its time waiting on a page, not on the CPU. They were set back to one only
 * because one shared server let side-by-side tests hear each other, which a server per slot
 * ends. E2E_WORKERS=1 for one.
 */
const WORKERS = Number(process.env.E2E_WORKERS) || 2;
const firstPort = Number(process.env.E2E_PORT) || 4173;
const ports = Array.from({ length: WORKERS }, (_, slot) => firstPort + slot);
const slot = Number(process.env.TEST_PARALLEL_INDEX) || 0;
const baseURL = `http://localhost:${ports[slot % WORKERS]}`;
// In the runner process only (the workers never start servers): a fresh data folder (order
// door token, Shopify secret) per server, never the repository's .flashcue of `npm start`.
const inWorker = process.env.TEST_WORKER_INDEX !== undefined;
const dataDir = (port: number) =>
  inWorker ? '' : mkdtempSync(join(tmpdir(), `flashcue-e2e-${port}-`));

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
  '119-integrations-words',
  '602-setup-fake-obs',
  '603-shopify-webhook',
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
  workers: WORKERS,
  forbidOnly: CI,
  retries: CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  // `serial` first: Playwright hands out test groups in project order, and a `serial` group
  // waits while another one runs. Listed last, the serial specs (real OBS, own servers: minutes
  // in all) ran after every page spec, on one worker, the other idle. Listed first, one worker
  // works through them while the other takes page specs, and both finish together.
  projects: [
    { name: 'serial', testMatch: SERIAL, workers: 1, use: browser },
    { name: 'pages', testIgnore: SERIAL, use: browser },
  ],
  // One server per worker slot, started one after another (Playwright sets web servers up in
  // order): the first builds unless .ci/run already did (E2E_PREBUILT=1, built beside lint and
  // check); the others serve that same dist/.
  webServer: ports.map((port, i) => ({
    command: `${i === 0 && process.env.E2E_PREBUILT !== '1' ? 'npm run build && ' : ''}npx vite preview --port ${port} --strictPort`,
    url: `http://localhost:${port}/controller/`,
    env: { FLASHCUE_DATA_DIR: dataDir(port) },
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  })),
});
