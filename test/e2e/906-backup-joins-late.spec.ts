/**
 * Issue 13 §3: the primary sends its log entries to backups only while a backup is heard. With
 * no backup, a sale puts no `log` message on the relay; a backup that joins mid-show, after
 * the sales, still gets every one of them (it asks with `sync`), then each new sale as it
 * happens. Two devices (two browser contexts) that reach each other only through the relay.
 */
import { expect, test } from '@playwright/test';
import { backUp, goLive, openDevice, unitsSold } from './support/devices';
import { command } from './support/tool';

test('a backup that joins after the sales gets every sale; before it, no log entry went out', async ({
  browser,
}) => {
  test.setTimeout(90_000);
  // What device A's pages put on the relay: `log` messages, and the seq its heartbeat names.
  const sent = { logs: 0, heartbeatSeq: 0 };
  const a = await openDevice(browser, {
    prepare: (context) =>
      context.routeWebSocket(/\/relay$/, (ws) => {
        const server = ws.connectToServer();
        ws.onMessage((message) => {
          const text = typeof message === 'string' ? message : message.toString();
          const kind = /"kind":"(\w+)"/.exec(text)?.[1];
          if (kind === 'log') sent.logs += 1;
          if (kind === 'primary')
            sent.heartbeatSeq = Number(/"lastSeq":(\d+)/.exec(text)?.[1] ?? 0);
          server.send(message);
        });
        server.onMessage((message) => ws.send(message));
      }),
  });
  const b = await openDevice(browser);
  try {
    await goLive(a.tool);
    for (let i = 0; i < 8; i++)
      expect(await command(a.tool, 'sale', { quantity: 1 + (i % 2) })).toMatchObject({ ok: true });
    // A heartbeat sent after the last sale (same socket, in order): every send before it is counted.
    await expect.poll(() => sent.heartbeatSeq, { timeout: 10_000 }).toBe(10);
    expect(sent.logs).toBe(0);

    await backUp(b, a);
    await expect(b.page.getByTestId('device-role')).toHaveAttribute('data-role', 'backup');
    await expect(b.page.getByTestId('backup-seq')).toHaveText('log #10 of 10');
    expect(await unitsSold(b.tool)).toBe(12);

    // From now on each sale also goes to the backup as it happens.
    for (let i = 0; i < 3; i++)
      expect(await command(a.tool, 'sale', { quantity: 2 })).toMatchObject({ ok: true });
    await expect(b.page.getByTestId('backup-seq')).toHaveText('log #13 of 13');
    expect(await unitsSold(b.tool)).toBe(18);
    expect(sent.logs).toBeGreaterThan(0);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});
