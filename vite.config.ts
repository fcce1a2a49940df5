/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Overlay pages, each served at /overlay/<name>.html. */
export const OVERLAYS = ['lower-third', 'countdown', 'stock', 'ticker', 'next-up', 'all'] as const;

const port = Number(process.env.PORT) || 5173;

/**
 * `/` leads to the controller, and the preview server (what `npm start` runs)
 * lists every URL a producer needs to paste into OBS.
 */
function flashcueServer(): Plugin {
  const redirectRoot = (
    req: { url?: string },
    res: { statusCode: number; setHeader(name: string, value: string): unknown; end(): unknown },
    next: () => void,
  ) => {
    const url = req.url ?? '/';
    if (url === '/' || url.startsWith('/?') || url.startsWith('/#')) {
      res.statusCode = 302;
      res.setHeader('Location', '/controller/' + url.slice(1));
      res.end();
      return;
    }
    next();
  };

  const withPageUrls = (server: { resolvedUrls: { local: string[] } | null; printUrls(): void }) => {
    const printUrls = server.printUrls.bind(server);
    server.printUrls = () => {
      printUrls();
      const base = server.resolvedUrls?.local[0];
      if (!base) return;
      const origin = base.replace(/\/$/, '');
      const lines = [
        '',
        `  Flashcue controller:  ${origin}/controller/`,
        '  Overlays (OBS browser sources):',
        ...OVERLAYS.map((name) => `    ${name.padEnd(12)} ${origin}/overlay/${name}.html`),
        '',
      ];
      console.log(lines.join('\n'));
    };
  };

  return {
    name: 'flashcue-server',
    configureServer(server) {
      server.middlewares.use(redirectRoot);
      withPageUrls(server);
    },
    configurePreviewServer(server) {
      server.middlewares.use(redirectRoot);
      withPageUrls(server);
    },
  };
}

export default defineConfig({
  root,
  appType: 'mpa',
  publicDir: 'public',
  plugins: [svelte(), flashcueServer()],
  server: { port, strictPort: true },
  preview: { port, strictPort: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      input: {
        controller: resolve(root, 'controller/index.html'),
        ...Object.fromEntries(
          OVERLAYS.map((name) => [`overlay-${name}`, resolve(root, `overlay/${name}.html`)]),
        ),
      },
    },
  },
  test: {
    // CI totals these JSON files (.ci/summary.mjs); the console keeps the default reporter.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/unit.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'shared/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        // Real OBS Studio under Xvfb (see test/obs/obsHarness.ts). Skipped locally when
        // `obs` is not installed; fails in CI (CI set) instead.
        extends: true,
        test: {
          name: 'obs',
          include: ['test/obs/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // One OBS at a time per file is plenty on a 2-core machine.
          fileParallelism: false,
        },
      },
    ],
  },
});
