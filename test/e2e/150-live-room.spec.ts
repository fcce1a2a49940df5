// The live room as a new user meets it: TikFinity (a stand-in speaking its format) sends
// viewer counts and comments on its own while a show runs.
import { expect, test } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { startFakeTikFinity, type FakeTikFinity } from '../support/fakeTikFinity';
import { command, openTool } from './support/tool';

let fake: FakeTikFinity;
test.beforeEach(async () => {
  fake = await startFakeTikFinity();
});
test.afterEach(() => fake.close());

test('viewers and questions arrive on their own; hostile payloads are refused and counted', async ({
  page,
  context,
}) => {
  await page.clock.install();
  await page.goto(`/controller/#tikfinity=${encodeURIComponent(fake.url)}`);
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  await page.getByRole('button', { name: /Start show/ }).click();
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'live');
  await expect.poll(() => fake.clients()).toBe(1);
  await page.clock.runFor(5_000);
  await expect(page.getByTestId('room-status')).toContainText('TikFinity: live');

  fake.send('roomUser', { viewerCount: 240 });
  fake.send('chat', {
    uniqueId: 'ann',
    nickname: '<img src=x onerror=alert(1)>',
    comment: 'how much is shipping?',
  });
  fake.send('chat', { uniqueId: 'bo', nickname: 'Bo', comment: 'love it' });
  const question = page.getByTestId('room-question');
  await expect(question).toHaveCount(1);
  await expect(question).toContainText('<img src=x onerror=alert(1)>: how much is shipping?');
  await expect(page.getByTestId('room-peak')).toHaveText('240');

  // The report's viewer figures come from the room's sample.
  const report = await command(tool, 'report.get', {});
  expect(JSON.stringify(report)).toContain('"peakConcurrent":240');

  // Hostile payloads: a 10 KB name, a wrong shape, not JSON, a flood of unknown events.
  fake.send('chat', { uniqueId: 'x', nickname: 'N'.repeat(10_240), comment: 'hi?' });
  fake.send('roomUser', { viewerCount: '9999' });
  fake.sendRaw('<html>');
  for (let i = 0; i < 200; i++) fake.send('emote', { i });
  fake.send('roomUser', { viewerCount: 250 });
  await expect(page.getByTestId('room-peak')).toHaveText('250');
  await page.clock.runFor(5_000);
  await expect(page.getByTestId('room-status')).toContainText('200 ignored · 3 refused');
  await expect(question).toHaveCount(1);

  await question.getByRole('button', { name: 'Answered' }).click();
  await expect(question).toHaveCount(0);
});
