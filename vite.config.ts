/// <reference types="vitest/config" />
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Server as HttpServer } from 'node:http';
import { defineConfig, type Plugin, type PreviewServer, type ViteDevServer } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { attachRelay } from './shared/relay/server.js';
import { loopbackTwin } from './shared/relay/twin.js';
import { attachIntake } from './shared/intake/node/intakeServer.js';
import { onAirMessages } from './shared/i18n/onAirBuild.js';
import { OVERLAYS, overlayPagePath, overlayPages } from './overlay/pages.js';

const root = fileURLToPath(new URL('.', import.meta.url));

const port = Number(process.env.PORT) || 5173;

/**
 * Content-Security-Policy of every page (controller, host view, overlays), as a header from
 * the dev and preview servers and, for a page served by anything else, as a <meta> that
 * transformIndexHtml writes into each HTML file (frame-ancestors only works as a header).
 * - script-src 'self': no inline script, no eval; a product name that slipped into markup
 *   could never run.
 * - style-src 'unsafe-inline': OBS's and Streamlabs' "Custom CSS" field restyles a browser
 *   source by adding a <style> element to the page (that is how the overlays' documented
 *   data-* hooks are used), Observable Plot puts a <style> in each report chart, the overlay
 *   pages keep their transparent background in an inline <style>, and Vite's dev server
 *   injects CSS as <style>. Style attributes Svelte sets go through the CSSOM, never
 *   markup. CSS cannot run script, and every user text is rendered as text.
 * - connect-src ws: wss: to any host: the controller opens obs-websocket at whatever address
 *   the producer types (often another computer, ws://192.168.x.y:4455), an overlay outside
 *   OBS at the address in its #obs= fragment; plus the relay on this server.
 * - img-src http: https: data: product images are any web URL or an uploaded data: URL.
 * - frame-src / frame-ancestors 'self': the controller frames the overlays as previews;
 *   nobody else may frame Flashcue (OBS and Streamlabs load the pages top-level). The Live
 *   preview comes from the server's other loopback name (own process, see shared/relay/twin.ts):
 *   the header names exactly that twin; the <meta>, written at build time without the port,
 *   allows loopback frames on any port (both policies apply, so the header's twin is what holds).
 */
const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data: http: https:",
  'font-src': "'self'",
  'connect-src': "'self' ws: wss:",
  'frame-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'self'",
};
const policy = (directives: Record<string, string>) =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
/**
 * The header: the page's policy plus frame-ancestors, which a <meta> cannot carry. Asked for as
 * localhost:P or 127.0.0.1:P, the page may also frame and be framed by the other name on the
 * same port: the Live preview loads from there to render in its own process (shared/relay/twin.ts).
 */
export const contentSecurityPolicy = (host: string | undefined) => {
  const twin = loopbackTwin(host);
  const plus = twin ? ` ${twin}` : '';
  return policy({
    ...CSP_DIRECTIVES,
    'frame-src': `${CSP_DIRECTIVES['frame-src']}${plus}`,
    'frame-ancestors': `'self'${plus}`,
  });
};
/** The <meta> in every HTML page: the same policy, for a page served without the header. */
export const CONTENT_SECURITY_POLICY_META = policy({
  ...CSP_DIRECTIVES,
  'frame-src': `${CSP_DIRECTIVES['frame-src']} localhost:* 127.0.0.1:*`,
});

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

  const withPageUrls = (server: {
    resolvedUrls: { local: string[] } | null;
    printUrls(): void;
  }) => {
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
        `  Orders in: POST ${origin}/api/orders (token on ${origin}/controller/#/integrations)`,
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
  const mountRelay = (
    server: ViteDevServer | PreviewServer,
    allowedHosts: readonly string[] | true,
  ) => {
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
    // The order intake (POST /api/orders, Shopify webhook, TikTok poller, Integrations page)
    // forwards orders as commands into this relay: see shared/intake/node/intakeServer.ts.
    const intake = attachIntake({
      relay,
      dataDir: process.env.FLASHCUE_DATA_DIR || resolve(root, '.flashcue'),
      open: process.env.FLASHCUE_INTAKE_OPEN === '1',
      warn: (line) => server.config.logger.warn(line),
    });
    server.httpServer.once('close', () => intake.close());
    server.middlewares.use(intake.middleware);
  };

  const withCsp = (
    req: { headers: { host?: string } },
    res: { setHeader(name: string, value: string): unknown },
    next: () => void,
  ) => {
    res.setHeader('Content-Security-Policy', contentSecurityPolicy(req.headers.host));
    next();
  };

  return {
    name: 'flashcue-server',
    transformIndexHtml: {
      order: 'pre',
      // Right after <meta charset>, before anything the policy governs.
      handler: (html) => {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY_META}" />`;
        const charset = /<meta charset="[^"]*"\s*\/?>/i;
        return charset.test(html)
          ? html.replace(charset, (tag) => `${tag}\n    ${meta}`)
          : html.replace(/<head>/i, `<head>\n    ${meta}`);
      },
    },
    configureServer(server) {
      server.middlewares.use(withCsp);
      mountRelay(server, server.config.server.allowedHosts);
      server.middlewares.use(redirectRoot);
      withPageUrls(server);
    },
    configurePreviewServer(server) {
      server.middlewares.use(withCsp);
      mountRelay(server, server.config.preview.allowedHosts);
      server.middlewares.use(redirectRoot);
      withPageUrls(server);
    },
  };
}

/**
 * Second pass (`vite build --mode overlays`): the overlay pages alone, so they never load chunks
 * the controller shares, for the Chromium inside OBS 28–29's browser source. Each page is its
 * own environment, built on its own: one self-contained script per page (pages sharing chunks
 * would each download several files, each compressed apart, and a browser source caches none
 * of them across pages anyway).
 */
const overlayEnvironment = (name: string) => `overlay_${name.replace(/-/g, '_')}`;
const overlayBuild = {
  outDir: 'dist',
  emptyOutDir: false,
  copyPublicDir: false,
  // OBS 28–29's browser source is Chromium 95, and Chromium 96–98 added no syntax. chrome98
  // rather than chrome95 only because below 98 the compiler works around a V8 bug with
  // *static* class fields named like a function's own properties (name, length) by lowering
  // every class field, private ones too, to WeakMap helpers (+1.2 KB gz). The overlay
  // bundles have no static class fields at all (checked: the one `static` is Batch.ensure(),
  // a method).
  target: 'chrome98',
  // Each page is one script: nothing to preload, and Chromium has modulepreload anyway. The
  // lazy links (obs-websocket, relay) fetch their own imports when asked for.
  modulePreload: false,
  // One stylesheet per page, lazy parts' styles included (the error box's): a lazy chunk
  // with its own CSS would need the preload helper this build replaces.
  cssCodeSplit: false,
  rolldownOptions: {
    // Svelte's compiled components import its runtime through one barrel
    // (svelte/internal/client/index.js) that re-exports every block. Read eagerly, the barrel
    // makes every block part of each page's static graph, so a block only a lazy part uses
    // (the list block: the error box, the composite page's buyer lines and recap) was put in
    // the page's own script (1.8 KB gz on every page). Read lazily (the barrel marked free of
    // side effects below), a page's graph holds only the blocks its modules name.
    experimental: { lazyBarrel: true },
    output: {
      codeSplitting: {
        // Everything the page itself loads in its one script: without this group, a module
        // shared by the page and its lazy parts (the runtime, the words) became a chunk of its
        // own that the page fetched beside its script.
        groups: [{ name: 'page', tags: ['$initial' as const] }],
      },
    },
    treeshake: {
      // Svelte's package declares no `sideEffects`; its reactive classes (SvelteMap, SvelteSet,
      // SvelteDate, SvelteURL…) are plain class definitions an overlay never uses, but `class
      // extends Map` counts as a possible side effect, so importing createSubscriber from
      // svelte/reactivity kept them all (~2 KB gz).
      moduleSideEffects: [
        {
          test: /node_modules\/svelte\/src\/reactivity\/(?!create-subscriber)/,
          sideEffects: false,
        },
        // Only `export … from` lines: nothing runs when it is read.
        { test: /node_modules\/svelte\/src\/internal\/client\/index\.js$/, sideEffects: false },
      ],
    },
  },
};

/**
 * Vite wraps every dynamic import() of a browser build in its preload helper (~0.9 KB gz, there
 * even with modulePreload off: vitejs/vite#18551). The overlays' only dynamic imports are the
 * lazy obs-websocket and relay links: no CSS, and with modulePreload off no chunk to preload,
 * so the helper would only ever call the import. This one does just that, and refuses to
 * drop dependencies silently should a lazy chunk ever come with some.
 */
function overlayPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'flashcue-overlay-preload-helper',
    enforce: 'pre',
    load: (source) =>
      source === id
        ? `export const __vitePreload = (load, deps) => { if (deps && deps.length) throw new Error('Flashcue overlay: a lazy chunk needs preloading: ' + deps); return load(); };`
        : null,
  };
}

export default defineConfig(({ mode }) => {
  const overlaysOnly = mode === 'overlays';
  return {
    root,
    appType: 'mpa',
    publicDir: 'public',
    plugins: [
      svelte(),
      flashcueServer(),
      // The six overlay pages from one template (after flashcue-server: CSP header first).
      overlayPages(root),
      // Overlay pages load only their language's strings (also in dev and unit tests).
      onAirMessages(root),
      ...(overlaysOnly ? [overlayPreloadHelper()] : []),
    ],
    server: { port, strictPort: true },
    preview: { port, strictPort: true },
    build: overlaysOnly
      ? overlayBuild
      : {
          outDir: 'dist',
          emptyOutDir: true,
          rolldownOptions: { input: { controller: resolve(root, 'controller/index.html') } },
        },
    ...(overlaysOnly && {
      environments: Object.fromEntries(
        OVERLAYS.map((name) => [
          overlayEnvironment(name),
          {
            consumer: 'client' as const,
            build: {
              rolldownOptions: {
                input: { [`overlay-${name}`]: overlayPagePath(root, name) },
              },
            },
          },
        ]),
      ),
      // `vite build --mode overlays` builds each page's environment, one after another.
      builder: {
        buildApp: async (builder) => {
          for (const name of OVERLAYS)
            await builder.build(builder.environments[overlayEnvironment(name)]!);
        },
      },
    }),
    test: {
      // CI totals these JSON files (.ci/summary.mjs); the console keeps the default reporter.
      reporters: ['default', 'json'],
      outputFile: { json: 'test-results/unit.json' },
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            // test/unit mirrors the source tree: test/unit/shared/show/x.test.ts tests shared/show.
            include: ['test/unit/**/*.test.ts'],
            // `vitest bench` runs only Node micro-benchmarks, never the Playwright *.bench.ts files.
            benchmark: { include: ['test/unit/**/*.bench.ts'] },
            environment: 'node',
            // One module graph for all files instead of a fresh process per file: on 2 cores
            // the per-file start-up and module loading was most of the suite's time (test/unit/
            // controller, 41 files: 139 CPU-s isolated, 30 CPU-s not). The tests leave nothing
            // behind (own fake-indexeddb per test, timers and spies restored).
            isolate: false,
            // A hang guard, not a timing goal (those live in `npm run bench`): in CI the suite
            // shares two cores with lint and the type check, and the property and flood tests
            // (5,000 hostile messages, 100,000-row files) took over vitest's default 5 s there.
            testTimeout: 30_000,
            // Overlay code reads its strings from the table a page loads at boot: English here;
            // located errors compare by sentence and place (test/support/locatedErrors.ts).
            setupFiles: ['test/support/onAirEnglish.ts', 'test/support/locatedErrors.ts'],
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
