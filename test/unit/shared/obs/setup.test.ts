import { describe, expect, it } from 'vitest';
import {
  browserSettings,
  changedKeys,
  inputNameFor,
  planSetup,
  setupScene,
  type ObsSetupState,
  type SetupOptions,
} from '../../../../shared/obs/setup';
import { fakeLink } from '../../../support/fakeObsLink';

const canvas = { width: 1080, height: 1920 };
const overlays = [
  { name: 'lower-third', url: 'http://localhost:5173/overlay/lower-third.html' },
  { name: 'countdown', url: 'http://localhost:5173/overlay/countdown.html' },
];
const LT = inputNameFor('lower-third');
const CD = inputNameFor('countdown');
const options: SetupOptions = { overlays };

function obs(patch: Partial<ObsSetupState> = {}): ObsSetupState {
  return {
    canvas,
    inputKinds: ['browser_source', 'image_source'],
    scenes: ['Scene'],
    inputs: [],
    settings: {},
    sceneSources: null,
    ...patch,
  };
}

/** What OBS holds after a plan ran: the fake state a second run reads. */
function done(): ObsSetupState {
  return obs({
    scenes: ['Scene', 'Flashcue'],
    inputs: [LT, CD].map((inputName) => ({ inputName, inputKind: 'browser_source' })),
    settings: {
      [LT]: browserSettings(overlays[0]!.url, canvas),
      [CD]: browserSettings(overlays[1]!.url, canvas),
    },
    sceneSources: [LT, CD],
  });
}

describe('planSetup', () => {
  it('creates the scene and one browser source per overlay at the canvas size', () => {
    const plan = planSetup(obs(), options);
    expect(plan.ok && plan.requests).toEqual([
      { requestType: 'CreateScene', requestData: { sceneName: 'Flashcue' } },
      ...overlays.map((o) => ({
        requestType: 'CreateInput',
        requestData: {
          sceneName: 'Flashcue',
          inputName: inputNameFor(o.name),
          inputKind: 'browser_source',
          inputSettings: {
            url: o.url,
            width: 1080,
            height: 1920,
            css: '',
            shutdown: false,
            restart_when_active: false,
            reroute_audio: false,
          },
          sceneItemEnabled: true,
        },
      })),
    ]);
    expect(LT).toBe('Flashcue · lower-third');
  });

  it('plans nothing on a second run', () => {
    expect(planSetup(done(), options)).toMatchObject({
      ok: true,
      scene: 'Flashcue',
      requests: [],
      actions: [],
    });
  });

  it('repairs a wrong URL or size with only the changed keys', () => {
    const state = done();
    state.settings[LT] = {
      ...state.settings[LT],
      url: 'http://old/lower-third.html',
      width: 1920,
      height: 1080,
    };
    const plan = planSetup(state, options);
    expect(plan.ok && plan.requests).toEqual([
      {
        requestType: 'SetInputSettings',
        requestData: {
          inputName: LT,
          inputSettings: { url: overlays[0]!.url, width: 1080, height: 1920 },
          overlay: true,
        },
      },
    ]);
  });

  it('treats keys OBS leaves out at their defaults, except the CSS', () => {
    const desired = browserSettings('u', canvas);
    expect(changedKeys({ url: 'u', width: 1080, height: 1920, css: '' }, desired)).toEqual([]);
    expect(changedKeys({ url: 'u', width: 1080, height: 1920 }, desired)).toEqual(['css']);
    expect(
      changedKeys({ url: 'u', width: 1080, height: 1920, css: '', shutdown: true }, desired),
    ).toEqual(['shutdown']);
  });

  it('puts back a source removed from the scene without creating a second input', () => {
    const plan = planSetup({ ...done(), sceneSources: [CD] }, options);
    expect(plan.ok && plan.requests).toEqual([
      {
        requestType: 'CreateSceneItem',
        requestData: { sceneName: 'Flashcue', sourceName: LT, sceneItemEnabled: true },
      },
    ]);
  });

  it('recreates the scene when it was deleted, re-using the inputs', () => {
    const plan = planSetup({ ...done(), scenes: ['Scene'], sceneSources: null }, options);
    expect(plan.ok && plan.requests.map((r) => r.requestType)).toEqual([
      'CreateScene',
      'CreateSceneItem',
      'CreateSceneItem',
    ]);
  });

  it('uses an existing target scene, and refuses a missing one', () => {
    const plan = planSetup(obs({ scenes: ['Scene', 'Live'], sceneSources: [] }), {
      ...options,
      targetScene: 'Live',
    });
    expect(plan.ok && plan.requests.map((r) => r.requestType)).toEqual([
      'CreateInput',
      'CreateInput',
    ]);
    expect(planSetup(obs(), { ...options, targetScene: 'Live' })).toMatchObject({
      ok: false,
      reason: 'sceneMissing',
    });
  });

  it('refuses, creating nothing, when OBS has no browser source, and lists the URLs', () => {
    const plan = planSetup(obs({ inputKinds: ['image_source', 'color_source_v3'] }), options);
    expect(plan).toEqual({
      ok: false,
      reason: 'browserSourceMissing',
      message: expect.stringMatching(
        /^This OBS has no Browser source \(the obs-browser plugin is missing\)\. Add these URLs by hand/,
      ),
      urls: [
        { name: LT, url: overlays[0]!.url, width: 1080, height: 1920 },
        { name: CD, url: overlays[1]!.url, width: 1080, height: 1920 },
      ],
    });
  });

  it('refuses when a name it needs belongs to something else', () => {
    const state = obs({ inputs: [{ inputName: LT, inputKind: 'image_source' }] });
    expect(planSetup(state, options)).toMatchObject({
      ok: false,
      reason: 'nameTaken',
      names: [LT],
    });
    const sceneNamedLikeInput = obs({ scenes: ['Scene', CD] });
    expect(planSetup(sceneNamedLikeInput, options)).toMatchObject({
      ok: false,
      reason: 'nameTaken',
      names: [CD],
    });
    const inputNamedLikeScene = obs({
      inputs: [{ inputName: 'Flashcue', inputKind: 'image_source' }],
    });
    expect(planSetup(inputNamedLikeScene, options)).toMatchObject({
      ok: false,
      reason: 'nameTaken',
      names: ['Flashcue'],
    });
  });
});

describe('setupScene', () => {
  it('answers with the refusal and sends no write when the kind is missing', async () => {
    const fake = fakeLink({
      GetVideoSettings: () => ({ baseWidth: 1080, baseHeight: 1920 }),
      GetInputKindList: () => ({ inputKinds: ['image_source'] }),
      GetSceneList: () => ({ scenes: [{ sceneName: 'Scene' }], currentProgramSceneName: 'Scene' }),
      GetInputList: () => ({ inputs: [] }),
    });
    fake.connect();
    const result = await setupScene(fake.link, options);
    expect(result).toMatchObject({ ok: false, reason: 'browserSourceMissing' });
    expect(fake.calls.map((c) => c.requestType)).toEqual([
      'GetVideoSettings',
      'GetInputKindList',
      'GetSceneList',
      'GetInputList',
    ]);
  });

  it('turns a dropped connection into a sentence instead of a throw', async () => {
    const fake = fakeLink();
    await expect(setupScene(fake.link, options)).resolves.toMatchObject({
      ok: false,
      reason: 'obsError',
      message: 'Not connected to OBS.',
    });
  });
});
