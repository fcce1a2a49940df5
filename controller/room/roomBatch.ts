/**
 * Room events taken in batches (bench 8: 1,000 chats a minute). Each event the room store
 * takes replaced its whole state, so every reader on the Live screen (the question queue, the
 * status line, the live flag) re-ran once per comment. Gathered for a beat, a busy room costs
 * one state change, one Svelte update and one keep per beat instead. Each event keeps the time
 * and the segment on air of its arrival, so the counts and the report are as before.
 */
export const BATCH_MS = 200;

export interface Batcher<T> {
  push(item: T): void;
  /** Hands over what is waiting now (show change, pagehide, stop). */
  flush(): void;
}

export function createBatcher<T>(drain: (items: T[]) => void, delayMs = BATCH_MS): Batcher<T> {
  let items: T[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const taken = items;
    items = [];
    if (taken.length) drain(taken);
  };
  return {
    push(item) {
      items.push(item);
      timer ??= setTimeout(flush, delayMs);
    },
    flush,
  };
}
