/**
 * A part of a page loaded only when it first has something to show (the composite page's
 * buyer lines and closing cards, the safe-zone mask): its code, the Svelte blocks only it
 * uses and its words stay out of the page's own script and strings.
 */
import type { Component } from 'svelte';

export class LazyPart<P extends Record<string, unknown>> {
  #load: () => Promise<Component<P>>;
  #loading = false;
  /** The component once loaded (reactive), else null. */
  component = $state.raw<Component<P> | null>(null);

  constructor(load: () => Promise<Component<P>>) {
    this.#load = load;
  }

  /** Starts loading once `wanted`; after a failed fetch, the next call tries again. */
  want(wanted: boolean): void {
    if (!wanted || this.#loading || this.component) return;
    this.#loading = true;
    this.#load().then(
      (component) => (this.component = component),
      (error: unknown) => {
        this.#loading = false;
        console.error('Flashcue overlay: a part could not be loaded', error);
      },
    );
  }
}
