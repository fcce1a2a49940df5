/**
 * The one overlay link that carries the OBS password, for a page shown OUTSIDE OBS's own
 * browser (another computer, a phone), which must open its own obs-websocket link. The
 * connection goes in the fragment, which browsers never send to a server; it is kept apart
 * from overlayUrl.ts so the URLs for OBS sources cannot pick a password up by accident.
 */
export type RemoteLink =
  { ok: true; link: string; warnings: string[] } | { ok: false; problem: string };

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\])$/i;

export function remoteOverlayLink(
  pageUrl: string,
  obsAddress: string,
  password: string,
): RemoteLink {
  let ws: URL;
  try {
    ws = new URL(obsAddress.trim());
  } catch {
    return { ok: false, problem: 'Enter the OBS address as ws://192.168.1.20:4455.' };
  }
  if (ws.protocol !== 'ws:' && ws.protocol !== 'wss:')
    return { ok: false, problem: 'The OBS address must start with ws:// or wss://.' };
  const page = new URL(pageUrl);
  const fragment = new URLSearchParams({ obs: `${ws.protocol}//${ws.host}` });
  if (password) fragment.set('password', password);
  const warnings: string[] = [];
  if (LOOPBACK.test(ws.hostname)) {
    warnings.push(
      `${ws.hostname} means “this device”: on a phone or another computer, use the OBS computer’s network address.`,
    );
  }
  if (LOOPBACK.test(page.hostname)) {
    warnings.push(
      `The page itself is on ${page.hostname}: serve Flashcue on your network (e.g. npm start -- --host) and open this screen by that address.`,
    );
  }
  page.hash = fragment.toString();
  return { ok: true, link: page.toString(), warnings };
}

/** The link as shown on screen: the password never appears in plain sight. */
export function maskPassword(link: string): string {
  return link.replace(/([#&]password=)[^&]*/, '$1••••••');
}
