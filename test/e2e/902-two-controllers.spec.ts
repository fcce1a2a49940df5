/**
 * Two controllers on two devices (two browser contexts: separate storage, reaching each other
 * only through the relay): the backup copies the primary's log, sends its commands through
 * it, takes over when the primary's device dies — by a click, then automatically — and the
 * old primary, back again, becomes a backup instead of fighting. Nothing lost, nothing counted twice.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { backUp, goLive, openDevice, unitsSold, type Device } from './support/devices';
import { command, openTool } from './support/tool';

/** A device whose relay link the test can cut and restore (the socket stays open, messages stop). */
async function partitionable(browser: Browser): Promise<Device & { cut(on: boolean): void }> {
  let cut = false;
  const device = await openDevice(browser, {
    prepare: (context) =>
      context.routeWebSocket(/\/relay$/, (ws) => {
        const server = ws.connectToServer();
        ws.onMessage((message) => !cut && server.send(message));
        server.onMessage((message) => !cut && ws.send(message));
      }),
  });
  return { ...device, cut: (on) => (cut = on) };
}

const device = (browser: Browser) => openDevice(browser);
const units = unitsSold;

async function deviceName(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const open = indexedDB.open('flashcue');
    const db = await new Promise<IDBDatabase>(
      (resolve) => (open.onsuccess = () => resolve(open.result)),
    );
    const get = db.transaction('settings').objectStore('settings').get('device');
    return new Promise<string>(
      (resolve) =>
        (get.onsuccess = () => resolve((get.result as { value: { name: string } }).value.name)),
    );
  });
}

async function dealRemaining(tool: Page): Promise<number> {
  const ack = await command(tool, 'state.get');
  return (ack.result as { deal: { remainingMs: number } | null }).deal?.remainingMs ?? -1;
}

test('a backup device copies the primary, takes over by click and by itself, and the old primary becomes its backup', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await device(browser);
  const b = await device(browser);
  const screen = await browser.newContext();
  try {
    // An overlay on a third machine (Streamlabs-like, over the relay) shows whichever controller leads.
    const overlay = await screen.newPage();
    await overlay.goto('/overlay/stock.html?transport=relay');

    await goLive(a.tool);
    for (let i = 0; i < 3; i++)
      expect(await command(a.tool, 'sale', { quantity: 2 })).toMatchObject({ ok: true });

    // The backup hears the show and becomes its backup; its log and state copy the primary's.
    await backUp(b, a);
    const role = b.page.getByTestId('device-role');
    await expect(role).toHaveAttribute('data-role', 'backup');
    await expect(b.page.getByTestId('backup-seq')).toHaveText('log #5 of 5');
    expect(await units(b.tool)).toBe(6);
    // A reloaded backup comes back as a backup, its copy intact, and catches up on what it missed.
    await b.page.reload();
    expect(await command(a.tool, 'sale', { quantity: 1, buyer: 'during-reload' })).toMatchObject({
      ok: true,
    });
    expect(await command(a.tool, 'sale.undo')).toMatchObject({ ok: true });
    await expect(b.page.getByTestId('device-role')).toHaveAttribute('data-role', 'backup');
    await expect(b.page.getByTestId('backup-seq')).toHaveText('log #7 of 7');
    expect(await units(b.tool)).toBe(6);

    // Commands on the backup go to the primary, once each, whoever sends them.
    expect(
      await command(b.tool, 'sale', { quantity: 1, buyer: 'from-backup' }, 'backup-sale-1'),
    ).toMatchObject({ ok: true });
    expect(
      await command(b.tool, 'sale', { quantity: 1, buyer: 'from-backup' }, 'backup-sale-1'),
    ).toMatchObject({ ok: true }); // re-sent
    await b.page.getByRole('button', { name: /\+1 sold/ }).click();
    await expect.poll(() => units(a.tool)).toBe(8);
    expect(await command(a.tool, 'deal.start', { seconds: 900, quantity: 40 })).toMatchObject({
      ok: true,
    });
    for (let i = 0; i < 4; i++) expect(await command(a.tool, 'sale')).toMatchObject({ ok: true });
    await expect(b.page.getByTestId('backup-seq')).toHaveText('log #14 of 14');
    expect(await units(b.tool)).toBe(12);
    const deadline = Date.now() + (await dealRemaining(a.tool));

    // The primary's device dies (its pages close: no more heartbeats, no more answers).
    await a.page.close();
    await a.tool.close();
    await expect(b.page.getByTestId('primary-silent')).toBeVisible({ timeout: 10_000 });
    await b.page.getByTestId('take-over').click();
    await expect(b.page.getByTestId('device-role')).toHaveAttribute('data-role', 'primary');
    expect(await units(b.tool)).toBe(12);
    // The deal runs on to the same deadline; the overlay follows the new primary.
    expect(Math.abs(Date.now() + (await dealRemaining(b.tool)) - deadline)).toBeLessThan(1500);
    for (let i = 0; i < 2; i++) expect(await command(b.tool, 'sale')).toMatchObject({ ok: true });
    expect(await units(b.tool)).toBe(14);
    // The deal's cap of 40: 4 sold on the old primary, 2 on the new one.
    await expect(overlay.locator('.fc-stock-count')).toHaveText('34/40');

    // The old primary comes back (same storage, term 1): it hears term 2 and becomes a backup.
    const back = await a.context.newPage();
    await back.goto('/controller/#/live');
    const backTool = await openTool(a.context);
    await expect(back.getByTestId('device-role')).toHaveAttribute('data-role', 'backup');
    await expect(back.getByTestId('primary-name')).toHaveText(await deviceName(b.page));
    await expect.poll(() => units(backTool)).toBe(14);
    await expect(overlay.locator('.fc-stock-count')).toHaveText('34/40');
    expect(await command(backTool, 'sale', {}, 'after-return-1')).toMatchObject({ ok: true });
    expect(await units(b.tool)).toBe(15);
    await expect(overlay.locator('.fc-stock-count')).toHaveText('33/40');

    // Configured to take over by itself: when the new primary dies too, the old one leads again.
    await back.getByTestId('auto-takeover').check();
    await b.page.close();
    await b.tool.close();
    await expect(back.getByTestId('device-role')).toHaveAttribute('data-role', 'primary', {
      timeout: 15_000,
    });
    expect(await units(backTool)).toBe(15);
    expect(await command(backTool, 'sale')).toMatchObject({ ok: true });
    expect(await units(backTool)).toBe(16);
    await expect(overlay.locator('.fc-stock-count')).toHaveText('32/40');
  } finally {
    await screen.close();
    await b.context.close();
    await a.context.close();
  }
});

test('split brain: both sides sell while cut off; when the link heals the old primary hands its sales over, each counted once', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const a = await partitionable(browser);
  const b = await device(browser);
  const screen = await browser.newContext();
  try {
    const overlay = await screen.newPage();
    await overlay.goto('/overlay/stock.html?transport=relay');
    await goLive(a.tool);
    expect(await command(a.tool, 'sale', { quantity: 2 })).toMatchObject({ ok: true });
    await backUp(b, a);
    await expect(b.page.getByTestId('backup-seq')).toHaveText('log #3 of 3');
    await b.page.getByTestId('auto-takeover').check(); // 5 s of silence

    // The primary's link drops; it keeps taking sales offline. The backup takes over by itself.
    a.cut(true);
    for (let i = 0; i < 3; i++)
      expect(
        await command(a.tool, 'sale', { buyer: `offline-${i}` }, `offline-${i}`),
      ).toMatchObject({ ok: true });
    await expect(b.page.getByTestId('device-role')).toHaveAttribute('data-role', 'primary', {
      timeout: 15_000,
    });
    expect(await command(b.tool, 'sale', { quantity: 4 })).toMatchObject({ ok: true });
    // A tool that reached both sides during the split (same command id) must count once too.
    expect(await command(b.tool, 'sale', { buyer: 'offline-2' }, 'offline-2')).toMatchObject({
      ok: true,
    });
    expect(await units(a.tool)).toBe(5);
    expect(await units(b.tool)).toBe(7);

    // The link heals: A hears term 2, steps down, and hands over the sales B never saw.
    a.cut(false);
    await expect(a.page.getByTestId('device-role')).toHaveAttribute('data-role', 'backup', {
      timeout: 10_000,
    });
    await expect.poll(() => units(b.tool), { timeout: 10_000 }).toBe(9); // 2 + 4 + offline-0, -1, -2 (once)
    await expect.poll(() => units(a.tool)).toBe(9);
    await expect(
      a.page.getByText(/Handed 3 sales made on this device to the primary/),
    ).toBeVisible();
    await expect(overlay.locator('.fc-stock-count')).toHaveText('91/100');
  } finally {
    await screen.close();
    await a.context.close();
    await b.context.close();
  }
});

test('a double click is one press, on the primary and on the backup', async ({ browser }) => {
  test.setTimeout(60_000);
  const a = await device(browser);
  const b = await device(browser);
  try {
    await goLive(a.tool, { toProduct: false });
    const segment = async () =>
      ((await command(a.tool, 'state.get')).result as { segment: { index: number } }).segment.index;
    expect(await segment()).toBe(0);
    await a.page.getByRole('button', { name: /^Next/ }).dblclick();
    await expect.poll(segment).toBe(1);
    await a.page.getByRole('button', { name: /\+1 sold/ }).dblclick();
    await expect.poll(() => units(a.tool)).toBe(1);
    await backUp(b, a);
    await expect(b.page.getByTestId('backup-seq')).toHaveText('log #3 of 3');
    await b.page.getByRole('button', { name: /\+1 sold/ }).dblclick();
    await expect(b.page.getByTestId('units')).toHaveText('2');
    // Two separate presses are two sales.
    await b.page.getByRole('button', { name: /\+1 sold/ }).click();
    await b.page.getByRole('button', { name: /\+1 sold/ }).click();
    await expect(b.page.getByTestId('units')).toHaveText('4');
    await expect.poll(() => units(a.tool)).toBe(4);
    expect(await segment()).toBe(1);
  } finally {
    await a.context.close();
    await b.context.close();
  }
});
