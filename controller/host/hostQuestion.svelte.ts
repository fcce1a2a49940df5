/**
 * The question the producer pinned for the host (issue 17), as the room's `room` message says:
 * null when none is pinned or it was answered. The message is re-sent on a heartbeat, so a
 * host view opened late shows the pin within one beat.
 */
import type { RoomMessage } from '../../shared/protocol/roomMessage';
import { createRoomListener } from '../../shared/protocol/roomPublisher';
import type { Transport } from '../../shared/protocol/transport';

export class HostQuestion {
  current = $state.raw<RoomMessage['question']>(null);
  readonly stop: () => void;

  constructor(transports: Transport[]) {
    this.stop = createRoomListener(transports, (message) => (this.current = message.question));
  }
}
