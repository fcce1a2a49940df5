/**
 * One-click set-up and the scene list, as runes for the Overlays screen. It only asks the
 * ObsManager (the one OBS adapter); it holds no socket of its own.
 */
import type { ObsManager } from '../obs/obsManager.svelte';
import { ObsCallError, callFault } from '../../shared/obs/callError';
import { obsErrorText } from '../obs/obsWords';
import * as m from '../i18n/paraglide/messages.js';

export type SetupOutcome = Awaited<ReturnType<ObsManager['setup']>>;

export class ObsSetupFlow {
  scenes = $state<string[]>([]);
  scenesProblem = $state<string | null>(null);
  running = $state(false);
  result = $state<SetupOutcome | null>(null);
  #asked = 0;

  constructor(private readonly obs: Pick<ObsManager, 'setup' | 'sceneNames'>) {}

  async refreshScenes(): Promise<void> {
    const ask = ++this.#asked;
    try {
      const names = await this.obs.sceneNames();
      if (ask === this.#asked) {
        this.scenes = names;
        this.scenesProblem = null;
      }
    } catch (error) {
      if (ask === this.#asked)
        this.scenesProblem = m.ovl_scenes_problem({ message: obsErrorText(error) });
    }
  }

  /** `sceneName` undefined: the Flashcue scene (made on the first run, reused after). */
  async run(overlays: Array<{ name: string; url: string }>, sceneName?: string): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.result = null;
    try {
      this.result = await this.obs.setup(overlays, sceneName);
    } catch (error) {
      this.result = {
        ok: false,
        reason: 'obsError',
        message: error instanceof Error ? error.message : String(error),
        ...(error instanceof ObsCallError ? { fault: callFault(error) } : {}),
      };
    } finally {
      this.running = false;
    }
    await this.refreshScenes();
  }
}
