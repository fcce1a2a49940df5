/**
 * A room event back into the generic input's shape (generic.ts), for a server-side source
 * (Euler Stream) that hands the room to the controller the way `POST /api/audience` does: one
 * `room.events` command whose `{events}` the controller checks again with parseAudienceJson.
 * Names and texts are already cleaned and capped, so they pass that check unchanged.
 */
import type { RoomEvent, RoomUser } from './events.js';

const user = (u: RoomUser) => (u.id ? { id: u.id, name: u.name } : { name: u.name });

export function toGenericEvent(event: RoomEvent): Record<string, unknown> {
  switch (event.kind) {
    case 'viewers':
      return { type: 'viewers', count: event.count };
    case 'chat':
      return { type: 'chat', user: user(event.user), text: event.text };
    case 'gift':
      return {
        type: 'gift',
        user: user(event.user),
        gift: event.gift,
        count: event.count,
        diamonds: event.diamonds,
      };
    case 'like':
      return { type: 'like', ...(event.user && { user: user(event.user) }), count: event.count };
    case 'streamEnd':
      return { type: 'streamEnd' };
    default:
      return { type: event.kind, user: user(event.user) };
  }
}
