/**
 * `npm run bench`: the benchmarks (test/bench/*.bench.ts), one at a time, against a fresh
 * `vite build` served by `vite preview`, in the same Chromium the e2e suite uses, with real
 * OBS started by the bench itself. The reporter prints one table and writes
 * test-results/bench.json. Goals live here, never in `npm test`.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import e2e from '../../playwright.config';

const port = Number(process.env.BENCH_PORT) || 4179;
const baseURL = `http://localhost:${port}`;
const quick = process.env.BENCH_QUICK === '1';

// The e2e suite's browser choice (CHROMIUM_PATH, Playwright's own, or Debian's chromium).
const chromium = e2e.projects?.[0]?.use ?? {};
// For diagnosis only: extra Chromium switches, e.g.
// BENCH_CHROMIUM_ARGS=--disable-features=DeferRendererTasksAfterInput (the table says so).
const extraArgs = (process.env.BENCH_CHROMIUM_ARGS ?? '').split(' ').filter(Boolean);
const launchOptions = { ...(chromium.launchOptions ?? {}) };
launchOptions.args = [...(launchOptions.args ?? []), ...extraArgs];

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.bench.ts',
  outputDir: '../../test-results/bench-artifacts',
  // The figures would disturb each other on two cores: strictly one after another.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: (quick ? 3 : 6) * 60_000,
  // Figure 8 (a room at 1,000 chats a minute) adds ~1.5 min full, ~1 min quick;
  // BENCH_MINUTES overrides the whole run's limit (a loaded machine runs everything slower).
  globalTimeout: (Number(process.env.BENCH_MINUTES) || (quick ? 9 : 12)) * 60_000,
  reporter: [['./reporter.ts', { outputFile: 'test-results/bench.json' }]],
  use: {
    baseURL,
    viewport: { width: 1280, height: 720 },
    launchOptions,
    trace: 'off',
    screenshot: 'off',
  },
  webServer: {
    // Built once per run; preview only serves dist/. BENCH_PREBUILT=1 serves the dist/ of an
    // `npm run build` made before (on a loaded machine the build alone can outlast the timeout).
    command: `${process.env.BENCH_PREBUILT === '1' ? '' : 'npm run build && '}npx vite preview --port ${port} --strictPort`,
    url: `${baseURL}/controller/`,
    // Paths in a config resolve from its own folder: run from the project root.
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
