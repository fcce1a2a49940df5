/** The app's long-lived objects, created once in main.ts and handed to components by context. */
import { getContext, setContext } from 'svelte';
import type { FlashcueDb } from '../db/db';
import type { Clock } from './clock.svelte';
import type { Notices } from './notices.svelte';
import type { Router } from './router.svelte';
import type { LiveSession } from '../show/liveSession.svelte';
import type { DeviceRoles } from '../replica/deviceRoles.svelte';
import type { ReportStore } from '../report/reportStore.svelte';
import type { Library } from './library.svelte';
import type { TabLock } from './tabLock.svelte';
import type { ObsManager } from '../obs/obsManager.svelte';
import type { StorageState } from './storage.svelte';
import type { RoomStore } from '../room/roomStore.svelte';
import type { PollStore } from '../poll/pollStore.svelte';

export interface App {
  db: FlashcueDb;
  router: Router;
  clock: Clock;
  notices: Notices;
  live: LiveSession;
  /** Primary or backup of the show across devices; the takeover. */
  roles: DeviceRoles;
  library: Library;
  /** Shows, their logs and reports, live from IndexedDB (for the report pages). */
  reports: ReportStore;
  /** Whether this tab is the one writer; another tab waits and takes over when it closes. */
  tabLock: TabLock;
  obs: ObsManager;
  /** Whether the browser keeps the show logs (persistent storage), and how full it is. */
  storage: StorageState;
  /** The live room: viewer samples, the question queue, keyword orders (controller/room). */
  room: RoomStore;
  /** Polls and giveaways from the room's comments (controller/poll). */
  polls: PollStore;
  /** `?dock` in the URL: the compact layout for an OBS custom dock (~350 px wide). */
  dock: boolean;
}

const KEY = Symbol('flashcue-app');

export function setApp(app: App): void {
  setContext(KEY, app);
}

export function getApp(): App {
  const app = getContext<App | undefined>(KEY);
  if (!app)
    throw new Error('Flashcue: the app context is missing (components must render inside App).');
  return app;
}
