/**
 * Where the primary has heard a backup lately, per transport (issue 13 §3). Each logged entry
 * used to go out as a `log` message on every transport — three sends per sale, plus OBS's echo —
 * with no backup anywhere. A backup now says `hello` every BACKUP_HELLO_MS and asks with `sync`
 * for what it lacks; the primary streams entries only on the transports a backup was heard on
 * within BACKUP_HEARD_MS. Nothing depends on this for completeness: the primary's heartbeat
 * carries its last seq, and a backup that misses entries (it joined late, a hello was lost)
 * asks for them with `sync` — this only decides who gets the live copy.
 */

/** How often a backup says hello: its heartbeat to the primary. */
export const BACKUP_HELLO_MS = 1000;
/** A backup not heard for this long on a transport gets no more live entries there (three hellos missed). */
export const BACKUP_HEARD_MS = 3000;

export class BackupsHeard<T> {
  #at = new Map<T, number>();

  constructor(private readonly now: () => number) {}

  /** A backup spoke on `via`. True when none had been heard there within the window (a newcomer). */
  heard(via: T): boolean {
    const now = this.now();
    const before = this.#at.get(via);
    this.#at.set(via, now);
    return before === undefined || now - before > BACKUP_HEARD_MS;
  }

  /** The transports of `all` a backup was heard on within the window, in `all`'s order. */
  on(all: readonly T[]): T[] {
    const now = this.now();
    for (const [via, at] of this.#at) if (now - at > BACKUP_HEARD_MS) this.#at.delete(via);
    return all.filter((via) => this.#at.has(via));
  }
}
