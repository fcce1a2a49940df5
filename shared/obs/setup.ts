/**
 * One-click set-up: a scene with one browser source per overlay, at the canvas size.
 * Idempotent: running it again repairs (wrong URL or size, missing scene item) and never
 * duplicates. Split into read → plan (pure, unit-tested) → one ordered RequestBatch.
 *
 * All checks happen before any write, so a refusal creates nothing at all — not even the
 * scene: on an OBS without obs-browser an empty "Flashcue" scene is only clutter to delete.
 */
import type { RequestBatchRequest } from 'obs-websocket-js/json';
import { ObsCallError, callFault, type ObsCallFault } from './callError';
import { STATUS } from './policy';
import { nameOf } from './names';
import type { ObsLink } from './types';

export interface OverlaySource {
  /** The overlay's name, e.g. "lower-third". */
  name: string;
  url: string;
}

export interface SetupOptions {
  /** The scene to create when no targetScene is given. Default "Flashcue". */
  sceneName?: string;
  overlays: OverlaySource[];
  /** Put the sources into this existing scene instead (it must exist). */
  targetScene?: string;
  /** Default browser_source. Only tests on an OBS without obs-browser set another. */
  inputKind?: string;
}

/** What OBS holds that set-up depends on (readSetupState reads it). */
export interface ObsSetupState {
  canvas: { width: number; height: number };
  inputKinds: string[];
  scenes: string[];
  inputs: Array<{ inputName: string; inputKind: string }>;
  /** Current settings of the inputs set-up manages, for those that exist. */
  settings: Record<string, Record<string, unknown>>;
  /** Source names in the target scene; null when that scene does not exist. */
  sceneSources: string[] | null;
}

export interface ManualSource {
  name: string;
  url: string;
  width: number;
  height: number;
}

export type SetupAction =
  | { kind: 'createScene'; scene: string }
  | { kind: 'createInput'; input: string }
  | { kind: 'repairSettings'; input: string; keys: string[] }
  | { kind: 'addToScene'; input: string };

export type SetupRefusal =
  | { ok: false; reason: 'browserSourceMissing'; message: string; urls: ManualSource[] }
  | { ok: false; reason: 'nameTaken'; message: string; names: string[] }
  | { ok: false; reason: 'sceneMissing'; message: string; scene: string }
  /** `fault`: the refused or failed call as data, for the controller's words. */
  | { ok: false; reason: 'obsError'; message: string; fault?: ObsCallFault };

export type SetupPlan =
  | { ok: true; scene: string; actions: SetupAction[]; requests: RequestBatchRequest[] }
  | SetupRefusal;

export type SetupResult = { ok: true; scene: string; actions: SetupAction[] } | SetupRefusal;

export const DEFAULT_SCENE = 'Flashcue';
const BROWSER = 'browser_source';

/** "Flashcue · lower-third": recognisable in OBS's source list, and how re-runs find them. */
export const inputNameFor = (overlay: string) => `Flashcue · ${overlay}`;

export function browserSettings(
  url: string,
  canvas: { width: number; height: number },
): Record<string, string | number | boolean> {
  return {
    url,
    width: canvas.width,
    height: canvas.height,
    // The pages set their own transparent background; keep-alive so a hidden source keeps state.
    css: '',
    shutdown: false,
    restart_when_active: false,
    reroute_audio: false,
  };
}

/** obs-browser's defaults for the keys OBS may leave out of GetInputSettings. */
const OMITTED_DEFAULTS: Record<string, unknown> = {
  shutdown: false,
  restart_when_active: false,
  reroute_audio: false,
};

export function changedKeys(
  current: Record<string, unknown>,
  desired: Record<string, unknown>,
): string[] {
  return Object.keys(desired).filter(
    (key) => (key in current ? current[key] : OMITTED_DEFAULTS[key]) !== desired[key],
  );
}

export function manualSources(
  state: Pick<ObsSetupState, 'canvas'>,
  overlays: OverlaySource[],
): ManualSource[] {
  return overlays.map((o) => ({ name: inputNameFor(o.name), url: o.url, ...state.canvas }));
}

export function planSetup(state: ObsSetupState, options: SetupOptions): SetupPlan {
  const inputKind = options.inputKind ?? BROWSER;
  const scene = options.targetScene ?? options.sceneName ?? DEFAULT_SCENE;
  if (!state.inputKinds.includes(inputKind)) {
    return {
      ok: false,
      reason: 'browserSourceMissing',
      message:
        'This OBS has no Browser source (the obs-browser plugin is missing). Add these URLs by hand as ' +
        'Browser sources, at the size shown, in an OBS that has one (the official builds and the Flatpak do).',
      urls: manualSources(state, options.overlays),
    };
  }
  const sceneExists = state.scenes.includes(scene);
  if (options.targetScene && !sceneExists) {
    const message = `OBS has no scene named “${scene}”.`;
    return { ok: false, reason: 'sceneMissing', message, scene };
  }
  // Scenes and inputs share one namespace in OBS: a name held by anything else blocks us.
  const kindOf = new Map(state.inputs.map((i) => [i.inputName, i.inputKind]));
  const taken = options.overlays
    .map((o) => inputNameFor(o.name))
    .filter(
      (name) => state.scenes.includes(name) || (kindOf.has(name) && kindOf.get(name) !== inputKind),
    );
  if (!sceneExists && kindOf.has(scene)) taken.push(scene);
  if (taken.length > 0) {
    return {
      ok: false,
      reason: 'nameTaken',
      message:
        `OBS already has a source named ${taken.map((n) => `“${n}”`).join(', ')} that is not a Flashcue ` +
        'overlay. Rename it and run set-up again.',
      names: taken,
    };
  }

  const actions: SetupAction[] = [];
  const requests: RequestBatchRequest[] = [];
  if (!sceneExists) {
    actions.push({ kind: 'createScene', scene });
    requests.push({ requestType: 'CreateScene', requestData: { sceneName: scene } });
  }
  const inScene = new Set(state.sceneSources ?? []);
  for (const overlay of options.overlays) {
    const inputName = inputNameFor(overlay.name);
    const desired = browserSettings(overlay.url, state.canvas);
    if (!kindOf.has(inputName)) {
      actions.push({ kind: 'createInput', input: inputName });
      requests.push({
        requestType: 'CreateInput',
        requestData: {
          sceneName: scene,
          inputName,
          inputKind,
          inputSettings: desired,
          sceneItemEnabled: true,
        },
      });
      continue;
    }
    const keys = changedKeys(state.settings[inputName] ?? {}, desired);
    if (keys.length > 0) {
      actions.push({ kind: 'repairSettings', input: inputName, keys });
      const inputSettings = Object.fromEntries(
        keys.map((k) => [k, desired[k] as string | number | boolean]),
      );
      requests.push({
        requestType: 'SetInputSettings',
        requestData: { inputName, inputSettings, overlay: true },
      });
    }
    if (!inScene.has(inputName)) {
      actions.push({ kind: 'addToScene', input: inputName });
      requests.push({
        requestType: 'CreateSceneItem',
        requestData: { sceneName: scene, sourceName: inputName, sceneItemEnabled: true },
      });
    }
  }
  return { ok: true, scene, actions, requests };
}

export async function readSetupState(link: ObsLink, options: SetupOptions): Promise<ObsSetupState> {
  const scene = options.targetScene ?? options.sceneName ?? DEFAULT_SCENE;
  const video = await link.call('GetVideoSettings');
  const { inputKinds } = await link.call('GetInputKindList', { unversioned: false });
  const sceneList = await link.call('GetSceneList');
  const inputList = await link.call('GetInputList');
  const scenes = sceneList.scenes.map((s) => nameOf(s.sceneName));
  const inputs = inputList.inputs.map((i) => ({
    inputName: nameOf(i.inputName),
    inputKind: nameOf(i.inputKind),
  }));
  const settings: ObsSetupState['settings'] = {};
  for (const overlay of options.overlays) {
    const inputName = inputNameFor(overlay.name);
    if (!inputs.some((i) => i.inputName === inputName)) continue;
    settings[inputName] = (await link.call('GetInputSettings', { inputName })).inputSettings;
  }
  const sceneSources = scenes.includes(scene)
    ? (await link.call('GetSceneItemList', { sceneName: scene })).sceneItems.map((item) =>
        nameOf(item.sourceName),
      )
    : null;
  return {
    canvas: { width: video.baseWidth, height: video.baseHeight },
    inputKinds,
    scenes,
    inputs,
    settings,
    sceneSources,
  };
}

/** Reads, plans, applies in one ordered batch that halts on the first failure. */
export async function setupScene(link: ObsLink, options: SetupOptions): Promise<SetupResult> {
  try {
    const state = await readSetupState(link, options);
    const plan = planSetup(state, options);
    if (!plan.ok || plan.requests.length === 0)
      return plan.ok ? { ok: true, scene: plan.scene, actions: [] } : plan;
    const results = await link.batch(plan.requests, { haltOnFailure: true, timeoutMs: 10_000 });
    const failed = results.find((r) => !r.requestStatus.result);
    if (failed && !failed.requestStatus.result) {
      // Kind list said yes, creation said "invalid kind": the plugin failed to load.
      if (
        failed.requestType === 'CreateInput' &&
        failed.requestStatus.code === STATUS.invalidInputKind
      ) {
        return planSetup({ ...state, inputKinds: [] }, options);
      }
      const { requestType } = failed;
      const comment = failed.requestStatus.comment ?? '';
      const message = `OBS refused ${requestType}: ${comment}`;
      const fault = { kind: 'status' as const, requestType, comment };
      return { ok: false, reason: 'obsError', message, fault };
    }
    return { ok: true, scene: plan.scene, actions: plan.actions };
  } catch (error) {
    if (error instanceof ObsCallError)
      return { ok: false, reason: 'obsError', message: error.message, fault: callFault(error) };
    throw error;
  }
}
