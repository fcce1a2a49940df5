/**
 * The Overlays screen against a small stand-in for obs-websocket (the unit tests' fake server
 * with a few scenes and inputs kept in memory): scene list, one-click set-up and its re-runs,
 * the refusal without a Browser source, and scene switching. Real OBS is the lead's test.
 */
import { expect, test, type Page } from '@playwright/test';
import { startFakeObs, type FakeObs } from '../support/fakeObs';
import { baseSheet } from '../support/sheets';
import { blankPreviews } from './support/previews';
import { command, openTool } from './support/tool';

interface MiniObs {
  scenes: string[];
  inputs: Map<string, { kind: string; settings: Record<string, unknown> }>;
  items: Map<string, string[]>;
  program: string;
}

/** Just enough of OBS for set-up (shared/obs/setup.ts) and the scene follower. */
function mountMiniObs(
  fake: FakeObs,
  { browser = true, scenes = ['Scene', 'Table cam'] } = {},
): MiniObs {
  const obs: MiniObs = {
    scenes: [...scenes],
    inputs: new Map(),
    items: new Map(scenes.map((s) => [s, []])),
    program: scenes[0]!,
  };
  const h = fake.handlers;
  const name = (d: Record<string, unknown> | undefined, key: string) => String(d?.[key]);
  h.GetVideoSettings = () => ({
    data: {
      baseWidth: 1080,
      baseHeight: 1920,
      outputWidth: 1080,
      outputHeight: 1920,
      fpsNumerator: 30,
      fpsDenominator: 1,
    },
  });
  h.GetInputKindList = () => ({
    data: { inputKinds: browser ? ['image_source', 'browser_source'] : ['image_source'] },
  });
  // OBS lists scenes bottom-up.
  h.GetSceneList = () => ({
    data: {
      scenes: [...obs.scenes].reverse().map((sceneName, i) => ({ sceneName, sceneIndex: i })),
      currentProgramSceneName: obs.program,
    },
  });
  h.GetInputList = () => ({
    data: {
      inputs: [...obs.inputs].map(([inputName, i]) => ({
        inputName,
        inputKind: i.kind,
        unversionedInputKind: i.kind,
      })),
    },
  });
  h.GetInputSettings = (d) => ({
    data: { inputSettings: obs.inputs.get(name(d, 'inputName'))?.settings ?? {} },
  });
  h.GetSceneItemList = (d) => ({
    data: {
      sceneItems: (obs.items.get(name(d, 'sceneName')) ?? []).map((sourceName, i) => ({
        sourceName,
        sceneItemId: i + 1,
      })),
    },
  });
  h.CreateScene = (d) => {
    obs.scenes.push(name(d, 'sceneName'));
    obs.items.set(name(d, 'sceneName'), []);
    return {};
  };
  h.CreateInput = (d) => {
    obs.inputs.set(name(d, 'inputName'), {
      kind: name(d, 'inputKind'),
      settings: { ...(d?.inputSettings as object) },
    });
    obs.items.get(name(d, 'sceneName'))!.push(name(d, 'inputName'));
    return { data: { inputUuid: 'u', sceneItemId: 1 } };
  };
  h.SetInputSettings = (d) => {
    const input = obs.inputs.get(name(d, 'inputName'))!;
    input.settings = { ...input.settings, ...(d?.inputSettings as object) };
    return {};
  };
  h.CreateSceneItem = (d) => {
    obs.items.get(name(d, 'sceneName'))!.push(name(d, 'sourceName'));
    return { data: { sceneItemId: 9 } };
  };
  h.GetCurrentProgramScene = () => ({ data: { currentProgramSceneName: obs.program } });
  h.SetCurrentProgramScene = (d) => {
    obs.program = name(d, 'sceneName');
    return {};
  };
  h.CallVendorRequest = () => ({
    data: { vendorName: 'obs-browser', requestType: 'emit_event', responseData: {} },
  });
  return obs;
}

let fake: FakeObs;
test.beforeEach(async () => {
  fake = await startFakeObs();
});
test.afterEach(async () => {
  await fake.stop();
});

async function connect(page: Page) {
  await blankPreviews(page);
  await page.goto('/controller/#/setup');
  const panel = page.getByTestId('obs-panel');
  await panel.getByLabel('Port').fill(new URL(fake.url).port);
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(page.getByTestId('obs-status')).toContainText('OBS connected');
}

test('sets up a Flashcue scene once, repairs on re-run and never duplicates', async ({ page }) => {
  const obs = mountMiniObs(fake);
  await connect(page);
  const setup = page.getByTestId('obs-setup');
  await expect(setup.getByTestId('setup-pick-all')).toBeChecked();
  await expect(setup.getByTestId('setup-pick-ticker')).not.toBeChecked();
  await setup.getByTestId('setup-pick-ticker').check();
  await expect(setup).toContainText('shows them twice');
  await setup.getByTestId('setup-pick-ticker').uncheck();

  await setup.getByTestId('setup-run').click();
  const result = setup.getByTestId('setup-result');
  await expect(result).toContainText('Set up in the scene “Flashcue”');
  await expect(result.getByRole('listitem')).toHaveText([
    'Created the scene “Flashcue”',
    'Created the browser source “Flashcue · all”',
  ]);
  const url = await page.getByTestId('url-all').textContent();
  expect(obs.inputs.get('Flashcue · all')?.settings).toMatchObject({
    url,
    width: 1080,
    height: 1920,
  });
  expect(url).not.toContain('password');

  await setup.getByTestId('setup-run').click();
  await expect(result).toContainText('Everything was already in place');

  await page.getByTestId('opt-layout').getByRole('button', { name: '9:16 TikTok' }).click();
  await expect(page.getByTestId('url-all')).toContainText('layout=portrait');
  await setup.getByTestId('setup-run').click();
  await expect(result.getByRole('listitem')).toHaveText(['Repaired “Flashcue · all” (url)']);
  expect(obs.inputs.get('Flashcue · all')?.settings.url).toBe(
    await page.getByTestId('url-all').textContent(),
  );
  expect([...obs.inputs.keys()]).toEqual(['Flashcue · all']);
  expect(obs.items.get('Flashcue')).toEqual(['Flashcue · all']);
});

test('sets up chosen overlays in an existing scene picked from OBS’s list', async ({ page }) => {
  const obs = mountMiniObs(fake);
  await connect(page);
  const setup = page.getByTestId('obs-setup');
  await setup.getByLabel('An existing scene').check();
  await expect(setup.getByTestId('setup-scene').locator('option')).toHaveText([
    'Choose a scene…',
    'Scene',
    'Table cam',
  ]);
  await expect(setup.getByTestId('setup-run')).toBeDisabled();
  await setup.getByTestId('setup-scene').selectOption('Table cam');
  await setup.getByTestId('setup-pick-all').uncheck();
  await setup.getByTestId('setup-pick-countdown').check();
  await setup.getByTestId('setup-pick-stock').check();
  await setup.getByTestId('setup-run').click();
  await expect(setup.getByTestId('setup-result').getByRole('listitem')).toHaveText([
    'Created the browser source “Flashcue · countdown”',
    'Created the browser source “Flashcue · stock”',
  ]);
  expect(obs.scenes).toEqual(['Scene', 'Table cam']);
  expect(obs.items.get('Table cam')).toEqual(['Flashcue · countdown', 'Flashcue · stock']);
});

test('sets up the closing cards and the poll beside the composite, with their URLs', async ({
  page,
}) => {
  const obs = mountMiniObs(fake);
  await connect(page);
  const setup = page.getByTestId('obs-setup');
  await setup.getByTestId('setup-pick-poll').check();
  await expect(setup).not.toContainText('shows them twice'); // the composite has no poll
  await setup.getByTestId('setup-pick-cards').check();
  await expect(setup).toContainText('shows them twice'); // …but has the closing cards
  await setup.getByTestId('setup-pick-all').uncheck();
  await setup.getByTestId('setup-run').click();
  await expect(setup.getByTestId('setup-result').getByRole('listitem')).toHaveText([
    'Created the scene “Flashcue”',
    'Created the browser source “Flashcue · cards”',
    'Created the browser source “Flashcue · poll”',
  ]);
  for (const name of ['cards', 'poll'])
    expect(obs.inputs.get(`Flashcue · ${name}`)?.settings).toMatchObject({
      url: await page.getByTestId(`url-${name}`).textContent(),
      width: 1080,
      height: 1920,
    });
  expect(obs.items.get('Flashcue')).toEqual(['Flashcue · cards', 'Flashcue · poll']);
});

test('without a Browser source, says so and lists the URLs and sizes to add by hand', async ({
  page,
  context,
}) => {
  const obs = mountMiniObs(fake, { browser: false });
  await connect(page);
  const origin = new URL(page.url()).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const setup = page.getByTestId('obs-setup');
  await setup.getByTestId('setup-pick-lower-third').check();
  await setup.getByTestId('setup-run').click();
  const result = setup.getByTestId('setup-result');
  await expect(result.getByRole('alert')).toContainText('This OBS has no Browser source');
  const rows = result.getByTestId('setup-manual').locator('tbody tr');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Flashcue · all');
  await expect(rows.nth(0)).toContainText(`${origin}/overlay/all.html`);
  await expect(rows.nth(0)).toContainText('1080 × 1920');
  await expect(rows.nth(1)).toContainText(`${origin}/overlay/lower-third.html`);
  await rows.nth(1).getByRole('button', { name: /^Copy/ }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    `${origin}/overlay/lower-third.html`,
  );
  expect(obs.scenes).toEqual(['Scene', 'Table cam']);
});

test('scene switching: OBS’s scenes to choose from, and the last switch shown', async ({
  page,
  context,
}) => {
  const obs = mountMiniObs(fake);
  await connect(page);
  const mapping = page.getByTestId('scene-mapping');
  await expect(page.getByTestId('mapping-product').locator('option')).toHaveText([
    'Don’t switch',
    'Scene',
    'Table cam',
  ]);
  await page.getByTestId('mapping-product').selectOption('Table cam');
  await page.getByTestId('mapping-enabled').check();
  await expect(page.getByTestId('mapping-last')).toContainText(
    /Scene switching is off|No segment on air/,
  );

  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
  await expect(page.getByTestId('mapping-last')).toContainText(
    'The segment on air has no scene here',
  );
  expect(await command(tool, 'show.next')).toMatchObject({ ok: true });
  await expect(page.getByTestId('mapping-last')).toContainText(
    'Switched to “Table cam” for Product slot.',
  );
  expect(obs.program).toBe('Table cam');

  // Remembered, and still shown when OBS no longer lists it (the link reconnects by itself).
  obs.scenes = ['Scene'];
  await page.reload();
  await expect(page.getByTestId('obs-status')).toContainText('OBS connected');
  await expect(mapping).not.toContainText('Connect to OBS');
  await expect(page.getByTestId('mapping-product').locator('option')).toHaveText([
    'Don’t switch',
    'Scene',
    'Table cam (not in OBS)',
  ]);
  await expect(page.getByTestId('mapping-product')).toHaveValue('Table cam');
  await expect(page.getByTestId('mapping-enabled')).toBeChecked();
});

test('a remote overlay link works from a browser that shares nothing with the controller', async ({
  page,
  context,
  browser,
}) => {
  mountMiniObs(fake);
  await connect(page);
  const origin = new URL(page.url()).origin;
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const remote = page.getByTestId('remote-link');
  await remote.getByText('Advanced: overlay outside OBS').click();
  await remote.getByTestId('remote-overlay').selectOption('lower-third');
  await expect(remote.getByTestId('remote-address')).toHaveValue(fake.url);
  await remote.getByRole('button', { name: /^Copy link/ }).click();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).hash).toBe(`#obs=${encodeURIComponent(fake.url)}`);

  // Another browser context: no BroadcastChannel in common, only the OBS link.
  const elsewhere = await browser.newContext();
  try {
    const overlay = await elsewhere.newPage();
    await overlay.goto(link);
    const tool = await openTool(context);
    expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
      ok: true,
    });
    expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
    expect(await command(tool, 'show.next')).toMatchObject({ ok: true });
    await expect(overlay.locator('.fc-name')).toHaveText('Wireless Earbuds', { timeout: 10_000 });
  } finally {
    await elsewhere.close();
  }
});
