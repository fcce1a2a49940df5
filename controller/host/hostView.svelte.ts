/** The host's confidence view state: the last view heard, mapped onto this screen's clock. */
import { createSubscriber } from 'svelte/reactivity';
import type { ReceivedView, ViewReceiver } from '../../shared/protocol/viewReceiver';
import type { Clock } from '../app/clock.svelte';

export class HostView {
  #subscribe: () => void;

  constructor(
    private readonly receiver: ViewReceiver,
    private readonly clock: Clock,
  ) {
    this.#subscribe = createSubscriber((update) => receiver.subscribe(update));
  }

  get received(): ReceivedView | null {
    this.#subscribe();
    return this.receiver.current();
  }

  /** Milliseconds since the view arrived, on this machine's own monotonic clock. */
  get age(): number {
    const received = this.received;
    void this.clock.now; // re-derive with the app clock
    return received ? Math.max(0, performance.now() - received.receivedAt) : 0;
  }
}
