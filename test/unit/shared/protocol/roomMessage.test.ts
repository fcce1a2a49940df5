import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../../../shared/protocol/messages';
import { checkMessage } from '../../../../shared/protocol/messageCheck';
import { createRoomListener, createRoomPublisher } from '../../../../shared/protocol/roomPublisher';
import { loopbackPair } from '../../../../shared/protocol/transport';
import type { RoomMessage } from '../../../../shared/protocol/roomMessage';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('the room message', () => {
  it('carries the pinned question to a listener, and its clearing', async () => {
    const [a, b] = loopbackPair();
    let question: RoomMessage['question'] = { id: 'q1', name: 'Ann', text: 'how much?' };
    const publisher = createRoomPublisher({
      transports: [a],
      screens: () => ({ question, thanks: null }),
      heartbeatMs: 60_000,
    });
    const heard: Array<RoomMessage['question']> = [];
    const stop = createRoomListener([b], (m) => heard.push(m.question));
    publisher.publish();
    await flush();
    question = null;
    publisher.publish();
    await flush();
    expect(heard).toEqual([{ id: 'q1', name: 'Ann', text: 'how much?' }, null]);
    stop();
    publisher.stop();
  });

  it('refuses a message with markup-sized names or a wrong shape', () => {
    const base = {
      app: 'flashcue',
      v: 1,
      kind: 'room',
      session: 's',
      n: 1,
      question: null,
      thanks: null,
    };
    expect(parseMessage({ ...base }).ok).toBe(true);
    expect(
      parseMessage({ ...base, question: { id: 'q1', name: 'N'.repeat(10_240), text: 'x' } }).ok,
    ).toBe(false);
    expect(
      parseMessage({
        ...base,
        thanks: { id: 1, kind: 'battle', name: 'x', agoMs: 0 },
      }).ok,
    ).toBe(false);
  });
});

describe('the room message on an overlay page (messageCheck, no zod)', () => {
  const base = {
    app: 'flashcue',
    v: 1,
    kind: 'room',
    session: 's',
    n: 3,
    question: null,
    thanks: { id: 2, kind: 'gift', name: '<b>Bo</b>', gift: 'Rose', count: 5, agoMs: 10 },
  };

  it('reads what zod reads, the same way', () => {
    const zod = parseMessage(base);
    const ours = checkMessage(base);
    expect(ours).toStrictEqual(zod);
    expect(ours.ok && ours.message.kind === 'room' && ours.message.thanks?.name).toBe('<b>Bo</b>');
  });

  it('refuses what zod refuses', () => {
    for (const bad of [
      { ...base, thanks: { ...base.thanks, name: 'N'.repeat(10_240) } },
      { ...base, thanks: { ...base.thanks, kind: 'like' } },
      { ...base, n: -1 },
      { ...base, question: { id: 'q1', name: 'x' } },
    ]) {
      expect(checkMessage(bad)).toStrictEqual({ ok: false, reason: 'invalid' });
      expect(parseMessage(bad).ok).toBe(false);
    }
  });
});
