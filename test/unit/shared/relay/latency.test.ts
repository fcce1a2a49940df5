// Informational: the relay's hop latency between two local clients, printed, never asserted
// (timings on a shared CI machine say nothing reliable).
import { afterEach, expect, test } from 'vitest';
import { drive } from '../../../support/driver';
import { connect, startRelay, type Client, type Running } from '../../../support/relay';

let running: Running | undefined;
const clients: Client[] = [];
afterEach(async () => {
  clients.splice(0).forEach((c) => c.ws.terminate());
  await running?.close();
});

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

async function hops(
  from: Client,
  to: Client,
  payload: (i: number) => string,
  count: number,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const arrived = new Promise<number>((resolve) =>
      to.ws.once('message', () => resolve(performance.now())),
    );
    const sentAt = performance.now();
    from.ws.send(payload(i));
    times.push((await arrived) - sentAt);
  }
  return times.sort((a, b) => a - b);
}

const summary = (label: string, t: number[]) =>
  `${label}: n=${t.length} median ${percentile(t, 0.5).toFixed(3)} ms, p95 ${percentile(t, 0.95).toFixed(3)} ms, max ${t.at(-1)!.toFixed(3)} ms`;

test('relay hop latency (printed, not asserted)', async () => {
  // The rate limit is lifted here: this measures the hop, not the limiter.
  running = await startRelay({ rate: { perSecond: 1e6, burst: 1e6 } });
  const [a, b] = await Promise.all([connect(running.url), connect(running.url)]);
  clients.push(a, b);

  const s = drive();
  s.ok({ type: 'show.start' });
  const view = {
    app: 'flashcue',
    v: 1,
    kind: 'view',
    showId: 'show-1',
    session: 's',
    logSeq: 1,
    view: s.view(),
    origin: 'r-x',
  };
  const viewText = (n: number) => JSON.stringify({ ...view, n });
  const asset = JSON.stringify({
    app: 'flashcue',
    v: 1,
    kind: 'asset',
    ref: 'asset:abc-1',
    data: `data:image/png;base64,${'A'.repeat(3_000_000)}`,
  });

  await hops(a, b, viewText, 50); // warm-up: JIT, socket buffers
  const small = await hops(a, b, viewText, 500);
  const large = await hops(a, b, () => asset, 10);
  console.log(
    [
      `relay hop, ${Buffer.byteLength(viewText(1))}-byte view: ` + summary('', small).slice(2),
      `relay hop, ${(asset.length / 1e6).toFixed(1)} MB asset: ` + summary('', large).slice(2),
    ].join('\n'),
  );
  expect(running.relay.stats().relayed).toBe(560);
}, 30_000);
