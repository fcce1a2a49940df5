/**
 * Thanks from the live room for the ticker (issue 17): the controller sends the newest thanks
 * only when the producer switched that kind on, at most one every 8 s (shared/room/thanks.ts).
 * A heartbeat repeats it, so each is shown once (by id) and only while fresh: it leaves after
 * the ticker's hold time, counted from when the controller thanked, not when this page heard.
 */
import { checkMessage } from '../../shared/protocol/messageCheck';
import type { RoomMessage } from '../../shared/protocol/roomMessage';
import type { Transport } from '../../shared/protocol/transport';
import { say } from '../lib/words.svelte';

type Thanks = NonNullable<RoomMessage['thanks']>;

/** "Thank you Ann for the Rose! ×5", in the page's language (the count is language-neutral). */
export function thanksLine(t: Thanks): string {
  if (t.kind === 'follow') return say('ov_thanks_follow', { name: t.name });
  if (t.kind === 'share') return say('ov_thanks_share', { name: t.name });
  const line = say('ov_thanks_gift', { name: t.name, gift: t.gift ?? '🎁' });
  return t.count && t.count > 1 ? `${line} ×${t.count}` : line;
}

export class RoomThanks {
  current = $state.raw<Thanks | null>(null);
  #lastId = -1;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(transports: Transport[], holdMs: number) {
    for (const t of transports)
      t.subscribe((data) => {
        // Views arrive every second: look at the kind before checking the whole message.
        if ((data as { kind?: unknown } | null)?.kind !== 'room') return;
        const checked = checkMessage(data);
        if (!checked.ok || checked.message.kind !== 'room') return;
        const thanks = checked.message.thanks;
        if (!thanks || thanks.id === this.#lastId || thanks.agoMs >= holdMs) return;
        this.#lastId = thanks.id;
        this.current = thanks;
        if (this.#timer) clearTimeout(this.#timer);
        this.#timer = setTimeout(() => (this.current = null), holdMs - thanks.agoMs);
      });
  }
}
