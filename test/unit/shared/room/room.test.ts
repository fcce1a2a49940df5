import { describe, expect, it } from 'vitest';
import type { RoomEvent } from '../../../../shared/room/events';
import {
  DEFAULT_ROOM_SETTINGS,
  emptyRoom,
  ingest,
  roomRules,
  type OnAir,
} from '../../../../shared/room/room';

const onAir: OnAir = { segmentIndex: 2, dealProductId: null, productId: 'p1' };
const ann = { id: 'ann', name: 'Ann' };

function run(events: [number, RoomEvent][], settings = DEFAULT_ROOM_SETTINGS) {
  const rules = roomRules(settings);
  let state = emptyRoom(5000);
  const effects = [];
  for (const [at, event] of events) {
    const r = ingest(state, event, at, onAir, rules);
    state = r.state;
    effects.push(r.effects);
  }
  return { state, effects };
}

describe('the room reducer', () => {
  it('queues questions and counts comments in the segment on air', () => {
    const { state, effects } = run([
      [0, { kind: 'chat', user: ann, text: 'how much is it' }],
      [1, { kind: 'chat', user: ann, text: 'love it' }],
    ]);
    expect(effects[0]?.question?.text).toBe('how much is it');
    expect(effects[1]?.question).toBeNull();
    expect(state.tally[2]).toMatchObject({ comments: 2, questions: 1 });
  });

  it('proposes keyword orders only when switched on, and never as a question', () => {
    const off = run([[0, { kind: 'chat', user: ann, text: '+2' }]]);
    expect(off.state.proposals.pending).toEqual([]);
    const on = run([[0, { kind: 'chat', user: ann, text: '+2' }]], {
      ...DEFAULT_ROOM_SETTINGS,
      keywordOrders: true,
    });
    expect(on.state.proposals.pending).toMatchObject([
      { quantity: 2, productId: 'p1', segmentIndex: 2 },
    ]);
  });

  it('samples viewers, thanks gifts when switched on, and marks the stream end', () => {
    const settings = {
      ...DEFAULT_ROOM_SETTINGS,
      thanks: { gift: true, follow: false, share: false },
    };
    const { state, effects } = run(
      [
        [0, { kind: 'viewers', count: 100 }],
        [1000, { kind: 'viewers', count: 120 }],
        [2000, { kind: 'gift', user: ann, gift: 'Rose', count: 1, diamonds: 1 }],
        [3000, { kind: 'follow', user: ann }],
        [4000, { kind: 'streamEnd' }],
      ],
      settings,
    );
    expect(effects.map((e) => e.sample?.concurrent ?? null)).toEqual([100, null, null, null, null]);
    expect(effects[2]?.thanks?.kind).toBe('gift');
    expect(effects[3]?.thanks).toBeNull();
    expect(state.sampler.peak).toBe(120);
    expect(state.tally[2]).toMatchObject({ gifts: 1, follows: 1 });
    expect(state.ended).toBe(true);
  });
});
