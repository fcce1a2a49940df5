/**
 * Re-sends the view when an overlay inside OBS may have missed it: emit_event is one-way, so
 * a browser source that just became active (or was just shown in a preview/projector) cannot
 * say hello. Also on every (re)connect. The input events are opt-in "high volume" ones: the
 * connection identifies with InputActiveStateChanged | InputShowStateChanged by default.
 */
import type { ObsLink, Timers } from './types';
import { globalTimers } from './types';
import { nameOf } from './names';

export interface ResenderOptions {
  republish: () => void;
  /** Which inputs count (default: browser sources; tests on an OBS without obs-browser use others). */
  inputKinds?: string[];
  /** Several sources activated by one scene switch cause one republish (default 50 ms). */
  coalesceMs?: number;
  timers?: Timers;
}

export interface Resender {
  /** Names of the watched inputs, or null while not known (every input then counts). */
  watched(): ReadonlySet<string> | null;
  close(): void;
}

export function createResender(link: ObsLink, options: ResenderOptions): Resender {
  const kinds = new Set(options.inputKinds ?? ['browser_source']);
  const timers = options.timers ?? globalTimers;
  const coalesceMs = options.coalesceMs ?? 50;
  let watched: Set<string> | null = null;
  let timer: unknown;
  let refreshing = 0;

  const schedule = () => {
    if (timer !== undefined) return;
    timer = timers.setTimeout(() => {
      timer = undefined;
      options.republish();
    }, coalesceMs);
  };
  const relevant = (inputName: string) => watched === null || watched.has(inputName);

  async function refresh() {
    const mine = ++refreshing;
    try {
      const names = new Set<string>();
      for (const inputKind of kinds) {
        const { inputs } = await link.call('GetInputList', { inputKind });
        for (const input of inputs) names.add(nameOf(input.inputName));
      }
      if (mine === refreshing) watched = names;
    } catch {
      if (mine === refreshing) watched = null; // unknown: react to any input rather than miss one
    }
  }

  const offs = [
    link.onConnected(() => {
      schedule();
      void refresh();
    }),
    link.on('InputActiveStateChanged', ({ inputName, videoActive }) => {
      if (videoActive && relevant(inputName)) schedule();
    }),
    link.on('InputShowStateChanged', ({ inputName, videoShowing }) => {
      if (videoShowing && relevant(inputName)) schedule();
    }),
    link.on('InputCreated', ({ inputName, inputKind }) => {
      if (kinds.has(inputKind)) watched?.add(inputName);
    }),
    link.on('InputRemoved', ({ inputName }) => {
      watched?.delete(inputName);
    }),
    link.on('InputNameChanged', ({ oldInputName, inputName }) => {
      if (watched?.delete(oldInputName)) watched.add(inputName);
    }),
  ];

  return {
    watched: () => watched,
    close() {
      offs.forEach((off) => off());
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      refreshing += 1;
    },
  };
}
