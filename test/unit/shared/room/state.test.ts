import { describe, expect, it } from 'vitest';
import {
  dismiss,
  keywordParser,
  noProposals,
  propose,
  saleArgs,
} from '../../../../shared/room/keywords';
import {
  answer,
  ask,
  emptyQueue,
  openQuestions,
  pin,
  pinned,
  questionMatcher,
  QUEUE_LIMIT,
} from '../../../../shared/room/questions';
import { createSampler, flushViewers, offerViewers } from '../../../../shared/room/sampler';
import { countAnswered, countEvent, totalCounts } from '../../../../shared/room/tally';
import { openGate, thanksFor, thanksText } from '../../../../shared/room/thanks';

const tag = { segmentIndex: 1, dealProductId: null };
const ann = { id: 'ann', name: 'Ann' };

describe('viewer sampler', () => {
  it('keeps at most one sample per interval, the peak from every report, and flushes the last', () => {
    let s = createSampler(5000);
    const kept: number[] = [];
    for (const [at, count] of [
      [0, 10],
      [1000, 50],
      [2000, 20],
      [6000, 30],
      [7000, 25],
    ] as const) {
      const r = offerViewers(s, count, at, tag);
      s = r.state;
      if (r.sample) kept.push(r.sample.concurrent);
    }
    expect(kept).toEqual([10, 30]);
    expect(s.peak).toBe(50);
    expect(flushViewers(s, 9000).sample).toBeNull();
    const flushed = flushViewers(s, 11_000);
    expect(flushed.sample).toEqual({
      at: 7000,
      concurrent: 25,
      segmentIndex: 1,
      dealProductId: null,
    });
  });

  it('tags each sample with the segment and deal on air', () => {
    const r = offerViewers(createSampler(), 7, 0, { segmentIndex: 3, dealProductId: 'p2' });
    expect(r.sample).toMatchObject({ segmentIndex: 3, dealProductId: 'p2' });
  });
});

describe('question detector', () => {
  const m = questionMatcher(['how much', 'price', '多少钱']);
  it('finds question marks in any script and the producer keywords', () => {
    for (const t of [
      'size?',
      '有货吗？',
      '¿cuánto cuesta',
      'هل يوجد؟',
      'PRICE pls',
      'how much for two',
      '这个多少钱',
    ])
      expect(m.test(t), t).toBe(true);
  });
  it('leaves plain comments alone and keywords inside other words', () => {
    for (const t of ['love it', 'priceless', 'hello!!']) expect(m.test(t), t).toBe(false);
  });
});

describe('question queue', () => {
  it('queues, pins one at a time, answers, and never queues the same question twice', () => {
    let q = emptyQueue();
    q = ask(q, { at: 1, user: ann, text: 'Size?', segmentIndex: 0 }).queue;
    expect(ask(q, { at: 2, user: ann, text: 'size?', segmentIndex: 0 }).question).toBeNull();
    q = ask(q, { at: 3, user: { id: 'bo', name: 'Bo' }, text: 'Colour?', segmentIndex: 0 }).queue;
    q = pin(q, 'q1');
    expect(pinned(q)?.text).toBe('Size?');
    q = pin(q, 'q2');
    expect(pinned(q)?.id).toBe('q2');
    q = answer(q, 'q2', 10);
    expect(pinned(q)).toBeNull();
    expect(openQuestions(q).map((x) => x.id)).toEqual(['q1']);
    expect(pin(q, 'q2')).toBe(q);
  });
  it('stays bounded in a flood, keeping the pinned question', () => {
    let q = ask(emptyQueue(), { at: 0, user: ann, text: 'first?', segmentIndex: 0 }).queue;
    q = pin(q, 'q1');
    for (let i = 0; i < QUEUE_LIMIT + 50; i++)
      q = ask(q, {
        at: i,
        user: { id: `u${i}`, name: 'x' },
        text: `q ${i}?`,
        segmentIndex: 0,
      }).queue;
    expect(openQuestions(q)).toHaveLength(QUEUE_LIMIT);
    expect(pinned(q)?.text).toBe('first?');
  });
});

describe('per-segment counts', () => {
  it('counts gifts with diamonds, likes, follows, shares, questions and answers per segment', () => {
    let t = countEvent({}, 0, { kind: 'gift', user: ann, gift: 'Rose', count: 5, diamonds: 5 });
    t = countEvent(t, 0, { kind: 'like', user: null, count: 15 });
    t = countEvent(t, 1, { kind: 'follow', user: ann });
    t = countEvent(t, 1, { kind: 'share', user: ann });
    t = countEvent(t, 1, { kind: 'chat', user: ann, text: 'size?' }, true);
    t = countEvent(t, null, { kind: 'viewers', count: 3 });
    t = countAnswered(t, 2);
    expect(t[0]).toMatchObject({ gifts: 5, diamonds: 5, likes: 15 });
    expect(t[1]).toMatchObject({ follows: 1, shares: 1, comments: 1, questions: 1 });
    expect(t[2]).toMatchObject({ answered: 1 });
    expect(totalCounts(t)).toMatchObject({ gifts: 5, questions: 1, answered: 1, comments: 1 });
  });
});

describe('keyword orders', () => {
  const parse = keywordParser();
  it('reads "+1", "buy 2", "我要2个" and nothing else', () => {
    expect(parse('+1')).toBe(1);
    expect(parse('+ 3!')).toBe(3);
    expect(parse('Buy 2')).toBe(2);
    expect(parse('buy')).toBe(1);
    expect(parse('我要2个')).toBe(2);
    expect(parse('要不要')).toBeNull();
    expect(parse('I would buy this if it was cheaper')).toBeNull();
    expect(parse('+500')).toBeNull();
    expect(parse('+0')).toBeNull();
  });
  it('keeps one pending proposal per viewer and product, and a confirmed one is a tiktok-chat sale', () => {
    let p = propose(noProposals(), {
      at: 1,
      user: ann,
      text: '+1',
      quantity: 1,
      productId: 'p1',
      segmentIndex: 0,
    });
    p = propose(p, {
      at: 2,
      user: ann,
      text: 'buy 3',
      quantity: 3,
      productId: 'p1',
      segmentIndex: 0,
    });
    expect(p.pending).toHaveLength(1);
    expect(p.pending[0]).toMatchObject({ quantity: 3, id: 'k1' });
    expect(saleArgs(p.pending[0]!, 'show1')).toEqual({
      productId: 'p1',
      quantity: 3,
      buyer: 'Ann',
      orderId: 'chat:show1:k1',
      source: 'tiktok-chat',
    });
    expect(dismiss(p, 'k1').pending).toEqual([]);
  });
});

describe('thanks on the ticker', () => {
  const on = { gift: true, follow: true, share: false };
  it('thanks only the kinds switched on, at most one per gap', () => {
    const gift = { kind: 'gift' as const, user: ann, gift: 'Rose', count: 5, diamonds: 5 };
    const first = thanksFor(openGate(), on, gift, 0, 8000);
    expect(first.thanks && thanksText(first.thanks)).toBe('Thank you Ann for the Rose ×5!');
    const tooSoon = thanksFor(first.gate, on, { kind: 'follow', user: ann }, 1000, 8000);
    expect(tooSoon.thanks).toBeNull();
    expect(tooSoon.gate.dropped).toBe(1);
    expect(
      thanksFor(tooSoon.gate, on, { kind: 'share', user: ann }, 20_000, 8000).thanks,
    ).toBeNull();
    expect(
      thanksFor(tooSoon.gate, on, { kind: 'follow', user: ann }, 20_000, 8000).thanks?.kind,
    ).toBe('follow');
  });
});
