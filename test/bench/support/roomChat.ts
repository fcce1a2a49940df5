/**
 * Figure 8's parts: the room traffic the TikFinity stand-in sends (a realistic mix, chat at a
 * set rate, hostile messages among it), the per-page counter of the Flashcue messages a page
 * hears (by kind and by phase, and whether their content changed), the longest animation
 * frame, and the comments the controller kept.
 */
import type { Page } from '@playwright/test';
import type { FakeTikFinity } from '../../support/fakeTikFinity';
import { sleep } from './bench';

export interface KindCount {
  heard: number;
  /** Messages whose content differed from the last one of their kind. */
  changes: number;
}
/** phase → kind → counts. */
export type PageCounts = Record<string, Record<string, KindCount>>;

declare global {
  interface Window {
    __roomBench: {
      phase: string;
      counts: PageCounts;
      loaf: number;
      /** phase → the distinct thanks (by id) the page heard in a `room` message. */
      thanks: Record<string, number[]>;
    };
  }
}

/** Counts every Flashcue message the page hears on BroadcastChannel; the longest LoAF. */
export async function installRoomCounter(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const state: Window['__roomBench'] = { phase: 'setup', counts: {}, loaf: 0, thanks: {} };
    window.__roomBench = state;
    const last = new Map<string, string>();
    // What identifies a message's content: not the send counter, session or message age.
    const volatile = new Set(['n', 'session', 'agoMs', 'sentAt', 'remainingMs', 'sender']);
    const keyOf = (data: Record<string, unknown>): string =>
      data.kind === 'view'
        ? String(data.logSeq)
        : JSON.stringify(data, (k, v: unknown) => (volatile.has(k) ? undefined : v));
    const NativeBC = window.BroadcastChannel;
    window.BroadcastChannel = class extends NativeBC {
      constructor(name: string) {
        super(name);
        this.addEventListener('message', (e: MessageEvent) => {
          const data = e.data as Record<string, unknown> | null;
          if (!data || data.app !== 'flashcue') return;
          const kind = typeof data.kind === 'string' ? data.kind : '?';
          const byKind = (state.counts[state.phase] ??= {});
          const count = (byKind[kind] ??= { heard: 0, changes: 0 });
          count.heard += 1;
          const key = keyOf(data);
          if (last.get(kind) !== key) count.changes += 1;
          last.set(kind, key);
          const thanks = (data.thanks as { id?: unknown } | null | undefined)?.id;
          const heard = (state.thanks[state.phase] ??= []);
          if (kind === 'room' && typeof thanks === 'number' && !heard.includes(thanks))
            heard.push(thanks);
        });
      }
    };
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) state.loaf = Math.max(state.loaf, e.duration);
      }).observe({ type: 'long-animation-frame', buffered: true });
    } catch {
      // LoAF not supported: the figure prints 0
    }
  });
}

export async function phase(pages: Page[], name: string): Promise<void> {
  await Promise.all(pages.map((p) => p.evaluate((n) => (window.__roomBench.phase = n), name)));
}

export interface Sent {
  seconds: number;
  chats: number;
  questions: number;
  /** Chats zod must refuse (10 KB names). */
  hostileChats: number;
  /** Every message zod must refuse: hostile chats, wrong shapes, not JSON. */
  hostile: number;
  other: Record<string, number>;
}

const WORDS = ['love', 'this', 'colour', 'so', 'cute', 'want', 'one', 'hi', 'from', 'Manila'];
const ASKS = ['how much is it?', 'does it come in blue?', 'price?', 'ship to Canada?', '多少钱'];

/**
 * The room for `seconds`: chat spread evenly at `chatsPerMinute` (every 10th a question),
 * a like burst every second, a join every second, a viewer count every 3 s, a gift every
 * 4 s (a streak message TikFinity sends while it runs, then its end), a follow every 10 s,
 * a share every 15 s, a name with markup every 7 s, and a hostile message every 5 s.
 */
export async function roomTraffic(
  fake: FakeTikFinity,
  { seconds, chatsPerMinute }: { seconds: number; chatsPerMinute: number },
): Promise<Sent> {
  const sent: Sent = { seconds, chats: 0, questions: 0, hostileChats: 0, hostile: 0, other: {} };
  const other = (kind: string) => (sent.other[kind] = (sent.other[kind] ?? 0) + 1);
  const user = (i: number) => ({ uniqueId: `viewer${i % 300}`, nickname: `Viewer ${i % 300}` });
  let viewers = 800;
  const started = performance.now();
  for (let tick = 0; ; tick++) {
    const elapsed = (performance.now() - started) / 1000;
    if (elapsed >= seconds) break;
    const due = Math.floor((elapsed * chatsPerMinute) / 60);
    while (sent.chats < due) {
      const i = sent.chats++;
      const ask = i % 10 === 9;
      if (ask) sent.questions++;
      const comment = ask
        ? `${ASKS[i % ASKS.length]} #${i}`
        : `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${i}`;
      fake.send('chat', { ...user(i), comment });
    }
    // Once per 100 ms tick: the rest of the mix on its own schedule.
    if (tick % 10 === 0) {
      fake.send('like', { ...user(tick), likeCount: 1 + (tick % 15), totalLikeCount: tick * 10 });
      fake.send('member', user(tick + 1));
      other('like');
      other('member');
    }
    if (tick % 30 === 0) {
      viewers = Math.max(100, viewers + Math.round((Math.random() - 0.4) * 40));
      fake.send('roomUser', { viewerCount: viewers });
      other('roomUser');
    }
    if (tick % 40 === 5) {
      const gift = { ...user(tick), giftName: 'Rose', giftType: 1, diamondCount: 1 };
      fake.send('gift', { ...gift, repeatCount: 3, repeatEnd: false }); // ignored: streak running
      fake.send('gift', { ...gift, repeatCount: 5, repeatEnd: true });
      other('gift');
    }
    for (const [kind, every, at] of [
      ['follow', 100, 15],
      ['share', 150, 25],
    ] as const) {
      if (tick % every !== at) continue;
      fake.send(kind, user(tick));
      other(kind);
    }
    if (tick % 70 === 35) {
      fake.send('chat', { uniqueId: 'x', nickname: '<img src=x onerror=alert(1)>', comment: 'hi' });
      sent.chats++; // accepted: markup in a name is only text
    }
    if (tick % 50 === 45) {
      const kind = ((tick / 50) % 3) | 0;
      if (kind === 0) {
        fake.send('chat', { uniqueId: 'big', nickname: 'N'.repeat(10_240), comment: 'hi?' });
        sent.hostileChats++;
        sent.chats++;
      } else if (kind === 1) fake.send('roomUser', { viewerCount: '9999' });
      else fake.sendRaw('<html>');
      sent.hostile++;
    }
    await sleep(Math.max(0, started + (tick + 1) * 100 - performance.now()));
  }
  return sent;
}

/** The comments the controller counted, from the show's kept room row (IndexedDB `rooms`). */
export async function keptComments(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('flashcue');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('rooms').objectStore('rooms').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            const rows = all.result as Array<{
              room: { tally: Record<string, { comments: number }> };
            }>;
            resolve(
              rows.reduce(
                (sum, r) => sum + Object.values(r.room.tally).reduce((s, c) => s + c.comments, 0),
                0,
              ),
            );
          };
        };
      }),
  );
}

/** Kinds whose content nothing in the mix may change while thanks are off and the pin stays. */
const STEADY = new Set(['room', 'poll', 'words']);

export interface OverlayFigure {
  name: string;
  caused: number;
  /** Heard per second by kind, baseline → chat phase. */
  rates: string;
  base: Record<string, KindCount>;
  chat: Record<string, KindCount>;
}

/**
 * What the chat caused on each overlay: content changes in the chat phase of kinds whose
 * content nothing in the mix changes (room with thanks off and the pin kept, poll with no poll
 * open, words; the view and the backups' log move with each viewer sample), plus, per kind,
 * messages heard above the baseline's rate by more than 25 % and two messages (heartbeats
 * jitter, and a short baseline holds only a few; a send per chat would add ~16 a second, one
 * per 200 ms beat 5 a second).
 */
export function overlayFigures(
  names: string[],
  counts: PageCounts[],
  baseSeconds: number,
  chatSeconds: number,
): OverlayFigure[] {
  return names.map((name, i) => {
    const base = counts[i]?.base ?? {};
    const chat = counts[i]?.chat ?? {};
    let caused = 0;
    const rates: string[] = [];
    for (const kind of new Set([...Object.keys(base), ...Object.keys(chat)])) {
      const b = base[kind] ?? { heard: 0, changes: 0 };
      const c = chat[kind] ?? { heard: 0, changes: 0 };
      const expected = Math.ceil(((b.heard / baseSeconds) * chatSeconds * 5) / 4) + 2;
      caused += Math.max(0, c.heard - expected);
      if (STEADY.has(kind)) caused += c.changes;
      rates.push(
        `${kind} ${(b.heard / baseSeconds).toFixed(1)}→${(c.heard / chatSeconds).toFixed(1)}/s`,
      );
    }
    return { name, caused, rates: rates.join(' '), base, chat };
  });
}
