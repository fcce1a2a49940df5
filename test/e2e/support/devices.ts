/**
 * A "device" for multi-controller tests: its own browser context (its own storage, as another
 * computer has), a controller page and a tool page speaking the command API inside it.
 */
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { baseSheet } from '../../support/sheets';
import { command, openTool } from './tool';

export interface Device {
  context: BrowserContext;
  page: Page;
  tool: Page;
}

export async function openDevice(
  browser: Browser,
  {
    path = '/controller/#/live',
    prepare,
  }: { path?: string; prepare?: (context: BrowserContext) => Promise<void> } = {},
): Promise<Device> {
  const context = await browser.newContext();
  await prepare?.(context);
  const page = await context.newPage();
  await page.goto(path);
  const tool = await openTool(context);
  return { context, page, tool };
}

/** Units sold so far, as the device's controller reports them. */
export async function unitsSold(tool: Page): Promise<number> {
  const ack = await command(tool, 'report.get');
  expect(ack, ack.error).toMatchObject({ ok: true });
  return (ack.result as { totals: { units: number } }).totals.units;
}

/** Loads the test run sheet on this device's controller and starts the show, on the first product slot unless told otherwise. */
export async function goLive(
  tool: Page,
  { toProduct = true }: { toProduct?: boolean } = {},
): Promise<void> {
  const steps: Array<[string, Record<string, unknown>]> = [
    ['runsheet.load', { runSheet: baseSheet() }],
    ['show.start', {}],
  ];
  if (toProduct) steps.push(['show.next', {}]);
  for (const [name, args] of steps)
    expect(await command(tool, name, args), name).toMatchObject({ ok: true });
}

/**
 * `backup` offers to back up `primary`'s live show, chosen by its show id: other primaries
 * may be heard on the same relay (specs run side by side on one preview server).
 */
export async function backUp(backup: Device, primary: Device): Promise<void> {
  const ack = await command(primary.tool, 'report.get');
  expect(ack, ack.error).toMatchObject({ ok: true });
  const { showId } = ack.result as { showId: string };
  await backup.page
    .locator(`[data-testid="heard-primaries"] li[data-show-id="${showId}"]`)
    .getByTestId('back-up-show')
    .click();
}
