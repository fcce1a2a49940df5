// Euler Stream frames (webcast messages as JSON, EulerStream/Euler-WebSocket-SDK) to room events.
import { describe, expect, test } from 'vitest';
import { fromEulerFrame, fromEulerMessage, MAX_BUNDLE } from '../../../../shared/room/euler';
import { backoff, closeMeaning } from '../../../../shared/room/eulerClose';
import { toGenericEvent } from '../../../../shared/room/forward';
import { parseAudienceJson } from '../../../../shared/room/generic';
import { user } from '../../../support/fakeEuler';

const msg = (type: string, data: unknown) => ({ type, data });
const social = (displayType: string) =>
  msg('WebcastSocialMessage', { user: user('cy', 'Cy'), common: { displayText: { displayType } } });

describe('fromEulerMessage', () => {
  test('each message Flashcue uses becomes its room event', () => {
    const events = [
      msg('WebcastRoomUserSeqMessage', { viewerCount: 812, totalUser: 4000 }),
      msg('WebcastChatMessage', { user: user('ann_88', 'Ann'), comment: '  how\u0000 much? ' }),
      msg('WebcastGiftMessage', {
        user: user('bo'),
        giftDetails: { giftName: 'Rose', giftType: 1, diamondCount: 1 },
        repeatCount: 5,
        repeatEnd: 1,
      }),
      msg('WebcastLikeMessage', { user: user('di'), likeCount: 15, totalLikeCount: 900 }),
      msg('WebcastMemberMessage', { user: user('ed') }),
      social('pm_main_follow_message_viewer_2'),
      social('pm_mt_guidance_share'),
      msg('WebcastControlMessage', { action: 3 }),
    ].map(fromEulerMessage);
    expect(events).toEqual([
      { ok: true, event: { kind: 'viewers', count: 812 } },
      { ok: true, event: { kind: 'chat', user: { id: 'ann_88', name: 'Ann' }, text: 'how much?' } },
      {
        ok: true,
        event: {
          kind: 'gift',
          user: { id: 'bo', name: 'bo' },
          gift: 'Rose',
          count: 5,
          diamonds: 5,
        },
      },
      { ok: true, event: { kind: 'like', user: { id: 'di', name: 'di' }, count: 15 } },
      { ok: true, event: { kind: 'member', user: { id: 'ed', name: 'ed' } } },
      { ok: true, event: { kind: 'follow', user: { id: 'cy', name: 'Cy' } } },
      { ok: true, event: { kind: 'share', user: { id: 'cy', name: 'Cy' } } },
      { ok: true, event: { kind: 'streamEnd' } },
    ]);
  });

  test('a running gift streak, other social and control messages, unknown types are ignored', () => {
    const streak = msg('WebcastGiftMessage', {
      user: user('bo'),
      giftDetails: { giftName: 'Rose', giftType: 1 },
      repeatCount: 2,
      repeatEnd: 0,
    });
    for (const m of [
      streak,
      social('pm_mt_msg_viewer_other'),
      msg('WebcastControlMessage', { action: 1 }),
      msg('WebcastLinkMicBattle', {}),
      msg('workerInfo', { webSocketId: 'x' }),
    ])
      expect(fromEulerMessage(m)).toMatchObject({ ok: false, why: 'ignored' });
  });

  test('hostile and wrong shapes are refused, saying where; markup stays text', () => {
    const refused = [
      msg('WebcastChatMessage', { user: user('x', 'N'.repeat(10_240)), comment: 'hi?' }),
      msg('WebcastChatMessage', { user: user('x'), comment: 'c'.repeat(1001) }),
      msg('WebcastChatMessage', { user: {}, comment: 'no name' }),
      msg('WebcastRoomUserSeqMessage', { viewerCount: '9999' }),
      msg('WebcastLikeMessage', { likeCount: -1 }),
      { type: 7 },
      'not an object',
    ].map(fromEulerMessage);
    for (const r of refused) expect(r).toMatchObject({ ok: false, why: 'refused' });
    expect(refused[0]).toMatchObject({ detail: 'user.nickname: is over 256 characters' });
    const markup = fromEulerMessage(
      msg('WebcastChatMessage', { user: user('m', '<img src=x onerror=alert(1)>'), comment: '?' }),
    );
    expect(markup).toMatchObject({ event: { user: { name: '<img src=x onerror=alert(1)>' } } });
  });
});

describe('fromEulerFrame', () => {
  test('a bundle is counted message by message; a single message is read too', () => {
    const frame = fromEulerFrame({
      timestamp: 1,
      messages: [
        msg('WebcastChatMessage', { user: user('a'), comment: 'hi' }),
        msg('roomInfo', {}),
        msg('WebcastRoomUserSeqMessage', { viewerCount: 'x' }),
      ],
    });
    expect(frame).toMatchObject({
      ignored: 1,
      refused: 1,
      problem: expect.stringMatching(/^viewerCount: /),
    });
    expect(frame.events).toHaveLength(1);
    expect(fromEulerFrame(msg('WebcastMemberMessage', { user: user('e') })).events).toHaveLength(1);
  });

  test('a frame that is not Euler shaped, or too big a bundle, is one refusal', () => {
    expect(fromEulerFrame([1, 2])).toMatchObject({ events: [], refused: 1 });
    const huge = { messages: Array.from({ length: MAX_BUNDLE + 1 }, () => ({})) };
    expect(fromEulerFrame(huge)).toMatchObject({ events: [], refused: 1 });
  });
});

test('room events forwarded in the generic shape come back the same from parseAudienceJson', () => {
  const frame = fromEulerFrame({
    messages: [
      msg('WebcastRoomUserSeqMessage', { viewerCount: 5 }),
      msg('WebcastChatMessage', { user: user('ann', 'Ann'), comment: '多少钱?' }),
      msg('WebcastGiftMessage', { user: { nickname: 'Bo' }, giftDetails: { giftName: 'Rose' } }),
      msg('WebcastLikeMessage', { likeCount: 3 }),
      social('follow'),
      msg('WebcastControlMessage', { action: 'CONTROL_ACTION_STREAM_ENDED' }),
    ],
  });
  expect(frame.events).toHaveLength(6);
  const back = parseAudienceJson({ events: frame.events.map(toGenericEvent) });
  expect(back).toMatchObject({ ok: true, events: frame.events, ignored: 0 });
});

describe('close codes', () => {
  test("Euler's codes become a state and a retry plan", () => {
    expect(closeMeaning(4401, 1000)).toEqual({ state: 'bad-key', retryMs: null });
    expect(closeMeaning(4403, 1000)).toEqual({ state: 'bad-key', retryMs: null });
    expect(closeMeaning(4400, 1000)).toEqual({ state: 'bad-creator', retryMs: null });
    expect(closeMeaning(4404, 1000)).toEqual({ state: 'offline', retryMs: 30_000 });
    expect(closeMeaning(4005, 1000)).toEqual({ state: 'offline', retryMs: 30_000 });
    expect(closeMeaning(4429, 1000)).toEqual({ state: 'rate-limited', retryMs: 60_000 });
    expect(closeMeaning(1006, 2000)).toEqual({ state: 'connecting', retryMs: 2000 });
  });

  test('backoff doubles to a cap, with jitter', () => {
    expect(backoff(1, 0.5)).toBe(1000);
    expect(backoff(3, 0.5)).toBe(4000);
    expect(backoff(20, 0.5)).toBe(30_000);
    expect(backoff(1, 0)).toBe(800);
    expect(backoff(1, 0.999)).toBe(1200);
  });
});
