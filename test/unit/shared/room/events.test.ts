import { describe, expect, it } from 'vitest';
import { fromTikFinity } from '../../../../shared/room/events';
import { parseAudienceBody } from '../../../../shared/room/generic';

const user = { uniqueId: 'ann_88', nickname: 'Ann' };

describe('TikFinity messages (TikTok-Live-Connector event shapes)', () => {
  it('reads viewers, chat, likes, follows, shares, joins and the stream end', () => {
    expect(
      fromTikFinity({ event: 'roomUser', data: { viewerCount: 812, topViewers: [] } }),
    ).toEqual({
      ok: true,
      event: { kind: 'viewers', count: 812 },
    });
    expect(fromTikFinity({ event: 'chat', data: { ...user, comment: 'how much?' } })).toEqual({
      ok: true,
      event: { kind: 'chat', user: { id: 'ann_88', name: 'Ann' }, text: 'how much?' },
    });
    expect(
      fromTikFinity({ event: 'like', data: { ...user, likeCount: 15, totalLikeCount: 900 } }),
    ).toMatchObject({
      ok: true,
      event: { kind: 'like', count: 15 },
    });
    for (const kind of ['follow', 'share', 'member'])
      expect(fromTikFinity({ event: kind, data: user })).toMatchObject({
        ok: true,
        event: { kind },
      });
    expect(fromTikFinity({ event: 'streamEnd' })).toEqual({
      ok: true,
      event: { kind: 'streamEnd' },
    });
  });

  it('reads the 2.x shape with the viewer under data.user', () => {
    expect(fromTikFinity({ event: 'chat', data: { user, comment: 'hi' } })).toMatchObject({
      ok: true,
      event: { user: { id: 'ann_88', name: 'Ann' } },
    });
  });

  it('counts a gift streak once, at its end, with its diamonds', () => {
    const gift = { ...user, giftName: 'Rose', giftType: 1, diamondCount: 1 };
    expect(
      fromTikFinity({ event: 'gift', data: { ...gift, repeatCount: 3, repeatEnd: false } }),
    ).toMatchObject({
      ok: false,
      why: 'ignored',
    });
    expect(
      fromTikFinity({ event: 'gift', data: { ...gift, repeatCount: 5, repeatEnd: true } }),
    ).toEqual({
      ok: true,
      event: {
        kind: 'gift',
        user: { id: 'ann_88', name: 'Ann' },
        gift: 'Rose',
        count: 5,
        diamonds: 5,
      },
    });
    // A non-streak gift arrives once.
    expect(
      fromTikFinity({
        event: 'gift',
        data: { ...user, giftName: 'Lion', giftType: 2, diamondCount: 29999, repeatCount: 1 },
      }),
    ).toMatchObject({ ok: true, event: { diamonds: 29999 } });
  });

  it('keeps markup as text and cuts long names; refuses 10 KB names and wrong shapes', () => {
    const markup = fromTikFinity({
      event: 'chat',
      data: { uniqueId: 'x', nickname: '<img src=x onerror=alert(1)>', comment: '<b>hi</b>' },
    });
    expect(markup).toMatchObject({
      ok: true,
      event: { user: { name: '<img src=x onerror=alert(1)>' }, text: '<b>hi</b>' },
    });
    const long = fromTikFinity({
      event: 'chat',
      data: { uniqueId: 'x', nickname: 'N'.repeat(100), comment: 'a' },
    });
    expect(long.ok && long.event.kind === 'chat' && long.event.user.name.length).toBe(33);
    expect(
      fromTikFinity({
        event: 'chat',
        data: { uniqueId: 'x', nickname: 'N'.repeat(10_240), comment: 'a' },
      }),
    ).toMatchObject({
      ok: false,
      why: 'refused',
    });
    expect(fromTikFinity({ event: 'roomUser', data: { viewerCount: '812' } })).toMatchObject({
      ok: false,
      why: 'refused',
    });
    expect(fromTikFinity({ event: 'chat', data: { comment: 'no name' } })).toMatchObject({
      ok: false,
      why: 'refused',
    });
    expect(fromTikFinity('hello')).toMatchObject({ ok: false, why: 'refused' });
    expect(fromTikFinity({ event: 'linkMicBattle', data: {} })).toMatchObject({
      ok: false,
      why: 'ignored',
    });
  });

  it('strips control and bidi-override characters', () => {
    const r = fromTikFinity({
      event: 'chat',
      data: { uniqueId: 'x', nickname: 'A\u202Enna\u0000', comment: 'a\n\nb' },
    });
    expect(r).toMatchObject({ ok: true, event: { user: { name: 'Anna' }, text: 'a b' } });
  });
});

describe('the generic input (POST /api/audience)', () => {
  it('turns a body into room events and counts unknown types', () => {
    const body = JSON.stringify({
      events: [
        { type: 'viewers', count: 40 },
        { type: 'chat', user: { id: 'b', name: 'Bo' }, text: 'size?' },
        { type: 'gift', user: { name: 'Cy' }, gift: 'Rose', count: 2, diamonds: 2 },
        { type: 'battle', anything: true },
      ],
    });
    expect(parseAudienceBody(body)).toMatchObject({
      ok: true,
      ignored: 1,
      events: [
        { kind: 'viewers', count: 40 },
        { kind: 'chat', user: { id: 'b', name: 'Bo' }, text: 'size?' },
        { kind: 'gift', user: { id: '', name: 'Cy' }, gift: 'Rose', count: 2, diamonds: 2 },
      ],
    });
  });

  it('refuses a wrong body whole, saying where', () => {
    const bad = parseAudienceBody(
      JSON.stringify({
        events: [
          { type: 'viewers', count: 1 },
          { type: 'viewers', count: -3 },
        ],
      }),
    );
    expect(bad).toEqual({
      ok: false,
      error: expect.stringContaining('events[1].count: must not be negative'),
      // The same place and phrase apart, for the controller to word in its language.
      problems: [{ path: 'events[1].count', phrase: 'must not be negative' }],
    });
    expect(parseAudienceBody('{')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not JSON'),
    });
    expect(parseAudienceBody(JSON.stringify({ events: [] }))).toMatchObject({ ok: false });
    const huge = parseAudienceBody(
      JSON.stringify({ events: [{ type: 'chat', user: { name: 'x'.repeat(10_240) }, text: 'a' }] }),
    );
    expect(huge).toMatchObject({
      ok: false,
      error: expect.stringContaining('events[0].user.name'),
    });
  });
});
