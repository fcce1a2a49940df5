/**
 * A backup's views go only to its own browser (its previews), on every path: the overlays on
 * air follow the primary alone. Regression test for 37204bc: when the backup's relay link
 * came back, the re-send meant for reconnected pages switched its view publisher to every
 * transport, so from then on the backup's views (and images) reached the relay too.
 */
import { expect, test, type Browser } from '@playwright/test';
import { backUp, goLive, openDevice, type Device } from './support/devices';
import { command } from './support/tool';

interface Watched extends Device {
  /** Kinds of every message this device sent to the relay, in order. */
  sent: string[];
  /** Closes the device's relay sockets, as a relay restart or a network blip does. */
  dropRelay(): void;
  /** How many relay sockets the device's pages have opened so far. */
  sockets(): number;
}

/** A device whose messages to the relay the test reads, and whose relay socket it can drop. */
async function watched(browser: Browser): Promise<Watched> {
  const sent: string[] = [];
  const open: { close(): Promise<void> }[] = [];
  const device = await openDevice(browser, {
    prepare: (context) =>
      context.routeWebSocket(/\/relay$/, (ws) => {
        open.push(ws);
        const server = ws.connectToServer();
        ws.onMessage((message) => {
          if (typeof message === 'string')
            sent.push(String((JSON.parse(message) as { kind?: unknown }).kind));
          server.send(message);
        });
        server.onMessage((message) => ws.send(message));
      }),
  });
  return {
    ...device,
    sent,
    dropRelay: () => open.forEach((ws) => void ws.close()),
    sockets: () => open.length,
  };
}

test("a backup's views never reach the relay, also after its relay link comes back", async ({
  browser,
}) => {
  test.setTimeout(90_000);
  const a = await openDevice(browser);
  const b = await watched(browser);
  try {
    await goLive(a.tool);
    expect(await command(a.tool, 'sale', { quantity: 2 })).toMatchObject({ ok: true });

    await backUp(b, a);
    await expect(b.page.getByTestId('device-role')).toHaveAttribute('data-role', 'backup');
    await expect(b.page.getByTestId('backup-seq')).toHaveText('log #3 of 3');
    const viewsOf = (kinds: string[]) => kinds.filter((k) => k === 'view' || k === 'asset');

    // The relay drops the backup's socket; the backup reconnects and re-sends to reconnected pages.
    const before = b.sockets();
    b.dropRelay();
    await expect.poll(() => b.sockets()).toBeGreaterThan(before);
    const fromReconnect = b.sent.length;

    // The primary sells: the backup mirrors it over the new socket and repaints its previews.
    expect(await command(a.tool, 'sale', { quantity: 1 })).toMatchObject({ ok: true });
    await expect(b.page.getByTestId('backup-seq')).toHaveText('log #4 of 4');
    // A command from the backup travels the same socket after any view it published for that
    // change, so once the primary has it, everything the backup sent before is recorded here.
    expect(await command(b.tool, 'sale', {}, 'backup-after-reconnect')).toMatchObject({
      ok: true,
    });
    // Its controller's command went out over the relay after the reconnect.
    expect(b.sent.slice(fromReconnect)).toContain('command');
    expect(viewsOf(b.sent)).toEqual([]);
  } finally {
    await b.context.close();
    await a.context.close();
  }
});
