/**
 * Build-time (Node): the overlay pages come from ONE template, so a change to what every
 * OBS browser source loads (head, transparent background, mount point) is made once. This
 * Vite plugin answers `/overlay/<name>.html` in the dev server and hands the same HTML to
 * `vite build` as each page's entry; `vite preview` (`npm start`) serves the built files.
 * The URLs are what they always were. The CSP <meta> is added to every page, this one
 * included, by the flashcue-server plugin's transformIndexHtml (vite.config.ts).
 */
import { resolve } from 'node:path';
import type { Connect, Plugin, ViteDevServer } from 'vite';

/** Each overlay page, served at /overlay/<name>.html, with the title OBS's source list shows. */
export const OVERLAY_PAGES = {
  'lower-third': 'Lower third',
  countdown: 'Countdown',
  stock: 'Stock',
  ticker: 'Ticker',
  'next-up': 'Next up',
  all: 'All overlays',
  cards: 'Closing cards',
  poll: 'Poll and giveaway',
} as const;

export type OverlayName = keyof typeof OVERLAY_PAGES;
export const OVERLAYS = Object.keys(OVERLAY_PAGES) as OverlayName[];

/** The template: the page's own script is ./<name>/main.ts (the page's folder). */
export function overlayPageHtml(name: OverlayName): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <link rel="icon" type="image/svg+xml" href="/favicon.svg" />
    <title>Flashcue overlay — ${OVERLAY_PAGES[name]}</title>
    <style>
      /* An OBS browser source composites this page over the scene. */
      html,
      body {
        background: transparent;
        margin: 0;
        overflow: hidden;
      }
    </style>
  </head>
  <body>
    <div id="overlay"></div>
    <script type="module" src="./${name}/main.ts"></script>
  </body>
</html>
`;
}

/** The absolute path a page's HTML would have on disk: the id Vite and rolldown use for it. */
export const overlayPagePath = (root: string, name: OverlayName) =>
  resolve(root, `overlay/${name}.html`);

export function overlayPages(root: string): Plugin {
  const byPath = new Map(OVERLAYS.map((name) => [overlayPagePath(root, name), name]));
  const byUrl = new Map(OVERLAYS.map((name) => [`/overlay/${name}.html`, name]));

  const serve =
    (server: ViteDevServer): Connect.NextHandleFunction =>
    (req, res, next) => {
      const url = req.url ?? '';
      const name = byUrl.get(url.replace(/[?#].*$/, ''));
      if (!name) return next();
      server
        .transformIndexHtml(url, overlayPageHtml(name), req.originalUrl)
        .then((html) => {
          res.statusCode = 200;
          res.setHeader('Content-Type', 'text/html; charset=utf-8');
          res.end(html);
        })
        .catch(next);
    };

  return {
    name: 'flashcue-overlay-pages',
    // Not `enforce: 'pre'`: placed after flashcue-server, its middleware runs after the one
    // that sets the CSP header.
    // The build's entries (vite.config.ts) name these paths; no file is on disk to find.
    resolveId: (source) => (byPath.has(source) ? source : null),
    load: (id) => {
      const name = byPath.get(id);
      return name ? overlayPageHtml(name) : null;
    },
    configureServer(server) {
      server.middlewares.use(serve(server));
    },
  };
}
