/**
 * Scene switching: switch OBS's program scene when the kind of segment on air changes
 * (opening → "Intro cam", product → "Table cam"…). Only on a change of kind (or of its mapping)
 * and on reconnect: a producer who switched scenes by hand in OBS is not overridden on every
 * heartbeat. It never reacts to OBS's own scene events, so two switchers cannot ping-pong.
 * A switch wanted during a transition waits for its end. OBS 29 does not drop a mid-fade switch
 * (it restarts the fade towards the new scene), but the scene being faded in is then never
 * reported by CurrentProgramSceneChanged (measured: two TransitionStarted, one Ended, one
 * Changed), so anything following OBS's events would miss it. Waiting costs at most one
 * transition (~300 ms) and keeps every switch visible.
 */
import { z } from 'zod';
import { SEGMENT_KINDS, type SegmentKind } from '../runsheet/schema';
import { ObsCallError, callFault, isStatusError, type ObsCallFault } from './callError';
import { STATUS } from './policy';
import { globalTimers, type ObsLink, type Timers } from './types';

export const SceneMapping = z.object({
  enabled: z.boolean(),
  byKind: z.partialRecord(z.enum(SEGMENT_KINDS), z.string().trim().min(1).max(256)),
});
export type SceneMapping = z.infer<typeof SceneMapping>;

export const DEFAULT_SCENE_MAPPING: SceneMapping = { enabled: false, byKind: {} };

export type SwitchOutcome =
  | { outcome: 'switched'; kind: SegmentKind; scene: string }
  | { outcome: 'alreadyOn'; kind: SegmentKind; scene: string }
  | { outcome: 'missingScene'; kind: SegmentKind; scene: string; message: string }
  | { outcome: 'error'; kind: SegmentKind; scene: string; message: string; fault?: ObsCallFault }
  | { outcome: 'idle'; why: 'disabled' | 'noSegment' | 'unmapped' };

/** Which scene the mapping wants for this kind, or why none. Pure. */
export function wantedScene(
  mapping: SceneMapping,
  kind: SegmentKind | null,
): { scene: string; kind: SegmentKind } | { why: 'disabled' | 'noSegment' | 'unmapped' } {
  if (!mapping.enabled) return { why: 'disabled' };
  if (!kind) return { why: 'noSegment' };
  const scene = mapping.byKind[kind];
  return scene ? { scene, kind } : { why: 'unmapped' };
}

export interface SceneSwitcherOptions {
  getMapping: () => SceneMapping;
  getSegmentKind: () => SegmentKind | null;
  /** Give up waiting for a transition's end event after this (default 5 s). */
  transitionTimeoutMs?: number;
  timers?: Timers;
}

export interface SceneSwitcher {
  /** Call whenever the show or the mapping changes; cheap when nothing relevant did. */
  update(): void;
  last(): SwitchOutcome | null;
  onResult(listener: (result: SwitchOutcome) => void): () => void;
  close(): void;
}

export function createSceneSwitcher(link: ObsLink, options: SceneSwitcherOptions): SceneSwitcher {
  const timers = options.timers ?? globalTimers;
  const listeners = new Set<(result: SwitchOutcome) => void>();
  let applied: string | null = null; // "kind→scene" last settled, so the same wish is not re-sent
  let last: SwitchOutcome | null = null;
  let busy = false;
  let again = false;
  let transitioning = false;
  let transitionTimer: unknown;
  let closed = false;

  const report = (result: SwitchOutcome) => {
    last = result;
    for (const listener of [...listeners]) listener(result);
  };

  function update(force = false): void {
    if (closed) return;
    const wanted = wantedScene(options.getMapping(), options.getSegmentKind());
    const key = 'scene' in wanted ? `${wanted.kind}→${wanted.scene}` : wanted.why;
    if (key === applied && !force) return;
    if (!('scene' in wanted)) {
      applied = key;
      return report({ outcome: 'idle', why: wanted.why });
    }
    if (busy || transitioning) {
      again = true; // the latest wish is re-read when the current work ends
      return;
    }
    void apply(wanted.kind, wanted.scene, key);
  }

  async function apply(kind: SegmentKind, scene: string, key: string): Promise<void> {
    busy = true;
    try {
      // Asked each time rather than tracked from events: it is right at once, even mid-fade.
      const { currentProgramSceneName } = await link.call('GetCurrentProgramScene');
      if (currentProgramSceneName === scene) {
        report({ outcome: 'alreadyOn', kind, scene });
      } else {
        await link.call('SetCurrentProgramScene', { sceneName: scene });
        report({ outcome: 'switched', kind, scene });
      }
      applied = key;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isStatusError(error, STATUS.resourceNotFound)) {
        applied = key; // re-sent when the mapping or the kind changes, or on reconnect
        report({
          outcome: 'missingScene',
          kind,
          scene,
          message: `OBS has no scene named “${scene}”.`,
        });
      } else {
        // Not applied: the next update retries. The fault is the data the controller words.
        const fault = error instanceof ObsCallError ? { fault: callFault(error) } : {};
        report({ outcome: 'error', kind, scene, message, ...fault });
      }
    } finally {
      busy = false;
      if (again && !transitioning) {
        again = false;
        update();
      }
    }
  }

  const transitionEnded = () => {
    transitioning = false;
    if (transitionTimer !== undefined) timers.clearTimeout(transitionTimer);
    transitionTimer = undefined;
    if (again && !busy) {
      again = false;
      update();
    }
  };

  const offs = [
    link.onConnected(() => update(true)),
    link.on('SceneTransitionStarted', () => {
      transitioning = true;
      if (transitionTimer !== undefined) timers.clearTimeout(transitionTimer);
      transitionTimer = timers.setTimeout(transitionEnded, options.transitionTimeoutMs ?? 5_000);
    }),
    // Either end releases the wait (a stinger's Ended is its cut point; VideoEnded follows);
    // the timeout covers an end event that never comes.
    link.on('SceneTransitionEnded', transitionEnded),
    link.on('SceneTransitionVideoEnded', transitionEnded),
  ];

  return {
    update: () => update(),
    last: () => last,
    onResult(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      offs.forEach((off) => off());
      if (transitionTimer !== undefined) timers.clearTimeout(transitionTimer);
      listeners.clear();
    },
  };
}
