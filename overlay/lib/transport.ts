/**
 * Picks what an overlay listens on.
 * - BroadcastChannel: pages in the controller's own browser (always on).
 * - obs-browser `emit_event`: inside an OBS browser source (`auto`), no password needed.
 * - obs-websocket custom events: an overlay outside OBS's browser given
 *   `#obs=ws://host:4455&password=…` in its URL fragment (`obs`, or `auto` with a fragment).
 * - the local relay served by `npm start` (`relay`): Streamlabs Desktop and other apps
 *   without obs-websocket.
 * The socket-based ones load their code only when used, so a plain overlay stays small.
 */
import { onAir } from './words.svelte';
import { parseObsFragment } from '../../shared/obs/fragment';
import { insideObsBrowser, obsBrowserReceiver } from '../../shared/obs/obsBrowserReceiver';
import { broadcastChannelTransport, type Transport } from '../../shared/protocol/transport';
import { lazyTransport } from './lazyTransport';
import { RELAY_PATH } from '../../shared/relay/policy';
import type { TransportKind } from './options';

export interface OpenedTransports {
  transports: Transport[];
  /**
   * Something the producer should know about the choice, shown on the page: a function, as
   * the transports open before the page's strings have arrived.
   */
  note: (() => string) | null;
}

export function openTransports(
  kind: TransportKind,
  hash: string = location.hash,
  page: { protocol: string; host: string } = location,
): OpenedTransports {
  const transports: Transport[] = [broadcastChannelTransport()];
  let note: (() => string) | null = null;
  const report = (what: string) => (error: unknown) =>
    console.error(`Flashcue overlay: ${what}`, error);
  if ((kind === 'auto' || kind === 'obs') && insideObsBrowser())
    transports.push(obsBrowserReceiver());
  const fragment = parseObsFragment(hash);
  if (kind === 'obs' || (kind === 'auto' && fragment.ok)) {
    if (fragment.ok) {
      transports.push(
        lazyTransport(
          'obs-websocket',
          () =>
            import('./obsOverlayLink').then((m) =>
              m.obsOverlayLink(fragment.url, fragment.password),
            ),
          report('obs-websocket link failed'),
        ),
      );
    } else if (!insideObsBrowser()) {
      const invalid = fragment.reason === 'invalid' ? fragment.message : null;
      note = () => invalid ?? onAir().ov_note_obs_fragment();
    }
  }
  if (kind === 'relay') {
    const url = `${page.protocol === 'https:' ? 'wss:' : 'ws:'}//${page.host}${RELAY_PATH}`;
    transports.push(
      lazyTransport(
        'relay',
        () => import('./relayLink').then((m) => m.relayLink(url)),
        report('relay link failed'),
      ),
    );
  }
  return { transports, note };
}
