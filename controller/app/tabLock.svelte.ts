/**
 * The tab lock: one writer per browser. The first controller tab holds the Web Lock and runs
 * the show; another tab waits in line and takes over by itself when the first one closes.
 * (Not to be confused with the primary/backup devices: this is about tabs of one browser.)
 */
export class TabLock {
  held = $state(false);
  supported = typeof navigator !== 'undefined' && 'locks' in navigator;

  /** Calls `onAcquired` once this tab holds the lock (at once when no other tab holds it). */
  start(onAcquired: () => void): void {
    if (!this.supported) {
      this.held = true;
      onAcquired();
      return;
    }
    // The lock's name predates the word "tab lock": kept, so a tab of an older build and one
    // of this build still exclude each other.
    void navigator.locks.request('flashcue-primary', () => {
      this.held = true;
      onAcquired();
      // Held for the life of the tab: closing or reloading it releases the lock.
      return new Promise<never>(() => {});
    });
  }
}
