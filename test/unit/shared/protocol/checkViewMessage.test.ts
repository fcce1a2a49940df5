// What every overlay page's receiver reads (views, assets, words) against what the ticker and
// the poll page read too (the room's and the poll's messages).
import { describe, expect, it } from 'vitest';
import { checkMessage, checkViewMessage } from '../../../../shared/protocol/messageCheck';

const room = {
  app: 'flashcue',
  v: 1,
  kind: 'room',
  session: 's',
  n: 3,
  question: null,
  thanks: { id: 2, kind: 'follow', name: 'Bo', agoMs: 10 },
};
const poll = {
  app: 'flashcue',
  v: 1,
  kind: 'poll',
  session: 's',
  n: 1,
  poll: null,
  giveaway: null,
};
const words = { app: 'flashcue', v: 1, kind: 'words', words: { th: { ov_sold_out: 'หมด!' } } };

describe('checkViewMessage: the kinds every overlay page reads', () => {
  it('reads words (and views, assets) as checkMessage does', () => {
    expect(checkViewMessage(words)).toStrictEqual(checkMessage(words));
    expect(checkViewMessage(words).ok).toBe(true);
    const bad = { ...words, words: { th: { ov_sold_out: 'x'.repeat(121) } } };
    expect(checkViewMessage(bad)).toStrictEqual({ ok: false, reason: 'invalid' });
    expect(checkViewMessage({ kind: 'view' })).toStrictEqual({ ok: false, reason: 'foreign' });
  });

  it('leaves the room and poll messages to the pages that read them: unknown, never parsed', () => {
    expect(checkMessage(room).ok).toBe(true);
    expect(checkMessage(poll).ok).toBe(true);
    expect(checkViewMessage(room)).toStrictEqual({ ok: false, reason: 'unknown', kind: 'room' });
    expect(checkViewMessage(poll)).toStrictEqual({ ok: false, reason: 'unknown', kind: 'poll' });
  });
});
