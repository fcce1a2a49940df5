/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server as HttpServer } from 'node:http';
import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { attachRelay } from './shared/relay/server.js';

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
        `  Relay (Streamlabs, tools): ${origin.replace(/^http/, 'ws')}/relay`,
        ...(relayOpen ? ['  The relay accepts other devices too (FLASHCUE_RELAY_OPEN=1).'] : []),
        '',
      ];
      console.log(lines.join('\n'));
    };
  };

  /**
   * The local relay (shared/relay/server.ts) on the same port, in dev and in `npm start`.
   * Loopback peers only unless FLASHCUE_RELAY_OPEN=1 (the server itself binds localhost unless
   * `--host` is given). It closes with the HTTP server.
   */
  const relayOpen = process.env.FLASHCUE_RELAY_OPEN === '1';
  const mountRelay = (server: ViteDevServer | PreviewServer, allowedHosts: readonly string[] | true) => {
    // Null in middleware mode, where the embedding server owns upgrades.
    if (!server.httpServer) return;
    // Vite's HttpServer is http.Server unless https is configured; the relay only needs
    // the `upgrade` event and close(), which both kinds have.
    const relay = attachRelay(server.httpServer as HttpServer, {
      open: relayOpen,
      allowedHosts,
      warn: (line) => server.config.logger.warn(line),
    });
    server.middlewares.use(relay.middleware);
  };

  return {
    name: 'flashcue-server',
    configureServer(server) {
      mountRelay(server, server.config.server.allowedHosts);
      server.middlewares.use(redirectRoot);
      withPageUrls(server);
    },
    configurePreviewServer(server) {
      mountRelay(server, server.config.preview.allowedHosts);
      server.middlewares.use(redirectRoot);
      withPageUrls(server);
    },
  };
}

export default defineConfig(({ mode }) => {
  const overlaysOnly = mode === 'overlays';
  return {
  root,
  appType: 'mpa',
  publicDir: 'public',
  plugins: [svelte(), flashcueServer()],
  server: { port, strictPort: true },
  preview: { port, strictPort: true },
  build: overlaysOnly
    ? {
        // Second pass (`--mode overlays`): overlay pages alone, so they never load chunks the
        // controller shares, and for the Chromium inside OBS 28–29's browser source.
        outDir: 'dist',
        emptyOutDir: false,
        target: 'chrome95',
        rolldownOptions: {
          input: Object.fromEntries(OVERLAYS.map((name) => [`overlay-${name}`, resolve(root, `overlay/${name}.html`)])),
        },
      }
    : {
        outDir: 'dist',
        emptyOutDir: true,
        rolldownOptions: { input: { controller: resolve(root, 'controller/index.html') } },
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
};
});
