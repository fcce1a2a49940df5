/**
 * Thanks on the ticker ("Thank you Ann for the Rose ×5"): each kind switched on or off by the
 * producer, and rate-limited so the ticker stays calm in a busy room — at most one thanks per
 * `gapMs`, the rest dropped (a thanks five minutes late is worse than none). Text only, capped.
 */
import type { RoomEvent } from './events.js';

export type ThanksKind = 'gift' | 'follow' | 'share';

export interface ThanksSettings {
  gift: boolean;
  follow: boolean;
  share: boolean;
}

export const THANKS_OFF: ThanksSettings = { gift: false, follow: false, share: false };

/** The ticker shows one line at a time for a few seconds: no more than one thanks per 8 s. */
export const THANKS_GAP_MS = 8_000;

export interface Thanks {
  kind: ThanksKind;
  name: string;
  /** The gift and its count, for gifts. */
  gift?: string;
  count?: number;
  at: number;
}

export interface ThanksGate {
  lastAt: number | null;
  dropped: number;
}

export const openGate = (): ThanksGate => ({ lastAt: null, dropped: 0 });

export function thanksFor(
  gate: ThanksGate,
  settings: ThanksSettings,
  event: RoomEvent,
  at: number,
  gapMs = THANKS_GAP_MS,
): { gate: ThanksGate; thanks: Thanks | null } {
  if (event.kind !== 'gift' && event.kind !== 'follow' && event.kind !== 'share')
    return { gate, thanks: null };
  if (!settings[event.kind]) return { gate, thanks: null };
  if (gate.lastAt !== null && at - gate.lastAt < gapMs)
    return { gate: { ...gate, dropped: gate.dropped + 1 }, thanks: null };
  const thanks: Thanks =
    event.kind === 'gift'
      ? { kind: 'gift', name: event.user.name, gift: event.gift, count: event.count, at }
      : { kind: event.kind, name: event.user.name, at };
  return { gate: { ...gate, lastAt: at }, thanks };
}

/** The ticker's line (English; the overlay's catalogue may word it per language later). */
export function thanksText(t: Thanks): string {
  if (t.kind === 'gift')
    return `Thank you ${t.name} for the ${t.gift}${t.count && t.count > 1 ? ` ×${t.count}` : ''}!`;
  return t.kind === 'follow'
    ? `Thank you for the follow, ${t.name}!`
    : `Thank you for sharing, ${t.name}!`;
}
