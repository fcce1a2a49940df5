/**
 * Highlight markers (issue 19) against real OBS recording headless: three markers (the M hotkey
 * on the Live screen and marker.add from a tool on the obs-websocket), then the report's
 * chapters file, whose timecodes must match OBS's own recording timecode within a second.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { obsAvailable, startObs } from '../obs/obsHarness';
import { baseSheet } from '../support/sheets';
import { connectTool } from './support/obsTool';

type Tool = Awaited<ReturnType<typeof connectTool>>;

/** OBS's recording timecode in ms, as GetRecordStatus reports it. */
async function obsRecordMs(tool: Tool): Promise<number> {
  const { outputTimecode } = await tool.obs.call('GetRecordStatus');
  const [h, m, s] = outputTimecode.split(':').map(Number);
  return ((h! * 60 + m!) * 60 + s!) * 1000;
}

/** Waits until the recording has run past `ms` (OBS's clock, not a sleep of ours). */
async function recordingPast(tool: Tool, ms: number): Promise<void> {
  await expect.poll(() => obsRecordMs(tool), { timeout: 10_000 }).toBeGreaterThan(ms);
}

const seconds = (timecode: string) => {
  const [h, m, s] = timecode.split(':').map(Number);
  return (h! * 60 + m!) * 60 + s!;
};

test('three markers while OBS records: the chapters match OBS’s recording timecode', async ({
  page,
}) => {
  test.skip(!obsAvailable() && !process.env.CI, 'OBS Studio and Xvfb are not installed here');
  test.setTimeout(60_000);
  const obs = await startObs({ password: 'flashcue-markers' });
  const tool = await connectTool(obs.url, obs.password);
  try {
    await page.goto(
      `/controller/#obs=${encodeURIComponent(obs.url)}&password=${encodeURIComponent(obs.password)}`,
    );
    await expect(page.getByTestId('obs-pill')).toHaveAttribute('data-state', 'connected');
    expect(await tool.command('runsheet.load', { runSheet: baseSheet() })).toMatchObject({
      ok: true,
    });
    expect(await tool.command('show.start')).toMatchObject({ ok: true });

    const started = new Promise<void>((resolve) =>
      tool.obs.on('RecordStateChanged', (e) => {
        if (e.outputState === 'OBS_WEBSOCKET_OUTPUT_STARTED') resolve();
      }),
    );
    await tool.obs.call('StartRecord');
    await started;
    await recordingPast(tool, 1000);

    // Each marker is bracketed by OBS's own timecode, read just before and just after it.
    const expected: Array<{ title: string; from: number; to: number }> = [];
    const mark = async (title: string, add: () => Promise<void>) => {
      const from = await obsRecordMs(tool);
      await add();
      expected.push({ title, from, to: await obsRecordMs(tool) });
    };
    await mark('Opening', async () => {
      await page.keyboard.press('m');
      await expect(page.getByText(/^Marker added at \d\d:\d\d:\d\d$/)).toBeVisible();
    });
    await recordingPast(tool, expected[0]!.to + 1000);
    expect(await tool.command('show.next')).toMatchObject({ ok: true });
    await mark('Earbuds unboxing', async () => {
      const ack = await tool.command('marker.add', { label: 'Earbuds unboxing' });
      expect(ack).toMatchObject({ ok: true, result: { event: { productId: 'buds' } } });
    });
    await recordingPast(tool, expected[1]!.to + 1000);
    await mark('Battery test', async () => {
      expect(await tool.command('marker.add', { label: 'Battery test' })).toMatchObject({
        ok: true,
      });
    });

    const stopped = new Promise<void>((resolve) =>
      tool.obs.on('RecordStateChanged', (e) => {
        if (e.outputState === 'OBS_WEBSOCKET_OUTPUT_STOPPED') resolve();
      }),
    );
    await tool.obs.call('StopRecord');
    await stopped;
    expect(await tool.command('show.end')).toMatchObject({ ok: true });

    await page.getByTestId('open-report').click();
    const panel = page.getByTestId('markers-panel');
    await expect(panel.getByTestId('marker-row')).toHaveCount(3);
    await expect(panel.getByTestId('marker-title')).toHaveText([
      'Opening',
      'Earbuds unboxing',
      'Battery test',
    ]);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('export-chapters').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/-chapters\.txt$/);
    const lines = readFileSync(await download.path(), 'utf8')
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(3);
    lines.forEach((line, i) => {
      const match = /^(\d\d:\d\d:\d\d) (.+)$/.exec(line)!;
      const want = expected[i]!;
      expect(match[2]).toBe(want.title);
      // Whole seconds in the file; OBS's timecode around the marker, within a second.
      const at = seconds(match[1]!);
      expect(at).toBeGreaterThanOrEqual(Math.floor(want.from / 1000) - 1);
      expect(at).toBeLessThanOrEqual(Math.ceil(want.to / 1000) + 1);
    });

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('export-markers').click(),
    ]);
    const rows = readFileSync(await csv.path(), 'utf8')
      .trimEnd()
      .split('\r\n');
    expect(rows).toHaveLength(4);
    expect(rows[2]).toContain('Earbuds unboxing');
  } finally {
    await tool.close();
    await obs.stop();
  }
});
