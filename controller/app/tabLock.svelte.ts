/**
 * One writer per browser: the first controller tab holds the "primary" Web Lock and runs the
 * show; another tab waits in line and takes over by itself when the first one closes.
 */
export class PrimaryLock {
  isPrimary = $state(false);
  supported = typeof navigator !== 'undefined' && 'locks' in navigator;

  /** Calls `onAcquired` once this tab is primary (at once when no other tab holds the lock). */
  start(onAcquired: () => void): void {
    if (!this.supported) {
      this.isPrimary = true;
      onAcquired();
      return;
    }
    void navigator.locks.request('flashcue-primary', () => {
      this.isPrimary = true;
      onAcquired();
      // Held for the life of the tab: closing or reloading it releases the lock.
      return new Promise<never>(() => {});
    });
  }
}
