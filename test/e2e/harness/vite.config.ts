/**
 * Builds the e2e IndexedDB harness page (db-harness.html) into test-results/harness-dist.
 * Separate from the app's vite.config.ts so the product build never contains it; the spec
 * builds it in beforeAll (`build({ configFile })`).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
export const HARNESS_OUT_DIR = resolve(root, '../../../test-results/harness-dist');

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: HARNESS_OUT_DIR,
    emptyOutDir: true,
    // Readable stack traces if a step fails in the browser.
    minify: false,
    sourcemap: true,
    rolldownOptions: { input: resolve(root, 'db-harness.html') },
  },
});
