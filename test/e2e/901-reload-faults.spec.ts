/**
 * Never lose a sale: the same script of commands run once without interruption and once with
 * the controller reloaded at seeded random moments (mid-deal, mid-burst of sales) must end in
 * the same show — no order lost, none counted twice, every deal deadline unchanged.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';

type Step = { command: string; args?: Record<string, unknown> };

/** A busy little show: slots, a capped deal with a burst of orders, undo, stock fix, pause. */
function script(): Step[] {
  const steps: Step[] = [{ command: 'show.start' }, { command: 'show.next' }];
  for (let i = 0; i < 6; i++)
    steps.push({ command: 'sale', args: { quantity: 1 + (i % 3), buyer: `buyer${i}` } });
  steps.push({ command: 'deal.start', args: { seconds: 900, quantity: 30 } });
  for (let i = 0; i < 10; i++) steps.push({ command: 'sale', args: { quantity: 2 } });
  steps.push({ command: 'sale.undo' }, { command: 'deal.extend', args: { seconds: 120 } });
  for (let i = 0; i < 4; i++) steps.push({ command: 'sale' });
  steps.push(
    { command: 'show.pause' },
    { command: 'viewers', args: { concurrent: 420 } },
    { command: 'show.resume' },
  );
  steps.push(
    { command: 'show.goto', args: { index: 3 } },
    { command: 'sale', args: { productId: 'mask', quantity: 4 } },
    { command: 'stock.set', args: { productId: 'mask', remaining: 3 } },
  );
  steps.push(
    { command: 'sale', args: { productId: 'mask', quantity: 3 } },
    { command: 'sale' },
    { command: 'show.goto', args: { index: 1 } },
    { command: 'sale', args: { productId: 'lamp', quantity: 2 } },
  );
  steps.push(
    { command: 'deal.end' },
    { command: 'show.next' },
    { command: 'cue', args: { text: 'wrap up' } },
    { command: 'show.end' },
  );
  return steps;
}

/** Seeded choice of reload points, so a failure can be replayed exactly. */
function reloadPoints(count: number, seed: number, length: number): Set<number> {
  let x = seed;
  const points = new Set<number>();
  while (points.size < count) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    points.add(1 + (x % (length - 1)));
  }
  return points;
}

async function openController(context: BrowserContext): Promise<{ page: Page; tool: Page }> {
  const page = await context.newPage();
  await page.goto('/controller/');
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  return { page, tool };
}

/** What must come out the same, without the times that depend on when the run happened. */
async function outcome(tool: Page) {
  const report = (await command(tool, 'report.get')).result as {
    totals: { gmv: number; orders: number; units: number; undoneOrders: number };
    products: Array<{
      productId: string;
      units: number;
      orders: number;
      gmv: number;
      remainingStock: number;
    }>;
    deals: Array<{
      productId: string;
      price: number;
      units: number;
      cap: number | null;
      endReason: string | null;
      plannedMs: number;
      extendedMs: number;
    }>;
  };
  return {
    totals: report.totals && {
      gmv: report.totals.gmv,
      orders: report.totals.orders,
      units: report.totals.units,
      undone: report.totals.undoneOrders,
    },
    products: report.products.map((p) => ({
      id: p.productId,
      units: p.units,
      orders: p.orders,
      gmv: p.gmv,
      stock: p.remainingStock,
    })),
    deals: report.deals.map((d) => ({
      product: d.productId,
      price: d.price,
      units: d.units,
      cap: d.cap,
      end: d.endReason,
      planned: d.plannedMs,
      extended: d.extendedMs,
    })),
  };
}

test('reloading the controller at random moments loses nothing and counts nothing twice', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const steps = script();

  const calm = await browser.newContext();
  const a = await openController(calm);
  for (const step of steps) {
    const ack = await command(a.tool, step.command, step.args);
    expect(ack, `${step.command}: ${ack.error ?? ''}`).toMatchObject({ ok: true });
  }
  const expected = await outcome(a.tool);
  await calm.close();
  expect(expected.totals.units).toBeGreaterThan(30);

  const seed = Number(process.env.RELOAD_SEED ?? 20261122);
  const points = reloadPoints(8, seed, steps.length);
  const stormy = await browser.newContext();
  const b = await openController(stormy);
  let reloads = 0;
  let midDeal = 0;
  for (const [i, step] of steps.entries()) {
    if (points.has(i)) {
      const before = (await command(b.tool, 'report.get')).result as {
        deals: Array<{
          startAt: number;
          plannedMs: number;
          extendedMs: number;
          endAt: number | null;
        }>;
      };
      const running = before.deals.find((d) => d.endAt === null);
      const deadline = running ? running.startAt + running.plannedMs + running.extendedMs : null;
      await b.page.reload();
      await expect(b.page.getByTestId('live-screen')).toBeVisible();
      reloads += 1;
      if (deadline !== null) {
        midDeal += 1;
        const after = (await command(b.tool, 'report.get')).result as typeof before;
        const again = after.deals.find((d) => d.endAt === null);
        expect(
          again && again.startAt + again.plannedMs + again.extendedMs,
          `deal deadline after reload ${reloads}`,
        ).toBe(deadline);
      }
    }
    const id = `step-${i}`;
    expect(
      await command(b.tool, step.command, step.args, id),
      `${step.command} (step ${i}, seed ${seed})`,
    ).toMatchObject({ ok: true });
    // A tool that missed the ack re-sends: answered again, never applied twice.
    if (points.has(i))
      expect(await command(b.tool, step.command, step.args, id)).toMatchObject({ ok: true });
  }
  expect(reloads).toBe(8);
  expect(midDeal, 'reloads that fell while a deal ran').toBeGreaterThanOrEqual(3);
  expect(await outcome(b.tool)).toEqual(expected);
  await stormy.close();
});
