/**
 * The same server under its other loopback name: `localhost:5173` ↔ `127.0.0.1:5173`.
 * Chromium puts pages of different sites in different renderer processes (site isolation),
 * and these two names are different sites served by one server. The controller loads its
 * Live preview from the twin so the preview never renders on the controller's main thread
 * (controller/live/previewSite.ts); the server's Content-Security-Policy lets exactly that
 * twin frame and be framed (vite.config.ts). Any other name has no twin: null.
 */
export function loopbackTwin(host: string | undefined): string | null {
  const match = /^(localhost|127\.0\.0\.1)(:\d+)?$/i.exec(host ?? '');
  if (!match) return null;
  return `${match[1]!.toLowerCase() === 'localhost' ? '127.0.0.1' : 'localhost'}${match[2] ?? ''}`;
}
