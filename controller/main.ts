// The controller's single wiring module: the only place that opens the database, starts
// timers and transports, and mounts the UI.
import './app/zodConfig'; // first: before any schema is built
import { mount } from 'svelte';
import './app.css';
import App from './App.svelte';
import HostApp from './host/HostApp.svelte';
import { FlashcueDb } from './db/db';
import { Clock } from './app/clock.svelte';
import { Notices } from './app/notices.svelte';
import { Router } from './app/router.svelte';
import { LiveSession } from './show/liveSession.svelte';
import { DeviceRoles } from './replica/deviceRoles.svelte';
import { Library } from './app/library.svelte';
import { ReportStore } from './report/reportStore.svelte';
import { broadcastChannelTransport } from '../shared/protocol/transport';
import { createViewReceiver } from '../shared/protocol/viewReceiver';
import { relayTransport, relayUrlFor } from '../shared/relay/relayTransport';
import { HostView } from './host/hostView.svelte';
import { HostQuestion } from './host/hostQuestion.svelte';
import { createCommandServer } from './api/commandServer';
import { liveCommandTarget } from './api/liveTarget';
import { TabLock } from './app/tabLock.svelte';
import { ObsManager } from './obs/obsManager.svelte';
import { createHealthRecorder } from './obs/healthRecorder';
import { StorageState } from './app/storage.svelte';
import { loadDevice } from './replica/device';
import { overlayThemeFor } from './overlays/overlayThemeStore.svelte';
import { createWordsPublisher } from '../shared/protocol/wordsPublisher';
import { RoomStore } from './room/roomStore.svelte';
import { urlProblem } from './room/roomWords';
import { PollStore } from './poll/pollStore.svelte';
import { startLanguage } from './i18n/language.svelte';
import * as m from './i18n/paraglide/messages.js';

const target = document.getElementById('app');
if (!target) throw new Error('Flashcue: #app element missing from controller/index.html');

// The controller's language (?lang= or the remembered choice) before any text is rendered.
startLanguage();
const router = new Router();
router.start();
const clock = new Clock();
clock.start();

if (router.route.name === 'host') {
  // The host view is read-only and may run on another device: it only listens.
  const channel = broadcastChannelTransport();
  const receiver = createViewReceiver({ transports: [channel], role: 'host' });
  // The question the producer pinned arrives apart from the view (the room's own message).
  const question = new HostQuestion([channel]);
  mount(HostApp, { target, props: { host: new HostView(receiver, clock), question } });
} else {
  const db = new FlashcueDb();
  const notices = new Notices();
  // Same browser, and the local relay for Streamlabs overlays and tools without obs-websocket.
  const relay = relayTransport({ url: relayUrlFor(location) });
  let relayUp = false;
  relay.onStatus((status) => (relayUp = status.state === 'connected'));
  const channel = broadcastChannelTransport();
  const transports = [channel, relay];
  const live = new LiveSession(db, clock, notices, transports, [channel]);
  const roles = new DeviceRoles(db, clock, notices, live, transports);
  const library = new Library(db);
  // One store for the report pages: its queries run only while a page reads them.
  const reports = new ReportStore(db, live);
  const tabLock = new TabLock();
  // The look's custom words go to every overlay whether or not a show is loaded.
  const look = overlayThemeFor(db);
  const words = createWordsPublisher({ transports, words: () => look.words() });
  look.onChange(() => words.publish());
  void look.load();
  // The live room (TikFinity, POST /api/audience): counted and sampled, never logged one by one.
  const room = new RoomStore(live, db, transports);
  // Polls and giveaways read the room's comments; their events go to the show's poll log.
  const polls = new PollStore(live, db, transports, [channel]);
  room.onChat((user, text, at) => polls.chat(user, text, at));
  // The poll log goes to the backups with the show's log; a backup's copy comes back to it.
  polls.onAppended((entry) => roles.pollAppended(entry));
  roles.usePolls({
    seq: () => polls.seq,
    copied: (showId, change) => polls.copied(showId, change),
    forget: (showId) => polls.forget(showId),
  });
  const commands = createCommandServer(transports, {
    ...liveCommandTarget(live, db, () => polls.room),
    room: (args) => room.takeCommand(args),
    poll: (command, args) => polls.run(command, args),
  });
  commands.setTransports([]); // listens only once this tab holds the tab lock
  const health = createHealthRecorder(db, () =>
    live.role === 'primary' && live.state?.phase === 'live' ? (live.show?.id ?? null) : null,
  );
  const obs = new ObsManager(db, {
    healthSample: (sample) => health.note(sample),
    isLive: () => live.state?.phase === 'live',
    // Only the primary switches OBS scenes: a backup of the show must not fight it.
    segmentKind: () =>
      live.role === 'primary' && live.state?.phase === 'live'
        ? (live.view?.segment?.kind ?? null)
        : null,
    republish: () => {
      live.republish();
      words.publish();
    },
    setTransports: (extra) => {
      live.setTransports([...transports, ...extra]);
      words.setTransports([...transports, ...extra]);
      roles.setTransports([...transports, ...extra]);
      room.setTransports([...transports, ...extra]);
      polls.setTransports([...transports, ...extra]);
      if (tabLock.held) commands.setTransports([...transports, ...extra]);
    },
  });
  live.onChange(() => obs.switchScene());
  live.recordClock = () => obs.recordMs();
  // A relay that came back has pages that missed the last image: re-send everything.
  relay.onStatus((status) => status.state === 'connected' && live.republish(true));
  const hash = location.hash;
  // The password must not linger in the address bar or the history once read.
  // Read as parseObsFragment reads it (`#%6Fbs=` is `obs` too), and a stray password alone goes as well.
  const fragment = new URLSearchParams(hash.replace(/^#/, ''));
  if (fragment.has('obs') || fragment.has('password') || fragment.has('tikfinity'))
    history.replaceState(null, '', `${location.pathname}${location.search}#/live`);
  tabLock.start(() => {
    performance.mark('flashcue:tab-lock'); // the bench's reload breakdown (test/bench/6-recovery)
    commands.setTransports(transports);
    room.start();
    polls.start();
    // A launcher may pass TikFinity's address: `#tikfinity=ws://localhost:21213/`.
    const tikfinity = fragment.get('tikfinity');
    if (tikfinity) {
      const connected = room.connectTikFinity(tikfinity);
      if (!connected.ok) notices.error(urlProblem(connected.problem));
    }
    void obs
      .init(hash)
      .catch((error: unknown) => notices.error(m.app_obs_link_failed({ error: String(error) })));
    void (async () => {
      // Primary/backup roles across devices: the device's id comes from this browser's storage.
      const device = await loadDevice(db);
      await roles.enable(device, { linkUp: () => relayUp || obs.status.state === 'connected' });
      await roles.resume();
    })().catch((error: unknown) => notices.error(m.app_reopen_failed({ error: String(error) })));
  });
  addEventListener('pagehide', () => {
    // A look changed just before a reload (custom words, Enter then F5) is written now instead
    // of waiting out the 300 ms save delay. Best effort: the browser may still abort a
    // transaction the page leaves unfinished; the page says "Saved" once it is kept.
    void look.flush();
    void room.flush();
    void polls.flush();
    obs.disconnect();
  });
  const storage = new StorageState();
  void storage.start();
  const dock = new URLSearchParams(location.search).has('dock');
  mount(App, {
    target,
    props: {
      app: {
        db,
        router,
        clock,
        notices,
        live,
        roles,
        library,
        reports,
        tabLock,
        obs,
        storage,
        room,
        polls,
        dock,
      },
    },
  });
}
