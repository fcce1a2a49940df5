/**
 * The highlight marker as a button on the Live screen (issue 19), beside its hotkey M: an
 * optional label names the moment in the report and the chapters; without one (or with the
 * hotkey) the marker is named after what is on air. The shortcuts help lists M.
 */
import { expect, test } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';

test('the marker button with a label, the M hotkey without; both in the report', async ({
  context,
  page,
}) => {
  await page.goto('/controller/');
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  await page.bringToFront();
  const form = page.getByTestId('marker-form');
  const button = form.getByRole('button', { name: /Mark the moment/ });
  await expect(button).toBeDisabled();
  await page.getByRole('button', { name: /Start show/ }).click();

  await form.getByRole('textbox', { name: 'Highlight marker label' }).fill('Serum reveal');
  await button.click();
  await expect(page.getByText(/^Marker added at \d\d:\d\d:\d\d$/)).toBeVisible();
  await expect(form.getByRole('textbox')).toHaveValue('');

  expect(await command(tool, 'show.next')).toMatchObject({ ok: true });
  await page.bringToFront();
  await page.keyboard.press('?');
  await expect(page.getByText('Mark this moment (highlight marker)')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('m');
  await expect(page.getByText(/^Marker added at \d\d:\d\d:\d\d$/)).toHaveCount(2);

  expect(await command(tool, 'show.end')).toMatchObject({ ok: true });
  await page.getByTestId('open-report').click();
  const panel = page.getByTestId('markers-panel');
  await expect(panel.getByTestId('marker-title')).toHaveText(['Serum reveal', 'Wireless Earbuds']);
});
