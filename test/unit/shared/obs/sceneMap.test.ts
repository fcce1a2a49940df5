import { describe, expect, it } from 'vitest';
import {
  createSceneSwitcher,
  SceneMapping,
  wantedScene,
  type SwitchOutcome,
} from '../../../../shared/obs/sceneMap';
import { ObsCallError } from '../../../../shared/obs/callError';
import type { SegmentKind } from '../../../../shared/runsheet/schema';
import { fakeLink, tick } from '../../../support/fakeObsLink';

const mapping: SceneMapping = {
  enabled: true,
  byKind: { opening: 'Opening', product: 'Products', flash: 'Products' },
};

/** A fake OBS with scenes and a program scene that SetCurrentProgramScene changes. */
function world(scenes = ['Scene', 'Opening', 'Products']) {
  let program = 'Scene';
  const fake = fakeLink({
    GetCurrentProgramScene: () => ({ currentProgramSceneName: program }),
    SetCurrentProgramScene: ({ sceneName }) => {
      if (!scenes.includes(String(sceneName))) {
        throw new ObsCallError(
          'status',
          'SetCurrentProgramScene',
          `No source was found by the name of \`${String(sceneName)}\`.`,
          600,
        );
      }
      program = String(sceneName);
      return undefined;
    },
  });
  let kind: SegmentKind | null = null;
  let map = mapping;
  const switcher = createSceneSwitcher(fake.link, {
    getMapping: () => map,
    getSegmentKind: () => kind,
  });
  const results: SwitchOutcome[] = [];
  switcher.onResult((r) => results.push(r));
  return {
    fake,
    switcher,
    results,
    program: () => program,
    setProgram: (name: string) => (program = name),
    setKind: async (next: SegmentKind | null) => {
      kind = next;
      switcher.update();
      await tick();
    },
    setMapping: async (next: SceneMapping) => {
      map = next;
      switcher.update();
      await tick();
    },
    switches: () => fake.callsOf('SetCurrentProgramScene').map((d) => d.sceneName),
  };
}

describe('SceneMapping', () => {
  it('validates and trims', () => {
    expect(SceneMapping.parse({ enabled: true, byKind: { product: ' Table cam ' } })).toEqual({
      enabled: true,
      byKind: { product: 'Table cam' },
    });
    expect(SceneMapping.safeParse({ enabled: true, byKind: { intermission: 'X' } }).success).toBe(
      false,
    );
    expect(SceneMapping.safeParse({ enabled: true, byKind: { product: '' } }).success).toBe(false);
  });

  it('wants a scene only when enabled, on air and mapped', () => {
    expect(wantedScene({ ...mapping, enabled: false }, 'product')).toEqual({ why: 'disabled' });
    expect(wantedScene(mapping, null)).toEqual({ why: 'noSegment' });
    expect(wantedScene(mapping, 'break')).toEqual({ why: 'unmapped' });
    expect(wantedScene(mapping, 'product')).toEqual({ kind: 'product', scene: 'Products' });
  });
});

describe('scene switcher', () => {
  it('switches when the kind changes, and only then', async () => {
    const w = world();
    w.fake.connect();
    await w.setKind('opening');
    expect(w.program()).toBe('Opening');
    w.setProgram('Scene'); // the producer switches by hand in OBS…
    w.switcher.update(); // …a heartbeat later nothing overrides it
    await tick();
    expect(w.program()).toBe('Scene');
    await w.setKind('product');
    await w.setKind('flash'); // same scene: asks OBS, does not switch
    expect(w.switches()).toEqual(['Opening', 'Products']);
    expect(w.results.at(-1)).toEqual({ outcome: 'alreadyOn', kind: 'flash', scene: 'Products' });
  });

  it('re-syncs on reconnect', async () => {
    const w = world();
    w.fake.connect();
    await w.setKind('product');
    w.fake.disconnect();
    w.setProgram('Scene');
    w.fake.connect();
    await tick();
    expect(w.switches()).toEqual(['Products', 'Products']);
  });

  it('reports a missing scene and an unmapped kind without switching', async () => {
    const w = world(['Scene', 'Opening']);
    w.fake.connect();
    await w.setKind('product');
    expect(w.results.at(-1)).toMatchObject({
      outcome: 'missingScene',
      scene: 'Products',
      message: 'OBS has no scene named “Products”.',
    });
    await w.setKind('break');
    expect(w.results.at(-1)).toEqual({ outcome: 'idle', why: 'unmapped' });
    await w.setMapping({ ...mapping, enabled: false });
    expect(w.program()).toBe('Scene');
  });

  it('applies a changed mapping for the kind on air', async () => {
    const w = world();
    w.fake.connect();
    await w.setKind('product');
    await w.setMapping({ ...mapping, byKind: { ...mapping.byKind, product: 'Opening' } });
    expect(w.switches()).toEqual(['Products', 'Opening']);
  });

  it('waits for a transition to end and then applies only the latest wish', async () => {
    const w = world();
    w.fake.connect();
    w.fake.emit('SceneTransitionStarted', { transitionName: 'Fade' });
    await w.setKind('opening');
    await w.setKind('product');
    expect(w.switches()).toEqual([]);
    w.fake.emit('SceneTransitionEnded', { transitionName: 'Fade' });
    await tick();
    expect(w.switches()).toEqual(['Products']);
  });

  it('retries after an error (not connected) on the next update', async () => {
    const w = world();
    await w.setKind('product');
    expect(w.results.at(-1)).toMatchObject({ outcome: 'error' });
    w.fake.connect();
    await tick();
    expect(w.program()).toBe('Products');
    w.switcher.close();
    expect(w.fake.listeners('SceneTransitionStarted')).toBe(0);
  });
});
