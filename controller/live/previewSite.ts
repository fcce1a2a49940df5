/**
 * Where the Live screen's preview loads the overlay from. A same-origin iframe renders on the
 * controller's main thread, so every view it draws sat on the command path (bench 7a under
 * load: p95 173.8 ms with it, 61.4 ms without). Chromium's site isolation runs a frame of
 * another site in its own renderer process, and localhost and 127.0.0.1 are two sites served
 * by this one server (shared/relay/twin.ts). BroadcastChannel does not cross origins, so that
 * preview hears the show over the relay, which accepts both names. When the twin does not
 * reach this server (a server bound to ::1 only, a controller served by another server, a
 * LAN address) the preview stays same-origin on BroadcastChannel, as before.
 *
 * Only where there are cores to spare: on two cores the second renderer competes with the
 * controller for the same CPUs and the command path got slower, not faster (bench 7a vs
 * 7a-inline, in the same run: quiet median 21.8 vs 16.1 ms, p95 43.2 vs 33.0; under load
 * median 42.5 vs 26.1 and 124 vs 31 — README, Benchmarks). So with two cores or fewer the
 * preview stays in the controller's process.
 */
import { RELAY_PATH } from '../../shared/relay/policy';
import { loopbackTwin } from '../../shared/relay/twin';

export interface PreviewSite {
  /** '' for this page's own origin, else the twin's origin (`http://127.0.0.1:5173`). */
  origin: string;
  /** The overlay's `transport` option: BroadcastChannel is always on; the twin needs the relay. */
  transport: 'auto' | 'relay';
}

const SAME: PreviewSite = { origin: '', transport: 'auto' };

/** Fewer cores than this: the preview renders in the controller's own process. */
const OWN_PROCESS_MIN_CORES = 3;

interface Probe {
  onopen: ((event: Event) => unknown) | null;
  onerror: ((event: Event) => unknown) | null;
  onclose: ((event: CloseEvent) => unknown) | null;
  close(): void;
}

/** Opens the twin's relay once: the preview needs exactly that link, so it is the test. */
export function previewSite(
  page: { protocol: string; host: string } = location,
  open: (url: string) => Probe = (url) => new WebSocket(url),
  timeoutMs = 1500,
  /** `navigator.hardwareConcurrency`; unknown (undefined) counts as enough. */
  cores: number | undefined = globalThis.navigator?.hardwareConcurrency,
): Promise<PreviewSite> {
  const twin = loopbackTwin(page.host);
  if (!twin || (cores !== undefined && cores < OWN_PROCESS_MIN_CORES)) return Promise.resolve(SAME);
  const secure = page.protocol === 'https:';
  return new Promise((resolve) => {
    let socket: Probe;
    try {
      socket = open(`${secure ? 'wss' : 'ws'}://${twin}${RELAY_PATH}`);
    } catch {
      resolve(SAME);
      return;
    }
    const done = (site: PreviewSite) => {
      clearTimeout(timer);
      socket.onopen = socket.onerror = socket.onclose = null;
      socket.close();
      resolve(site);
    };
    const timer = setTimeout(() => done(SAME), timeoutMs);
    socket.onopen = () => done({ origin: `${page.protocol}//${twin}`, transport: 'relay' });
    socket.onerror = socket.onclose = () => done(SAME);
  });
}
