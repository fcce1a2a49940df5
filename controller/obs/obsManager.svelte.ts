/**
 * The controller's one OBS link, as Svelte sees it: connection settings (remembered; the
 * password only when asked), status as data, the OBS transports handed to the publisher and
 * the command server, the resender, the scene switcher and one-click set-up.
 */
import { z } from 'zod';
import * as m from '../i18n/paraglide/messages.js';
import type { ObsConnection, ObsStatus } from '../../shared/obs/connection';
import { splitObsConnection } from '../../shared/obs/splitConnection';
import { customEventTransport } from '../../shared/obs/customEventTransport';
import { emitEventTransport, type EmitAvailability } from '../../shared/obs/emitEventTransport';
import { parseObsFragment } from '../../shared/obs/fragment';
import type { ObsProblem } from './obsWords';
import type { Health, HealthSample } from '../../shared/obs/health';
import { createHealthPoller, type HealthReadFault } from '../../shared/obs/healthPoller';
import { readRecordMs } from '../../shared/marker/recordClock';
import { createResender } from '../../shared/obs/resend';
import {
  createSceneSwitcher,
  DEFAULT_SCENE_MAPPING,
  SceneMapping,
  type SwitchOutcome,
} from '../../shared/obs/sceneMap';
import { setupScene, type SetupResult } from '../../shared/obs/setup';
import { nameOf } from '../../shared/obs/names';
import type { SegmentKind } from '../../shared/runsheet';
import type { Transport } from '../../shared/protocol/transport';
import type { FlashcueDb } from '../db/db';
import {
  forgetSessionLink,
  readSessionLink,
  tabStorage,
  writeSessionLink,
  type TabStorage,
} from './sessionLink';

export const ObsSettings = z.object({
  url: z
    .string()
    .trim()
    .regex(/^wss?:\/\/[^\s/]+(:\d+)?\/?$/, 'must look like ws://127.0.0.1:4455'),
  password: z.string().max(256).optional(),
  rememberPassword: z.boolean().default(false),
  autoConnect: z.boolean().default(true),
});
export type ObsSettings = z.infer<typeof ObsSettings>;

const SETTINGS_KEY = 'obs';
const MAPPING_KEY = 'sceneMapping';

export interface ObsHooks {
  // Function-valued fields, not methods: the manager hands them on unbound.
  isLive: () => boolean;
  segmentKind: () => SegmentKind | null;
  republish: () => void;
  setTransports: (transports: Transport[]) => void;
  /** Each of OBS's health readings, for the per-minute record (null: a new link's first). */
  healthSample?: (sample: HealthSample | null) => void;
}

export class ObsManager {
  status = $state<ObsStatus>({ state: 'idle' });
  emit = $state<EmitAvailability>({ available: null });
  settings = $state<ObsSettings | null>(null);
  mapping = $state<SceneMapping>(DEFAULT_SCENE_MAPPING);
  lastSwitch = $state<SwitchOutcome | null>(null);
  /** A problem with the settings or the URL fragment, as data worded when shown (obsWords.ts). */
  problem = $state<ObsProblem | null>(null);
  /** Stream health from OBS's figures while connected (null: not read yet or not connected). */
  health = $state<Health | null>(null);
  /** OBS's figures that could not be read, as data (worded when shown: healthText.ts). */
  healthProblem = $state<HealthReadFault | null>(null);
  #conn: ObsConnection | null = null;
  #cleanup: Array<() => void> = [];
  #switcher: ReturnType<typeof createSceneSwitcher> | null = null;

  constructor(
    private readonly db: FlashcueDb,
    private readonly hooks: ObsHooks,
    /** The tab's sessionStorage: where the link outlives a reload of this tab (null: nowhere). */
    private readonly tab: TabStorage | null = tabStorage(),
  ) {}

  /**
   * Connects from the URL fragment if it has one, else from this tab's kept link (a reload),
   * else from remembered settings.
   */
  async init(hash: string): Promise<void> {
    const stored = await this.db.settings.get(MAPPING_KEY);
    const mapping = SceneMapping.safeParse(stored?.value);
    if (mapping.success) this.mapping = mapping.data;
    const fragment = parseObsFragment(hash);
    if (fragment.ok) {
      this.connect(
        {
          url: fragment.url,
          password: fragment.password,
          rememberPassword: false,
          autoConnect: true,
        },
        { save: false },
      );
      return;
    }
    if (fragment.reason === 'invalid') this.problem = { kind: 'fragment', fragment };
    // Before the remembered settings: this tab was connected this way (maybe to another OBS).
    const kept = readSessionLink(this.tab);
    if (kept) {
      this.connect(kept, { save: false });
      return;
    }
    const saved = ObsSettings.safeParse((await this.db.settings.get(SETTINGS_KEY))?.value);
    if (saved.success) {
      this.settings = saved.data;
      if (saved.data.autoConnect) this.connect(saved.data, { save: false });
    }
  }

  connect(input: unknown, { save = true }: { save?: boolean } = {}): boolean {
    const parsed = ObsSettings.safeParse(input);
    if (!parsed.success) {
      this.problem = { kind: 'settings', phrase: parsed.error.issues[0]?.message ?? null };
      return false;
    }
    const settings = parsed.data;
    this.problem = null;
    this.disconnect();
    this.settings = settings;
    // Every link this tab makes survives its reloads, the password included: the tab's own
    // storage is where a fragment's or an unremembered password may live (never IndexedDB).
    writeSessionLink(this.tab, settings);
    if (save) {
      const stored = {
        ...settings,
        password: settings.rememberPassword ? settings.password : undefined,
      };
      void this.db.settings.put({ key: SETTINGS_KEY, value: stored });
    }
    // Two sockets, one only listening: commands arrive without waiting on OBS's Nagle delay.
    const conn = splitObsConnection({
      url: settings.url,
      ...(settings.password ? { password: settings.password } : {}),
      live: this.hooks.isLive,
    });
    const custom = customEventTransport(conn);
    const emit = emitEventTransport(conn);
    this.#switcher = createSceneSwitcher(conn, {
      getMapping: () => this.mapping,
      getSegmentKind: this.hooks.segmentKind,
    });
    const resender = createResender(conn, { republish: this.hooks.republish });
    this.#cleanup = [
      conn.onStatus((status) => (this.status = status)),
      emit.onAvailability((availability) => (this.emit = availability)),
      this.#switcher.onResult((outcome) => (this.lastSwitch = outcome)),
      () => resender.close(),
      createHealthPoller(conn, {
        onHealth: (health, sample) => {
          this.health = health;
          this.healthProblem = null;
          this.hooks.healthSample?.(sample);
        },
        onProblem: (_english, fault) => (this.healthProblem = fault),
      }),
      () => this.#switcher?.close(),
      () => custom.close(),
      () => emit.close(),
    ];
    this.#conn = conn;
    this.hooks.setTransports([custom, emit]);
    conn.start();
    return true;
  }

  disconnect(): void {
    this.hooks.setTransports([]);
    this.#cleanup.forEach((c) => c());
    this.#cleanup = [];
    this.#switcher = null;
    this.#conn?.close();
    this.#conn = null;
    this.status = { state: 'idle' };
    this.emit = { available: null };
    this.health = null;
    this.healthProblem = null;
  }

  /** The producer's Disconnect: also forgets the tab's link, so a reload stays disconnected. */
  forget(): void {
    forgetSessionLink(this.tab);
    this.disconnect();
  }

  reconnect(): void {
    this.#conn?.reconnect();
  }

  /** The show moved: switch scenes if the mapping says so. Cheap when nothing changed. */
  switchScene(): void {
    this.#switcher?.update();
  }

  async saveMapping(input: unknown): Promise<boolean> {
    const parsed = SceneMapping.safeParse(input);
    if (!parsed.success) return false;
    this.mapping = parsed.data;
    await this.db.settings.put({ key: MAPPING_KEY, value: parsed.data });
    this.switchScene();
    return true;
  }

  async setup(
    overlays: Array<{ name: string; url: string }>,
    sceneName?: string,
  ): Promise<SetupResult | { ok: false; reason: 'offline'; message: string }> {
    const conn = this.#conn;
    if (!conn || this.status.state !== 'connected') {
      return {
        ok: false,
        reason: 'offline',
        message: m.obs_connect_first(),
      };
    }
    return setupScene(conn, { overlays, ...(sceneName ? { sceneName } : {}) });
  }

  /** OBS's recording timecode now (ms), for a highlight marker; null when not recording. */
  recordMs(): Promise<number | null> {
    return this.#conn ? readRecordMs(this.#conn) : Promise.resolve(null);
  }

  async sceneNames(): Promise<string[]> {
    if (!this.#conn || this.status.state !== 'connected') return [];
    const list = await this.#conn.call('GetSceneList');
    return list.scenes.map((s) => nameOf(s.sceneName)).reverse();
  }
}
