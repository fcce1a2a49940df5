/**
 * Issue 13 §2 — nothing acknowledged is lost when the browser dies. A tool sends a burst of
 * sales through the command API (obs-websocket, real OBS), each with its own id, several in
 * flight at once; the controller's browser PROCESS is SIGKILLed in the middle of it and
 * started again on the same profile (the tab restored, the OBS link back from its session
 * storage). Every sale acknowledged before the kill must be in the log and the report; the
 * tool then re-sends every id, acknowledged or not: each is counted exactly once.
 */
import { expect, test, type Page } from '@playwright/test';
import { obsAvailable, startObs, type ObsInstance } from '../obs/obsHarness';
import { baseSheet } from '../support/sheets';
import { connectTool } from './support/obsTool';
import { startOwnBrowser } from './support/ownBrowser';

const SALES = 120;
const KILL_AFTER_ACKS = 40;
const IN_FLIGHT = 6;

let obs: ObsInstance | undefined;

/** The show's log as stored in this browser's IndexedDB (read directly, not through the app). */
async function loggedSales(page: Page): Promise<Array<{ seq: number; commandId: string }>> {
  return page.evaluate(async () => {
    const open = indexedDB.open('flashcue');
    const db = await new Promise<IDBDatabase>((ok, ko) => {
      open.onsuccess = () => ok(open.result);
      open.onerror = () => ko(open.error);
    });
    const all = db.transaction('events').objectStore('events').getAll();
    const rows = await new Promise<
      Array<{ seq: number; commandId: string | null; event: { type: string } }>
    >((ok) => (all.onsuccess = () => ok(all.result)));
    db.close();
    return rows
      .filter((r) => r.event.type === 'sale')
      .map((r) => ({ seq: r.seq, commandId: r.commandId ?? '' }));
  });
}

test.describe('a browser crash in the middle of a sales burst (real OBS)', () => {
  test.skip(!obsAvailable() && !process.env.CI, 'OBS Studio and Xvfb are not installed here');

  test.beforeAll(async () => {
    obs = await startObs({ password: 'crash-burst' });
  });
  test.afterAll(async () => {
    await obs?.stop();
  });

  test('SIGKILL mid-burst: every acked sale is in the log and the report, none doubled after re-sending all', async ({
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const { url, password } = obs!;
    const own = await startOwnBrowser(
      `${baseURL}/controller/#obs=${encodeURIComponent(url)}&password=${encodeURIComponent(password)}`,
    );
    const tool = await connectTool(url, password);
    try {
      let controller = await own.page();
      await expect(controller.getByTestId('obs-pill')).toHaveAttribute('data-state', 'connected');
      const sheet = baseSheet();
      sheet.products[0]!.stock = 10_000;
      expect(await tool.command('runsheet.load', { runSheet: sheet })).toMatchObject({ ok: true });
      expect(await tool.command('show.start')).toMatchObject({ ok: true });
      expect(await tool.command('show.next')).toMatchObject({ ok: true });
      await own.persisted('/controller/', password); // so the restart brings the tab back

      // The burst: IN_FLIGHT senders; the browser is killed once KILL_AFTER_ACKS are acked.
      const acked = new Map<string, number>(); // id → seq acknowledged before the kill
      // A holder, not a `let`: TypeScript does not see the senders' closures assign it.
      const kill: { done: Promise<void> | null } = { done: null };
      let next = 0;
      const sender = async () => {
        while (!kill.done && next < SALES) {
          const id = `crash-sale-${next++}`;
          const ack = await tool.command('sale', { buyer: id }, id).catch(() => null);
          if (ack?.ok && !kill.done) acked.set(id, (ack.result as { seq: number }).seq);
          if (acked.size >= KILL_AFTER_ACKS && !kill.done) kill.done = own.kill();
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, sender));
      await kill.done;
      const sent = next;
      expect(acked.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
      expect(sent).toBeLessThan(SALES); // the kill came mid-burst

      await own.restart();
      controller = await own.page();
      await expect(controller.getByTestId('obs-pill')).toHaveAttribute('data-state', 'connected', {
        timeout: 20_000,
      });
      // Before anything is re-sent: every acked sale is in the log, once, at its acked seq.
      const afterCrash = await loggedSales(controller);
      const byId = new Map(afterCrash.map((r) => [r.commandId, r.seq]));
      const lost = [...acked].filter(([id, seq]) => byId.get(id) !== seq);
      expect(lost).toEqual([]);
      expect(new Set(afterCrash.map((r) => r.commandId)).size).toBe(afterCrash.length);
      console.log(
        `crash: ${sent} sent, ${acked.size} acked before the kill, ${afterCrash.length} in the log after it, 0 of the acked lost`,
      );

      // The tool re-sends every id it sent (and the rest of the burst): each lands once.
      await expect
        .poll(async () => (await tool.command('state.get').catch(() => null))?.ok, {
          timeout: 10_000,
        })
        .toBe(true);
      for (let i = 0; i < SALES; i++) {
        const id = `crash-sale-${i}`;
        const ack = await tool.command('sale', { buyer: id }, id);
        expect(ack).toMatchObject({ ok: true });
        if (acked.has(id)) expect((ack.result as { seq: number }).seq).toBe(acked.get(id));
      }
      const final = await loggedSales(controller);
      expect(final).toHaveLength(SALES);
      expect(new Set(final.map((r) => r.commandId)).size).toBe(SALES);
      const report = await tool.command('report.get');
      expect(report.result).toMatchObject({ totals: { orders: SALES, units: SALES } });
      await expect(controller.getByTestId('units')).toHaveText(String(SALES));
    } finally {
      await tool.close();
      await own.close();
    }
  });
});
