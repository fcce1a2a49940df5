// One-click set-up and scene switching against real OBS. Debian's OBS has no browser source:
// set-up must refuse, create nothing, and stay that way when run twice. The create/repair
// path is exercised with a stand-in input kind (OBS stores any settings keys), and the scene
// switcher switches real scenes (Cut transition: no fade timing in the way).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createObsConnection } from '../../shared/obs/connection';
import { createSceneSwitcher, type SceneMapping } from '../../shared/obs/sceneMap';
import { inputNameFor, setupScene } from '../../shared/obs/setup';
import type { ObsConnection } from '../../shared/obs/types';
import type { SegmentKind } from '../../shared/runsheet/schema';
import { waitFor } from '../support/timers';
import { obsAvailable, startObs, type ObsInstance } from './obsHarness';

const runObs = obsAvailable() || !!process.env.CI;
const CANVAS = { width: 1080, height: 1920 };
const overlays = ['lower-third', 'countdown'].map((name) => ({
  name,
  url: `http://127.0.0.1:5173/overlay/${name}.html`,
}));

describe.runIf(runObs)('OBS set-up and scene switching (real OBS)', () => {
  let obs: ObsInstance;
  let conn: ObsConnection;
  const snapshot = async () => ({
    scenes: (await conn.call('GetSceneList')).scenes.map((s) => s.sceneName).sort(),
    inputs: (await conn.call('GetInputList')).inputs.map((i) => i.inputName).sort(),
  });

  beforeAll(async () => {
    obs = await startObs({ password: 'flashcue-test', canvas: CANVAS });
    conn = createObsConnection({ url: obs.url, password: obs.password });
    conn.start();
    await waitFor(() => conn.status().state === 'connected', 5_000);
  });

  afterAll(async () => {
    conn?.close();
    await obs?.stop();
  });

  it('refuses on an OBS without obs-browser, lists the URLs, creates nothing, twice', async () => {
    const before = await snapshot();
    for (let run = 0; run < 2; run += 1) {
      const result = await setupScene(conn, { overlays });
      expect(result).toMatchObject({ ok: false, reason: 'browserSourceMissing' });
      if (result.ok || result.reason !== 'browserSourceMissing') throw new Error('unreachable');
      expect(result.urls).toEqual(
        overlays.map((o) => ({ name: inputNameFor(o.name), url: o.url, ...CANVAS })),
      );
      expect(await snapshot()).toEqual(before);
    }
  });

  it('creates, then repairs instead of duplicating (stand-in input kind)', async () => {
    const options = { overlays, inputKind: 'text_ft2_source_v2', sceneName: 'Flashcue' };
    const first = await setupScene(conn, options);
    expect(first).toMatchObject({ ok: true, scene: 'Flashcue' });
    expect(first.ok && first.actions.map((a) => a.kind)).toEqual([
      'createScene',
      'createInput',
      'createInput',
    ]);
    const lt = inputNameFor('lower-third');
    const { inputSettings } = await conn.call('GetInputSettings', { inputName: lt });
    expect(inputSettings).toMatchObject({
      url: overlays[0]!.url,
      ...CANVAS,
      css: '',
      shutdown: false,
    });

    expect(await setupScene(conn, options)).toEqual({ ok: true, scene: 'Flashcue', actions: [] });

    await conn.call('SetInputSettings', {
      inputName: lt,
      inputSettings: { url: 'http://old/', width: 800 },
    });
    // Also shown in "Scene": OBS destroys an input when its last scene item goes (see below).
    await conn.call('CreateSceneItem', { sceneName: 'Scene', sourceName: lt });
    const removeFrom = async (sceneName: string, sourceName: string) => {
      const { sceneItemId } = await conn.call('GetSceneItemId', { sceneName, sourceName });
      await conn.call('RemoveSceneItem', { sceneName, sceneItemId });
    };
    await removeFrom('Flashcue', lt);
    const repaired = await setupScene(conn, options);
    expect(repaired.ok && repaired.actions).toEqual([
      { kind: 'repairSettings', input: lt, keys: ['url', 'width'] },
      { kind: 'addToScene', input: lt },
    ]);
    expect((await conn.call('GetInputSettings', { inputName: lt })).inputSettings).toMatchObject({
      url: overlays[0]!.url,
      width: 1080,
    });
    const items = (await conn.call('GetSceneItemList', { sceneName: 'Flashcue' })).sceneItems.map(
      (i) => i.sourceName,
    );
    expect(items.sort()).toEqual(overlays.map((o) => inputNameFor(o.name)).sort());

    // Removed from every scene, the input is gone from OBS: set-up creates it again, once.
    await removeFrom('Flashcue', lt);
    await removeFrom('Scene', lt);
    // OBS destroys the orphaned input on its own thread, a moment after the request returns.
    for (let i = 0; i < 100 && (await snapshot()).inputs.includes(lt); i++)
      await new Promise((r) => setTimeout(r, 20));
    expect((await snapshot()).inputs).not.toContain(lt);
    const recreated = await setupScene(conn, options);
    expect(recreated.ok && recreated.actions).toEqual([{ kind: 'createInput', input: lt }]);
    const inputs = (await snapshot()).inputs.filter(
      (name) => typeof name === 'string' && name.startsWith('Flashcue · '),
    );
    expect(inputs).toHaveLength(2);
  });

  it('follows the segment kind with real scene switches', async () => {
    await conn.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
    for (const sceneName of ['Opening', 'Products']) await conn.call('CreateScene', { sceneName });
    const mapping: SceneMapping = {
      enabled: true,
      byKind: { opening: 'Opening', product: 'Products', flash: 'Products' },
    };
    let kind: SegmentKind | null = null;
    const switcher = createSceneSwitcher(conn, {
      getMapping: () => mapping,
      getSegmentKind: () => kind,
    });
    const program = async () => (await conn.call('GetCurrentProgramScene')).currentProgramSceneName;
    const onAir = async (next: SegmentKind) => {
      kind = next;
      switcher.update();
      await waitFor(
        () => {
          const result = switcher.last();
          return result !== null && 'kind' in result && result.kind === next;
        },
        2_000,
        next,
      );
    };

    await onAir('opening');
    expect(await program()).toBe('Opening');
    await onAir('product');
    expect(await program()).toBe('Products');
    await onAir('flash');
    expect(switcher.last()).toEqual({ outcome: 'alreadyOn', kind: 'flash', scene: 'Products' });
    await onAir('opening');
    expect(await program()).toBe('Opening');
    switcher.close();
  });

  it('lands on the latest wish when the kind changes mid-fade', async () => {
    await conn.call('SetCurrentSceneTransition', { transitionName: 'Fade' });
    await conn.call('SetCurrentSceneTransitionDuration', { transitionDuration: 300 });
    const mapping: SceneMapping = {
      enabled: true,
      byKind: { opening: 'Opening', product: 'Products', closing: 'Scene' },
    };
    let kind: SegmentKind | null = 'closing';
    const switcher = createSceneSwitcher(conn, {
      getMapping: () => mapping,
      getSegmentKind: () => kind,
    });
    await waitFor(
      () => switcher.last()?.outcome === 'switched' || switcher.last()?.outcome === 'alreadyOn',
      2_000,
    );
    await new Promise((resolve) => setTimeout(resolve, 400)); // let any fade finish
    const started = performance.now();
    kind = 'opening';
    switcher.update(); // starts a 300 ms fade…
    await new Promise((resolve) => setTimeout(resolve, 60));
    kind = 'product';
    switcher.update(); // …and this arrives in the middle of it
    await waitFor(
      () => {
        const result = switcher.last();
        return result !== null && 'kind' in result && result.kind === 'product';
      },
      3_000,
      'product applied',
    );
    console.log(
      `[obs] opening → product mid-fade: applied after ${(performance.now() - started).toFixed(0)} ms`,
    );
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect((await conn.call('GetCurrentProgramScene')).currentProgramSceneName).toBe('Products');
    switcher.close();
  });
});
