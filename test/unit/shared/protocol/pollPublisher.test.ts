// The poll overlay's message at a calm rate: a flood of changes sends about once a second,
// the newest state last; a hello from an overlay is answered; every send parses.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseMessage } from '../../../../shared/protocol/messages';
import { checkMessage } from '../../../../shared/protocol/messageCheck';
import { createPollPublisher } from '../../../../shared/protocol/pollPublisher';
import type { PollScreens } from '../../../../shared/protocol/pollMessage';
import type { Transport } from '../../../../shared/protocol/transport';

afterEach(() => vi.useRealTimers());

function fakeTransport() {
  const sent: unknown[] = [];
  const listeners: Array<(data: unknown) => void> = [];
  const t = {
    name: 'fake',
    send: (m: unknown) => void sent.push(m),
    subscribe: (fn: (data: unknown) => void) => {
      listeners.push(fn);
      return () => undefined;
    },
  } as unknown as Transport;
  return { t, sent, hear: (m: unknown) => listeners.forEach((l) => l(m)) };
}

describe('poll publisher', () => {
  it('sends at most once per calm period, the newest state at its end', () => {
    vi.useFakeTimers({ now: 0 });
    const { t, sent, hear } = fakeTransport();
    let votes = 0;
    const screens = (): PollScreens => ({
      poll: {
        id: 'p1',
        question: 'Q',
        options: [
          { label: 'A', votes, percent: 100 },
          { label: 'B', votes: 0, percent: 0 },
        ],
        total: votes,
        state: 'open',
        winners: [],
      },
      giveaway: null,
    });
    const publisher = createPollPublisher({ transports: [t], screens, heartbeatMs: 60_000 });
    for (let i = 0; i < 50; i++) {
      votes += 1;
      publisher.changed();
      vi.advanceTimersByTime(20);
    }
    // 50 changes over 1 s: one at once, one a second later (with the newest count).
    vi.advanceTimersByTime(1000);
    expect(sent).toHaveLength(2);
    const last = sent[1] as { poll: { total: number } };
    expect(last.poll.total).toBe(50);
    for (const m of sent) {
      expect(parseMessage(m).ok).toBe(true);
      expect(checkMessage(m)).toMatchObject({ ok: true });
    }
    hear({ app: 'flashcue', v: 1, kind: 'hello', sender: 'o', role: 'overlay' });
    vi.advanceTimersByTime(1000);
    expect(sent.length).toBe(3);
    publisher.stop();
  });
});
