/** A kept live room (shared/room/saved.ts) as a busy show leaves it: counts in two segments, questions asked, one answered and one pinned. */
import { ingest, emptyRoom, roomRules, DEFAULT_ROOM_SETTINGS } from '../../shared/room/room';
import type { RoomEvent } from '../../shared/room/events';
import { answer, pin } from '../../shared/room/questions';
import { saveRoom, type SavedRoom } from '../../shared/room/saved';
import { countAnswered } from '../../shared/room/tally';

const ann = { id: 'ann', name: '<b>Ann</b>' };
const bo = { id: 'bo', name: 'Bo' };

export function keptRoom(at = 1_000_000): SavedRoom {
  const rules = roomRules(DEFAULT_ROOM_SETTINGS);
  let state = emptyRoom();
  const events: Array<[number, RoomEvent]> = [
    [0, { kind: 'chat', user: ann, text: 'how much is it?' }],
    [0, { kind: 'chat', user: bo, text: 'love it' }],
    [0, { kind: 'like', user: null, count: 15 }],
    [1, { kind: 'chat', user: bo, text: '多少钱' }],
    [1, { kind: 'gift', user: ann, gift: 'Rose', count: 5, diamonds: 5 }],
    [1, { kind: 'follow', user: bo }],
    [1, { kind: 'share', user: ann }],
    [1, { kind: 'member', user: bo }],
  ];
  events.forEach(([segmentIndex, event], i) => {
    const onAir = { segmentIndex, dealProductId: null, productId: null };
    state = ingest(state, event, at + i * 1000, onAir, rules).state;
  });
  state = {
    ...state,
    questions: pin(answer(state.questions, 'q1', at + 9000), 'q2'),
    tally: countAnswered(state.tally, 1),
  };
  return saveRoom(state);
}
