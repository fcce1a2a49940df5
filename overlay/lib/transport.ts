/**
 * Picks what an overlay listens on. BroadcastChannel reaches pages in the controller's own
 * browser; inside an OBS browser source (a different browser) the controller's views arrive
 * as obs-browser `emit_event` window events, so `auto` listens there too. `obs` (the overlay's
 * own obs-websocket link) and `relay` are accepted so URLs written now keep working when those
 * land; until then the page says plainly what it fell back to.
 */
import { insideObsBrowser, obsBrowserReceiver } from '../../shared/obs/obsBrowserReceiver';
import { broadcastChannelTransport, type Transport } from '../../shared/protocol/transport';
import type { TransportKind } from './options';

export function openTransports(kind: TransportKind): { transports: Transport[]; note: string | null } {
  const transports = [broadcastChannelTransport()];
  if (kind === 'auto' && insideObsBrowser()) transports.push(obsBrowserReceiver());
  const note =
    kind === 'obs' || kind === 'relay'
      ? `transport=${kind} is not available yet: listening on BroadcastChannel (same browser only)`
      : null;
  return { transports, note };
}
