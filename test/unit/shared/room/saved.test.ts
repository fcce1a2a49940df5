import { describe, expect, it } from 'vitest';
import { emptyRoom, ingest, roomRules, DEFAULT_ROOM_SETTINGS } from '../../../../shared/room/room';
import { restoreRoom, saveRoom } from '../../../../shared/room/saved';
import { answer, pin, pinned } from '../../../../shared/room/questions';
import { parseQuestionWords, readRoomSettings } from '../../../../shared/room/settings';

const onAir = { segmentIndex: 2, dealProductId: null, productId: 'p1' };
const rules = roomRules(DEFAULT_ROOM_SETTINGS);

function busyRoom() {
  let state = emptyRoom();
  const events = [
    { kind: 'viewers', count: 310 },
    { kind: 'chat', user: { id: 'ann', name: 'Ann' }, text: 'how much?' },
    { kind: 'chat', user: { id: 'bo', name: 'Bo' }, text: 'size M?' },
    { kind: 'gift', user: { id: 'cy', name: 'Cy' }, gift: 'Rose', count: 3, diamonds: 3 },
    { kind: 'like', user: null, count: 15 },
  ] as const;
  for (const e of events) state = ingest(state, e, 1000, onAir, rules).state;
  return state;
}

describe('the room kept across a reload', () => {
  it('keeps the queue, the pin, answered marks, the counts and the peak — and nothing else', () => {
    let state = busyRoom();
    state = { ...state, questions: pin(state.questions, 'q2') };
    state = { ...state, questions: answer(state.questions, 'q1', 2000) };
    const saved = JSON.parse(JSON.stringify(saveRoom(state))) as unknown;
    expect(Object.keys(saved as object).sort()).toEqual(['peak', 'questions', 'tally', 'v']);
    const restored = restoreRoom(saved);
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(pinned(restored.state.questions)?.text).toBe('size M?');
    expect(restored.state.questions.items.find((q) => q.id === 'q1')?.answered).toBe(true);
    expect(restored.state.tally[2]).toMatchObject({
      comments: 2,
      questions: 2,
      gifts: 3,
      diamonds: 3,
      likes: 15,
    });
    expect(restored.state.sampler.peak).toBe(310);
    // The next question after a reload gets a new id, not one already in the queue.
    const next = ingest(
      restored.state,
      { kind: 'chat', user: { id: 'di', name: 'Di' }, text: 'ship to Paris?' },
      3000,
      onAir,
      rules,
    );
    expect(next.effects.question?.id).toBe('q3');
  });

  it('refuses a broken row in words instead of throwing', () => {
    expect(restoreRoom({ v: 1, questions: { items: 'x' } })).toMatchObject({
      ok: false,
      error: expect.stringContaining('questions') as unknown,
    });
    expect(restoreRoom(null)).toMatchObject({ ok: false });
    const bad = saveRoom(busyRoom());
    expect(restoreRoom({ ...bad, tally: { '<script>': bad.tally[2] } })).toMatchObject({
      ok: false,
    });
  });
});

describe('room settings', () => {
  it('reads a stored row field by field, falling back to the defaults for a broken field', () => {
    const s = readRoomSettings({ keywordOrders: true, questionWords: 'nope', tikfinityOn: 'yes' });
    expect(s.keywordOrders).toBe(true);
    expect(s.questionWords).toContain('how much');
    expect(s.tikfinityOn).toBe(false);
    expect(readRoomSettings(undefined).thanks).toEqual({
      gift: false,
      follow: false,
      share: false,
    });
  });

  it('takes question words one per line or comma-separated, in any language', () => {
    expect(parseQuestionWords('price\n 多少钱 ，size、 cuánto, PRICE,,\n')).toEqual({
      ok: true,
      words: ['price', '多少钱', 'size', 'cuánto'],
    });
    expect(parseQuestionWords('x'.repeat(41))).toMatchObject({
      ok: false,
      problem: { code: 'too_long' },
    });
    expect(
      parseQuestionWords(Array.from({ length: 61 }, (_, i) => `w${i}`).join(',')),
    ).toMatchObject({ ok: false, problem: { code: 'too_many', max: 60 } });
  });

  it('the producer’s words drive the detector', () => {
    const mine = roomRules({ ...DEFAULT_ROOM_SETTINGS, questionWords: ['cuánto', 'ราคา'] });
    expect(mine.isQuestion('cuánto cuesta')).toBe(true);
    expect(mine.isQuestion('ราคาเท่าไหร่')).toBe(true);
    expect(mine.isQuestion('how much')).toBe(false);
  });
});
