/** Messages to the producer: refusals, failures, confirmations. Never silently dropped. */
export interface Notice {
  id: number;
  kind: 'error' | 'info' | 'success';
  text: string;
  at: number;
}

const LIMIT = 5;

export class Notices {
  items = $state<Notice[]>([]);
  #next = 1;

  push(kind: Notice['kind'], text: string): Notice {
    const notice = { id: this.#next++, kind, text, at: Date.now() };
    this.items = [...this.items, notice].slice(-LIMIT);
    return notice;
  }

  error(text: string) {
    return this.push('error', text);
  }

  info(text: string) {
    return this.push('info', text);
  }

  dismiss(id: number) {
    this.items = this.items.filter((n) => n.id !== id);
  }

  /** Drops messages older than `ms`, errors kept twice as long. Called from the app clock. */
  expire(now: number, ms = 6000) {
    const keep = this.items.filter((n) => now - n.at < (n.kind === 'error' ? ms * 2 : ms));
    if (keep.length !== this.items.length) this.items = keep;
  }
}
