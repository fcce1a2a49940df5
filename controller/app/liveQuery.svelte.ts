/**
 * The one bridge from a Dexie liveQuery to Svelte 5 runes: a getter whose query runs only
 * while something reads it (createSubscriber), and is shared by every reader.
 */
import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';

/** `initial` until the first answer; a failed query is logged with `what` and keeps the last value. */
export function liveValue<T>(query: () => Promise<T>, initial: T, what: string): () => T {
  let value = initial;
  const subscribe = createSubscriber((update) => {
    const sub = liveQuery(query).subscribe({
      next: (next) => {
        value = next;
        update();
      },
      error: (error: unknown) => console.error(`Flashcue: ${what} query failed`, error),
    });
    return () => sub.unsubscribe();
  });
  return () => {
    subscribe();
    return value;
  };
}
