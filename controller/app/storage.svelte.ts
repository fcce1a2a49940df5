/**
 * Where the show's log lives, as data: whether the browser promised to keep it (persistent
 * storage) and how full it is. A best-effort store can be cleared by the browser under disk
 * pressure, which would lose the log: ask for persistence and say plainly when it is refused.
 */
export type StorageMode = 'unknown' | 'persistent' | 'best-effort' | 'unavailable';

export class StorageState {
  mode = $state<StorageMode>('unknown');
  usage = $state<number | null>(null);
  quota = $state<number | null>(null);

  async start(): Promise<void> {
    const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
    if (!storage?.persisted) {
      this.mode = 'unavailable';
      return;
    }
    let persisted = await storage.persisted();
    if (!persisted && storage.persist) persisted = await storage.persist().catch(() => false);
    this.mode = persisted ? 'persistent' : 'best-effort';
    await this.refresh();
  }

  async refresh(): Promise<void> {
    const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
    this.usage = estimate?.usage ?? null;
    this.quota = estimate?.quota ?? null;
  }
}
