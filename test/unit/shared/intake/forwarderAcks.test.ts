/** The forwarder takes the primary's batched acks (`acks`) as well as single ones. */
import { describe, expect, test } from 'vitest';
import { createForwarder, type RelayLink } from '../../../../shared/intake/node/forwarder';
import { INTAKE_SENDER } from '../../../../shared/protocol/messages';

function fakeRelay() {
  const listeners = new Set<(m: unknown) => void>();
  const injected: Array<{ id: string; sender?: string }> = [];
  const relay: RelayLink = {
    inject: (m) => void injected.push(m as (typeof injected)[number]),
    listen: (l) => (listeners.add(l), () => void listeners.delete(l)),
  };
  const hear = (m: unknown) => listeners.forEach((l) => l(m));
  return { relay, injected, hear };
}

describe('forwarder', () => {
  test('one acks message answers every order it names; the others stay unanswered', async () => {
    const r = fakeRelay();
    const forwarder = createForwarder(r.relay, { ackTimeoutMs: 50 });
    const commands = ['1', '2', '3'].map((n) => ({
      id: `order:${n}`,
      command: 'sale' as const,
      args: { orderId: n },
      orderId: n,
    }));
    const outcomes = forwarder.forward(commands);
    expect(r.injected.map((m) => m.sender)).toEqual([INTAKE_SENDER, INTAKE_SENDER, INTAKE_SENDER]);
    r.hear({
      app: 'flashcue',
      v: 1,
      kind: 'acks',
      acks: [
        { id: 'order:1', ok: true, result: { seq: 7 } },
        { id: 'order:2', ok: false, error: 'The show has ended.' },
      ],
    });
    expect(await outcomes).toEqual([
      { orderId: '1', status: 'applied', seq: 7 },
      { orderId: '2', status: 'refused', message: 'The show has ended.' },
      expect.objectContaining({ orderId: '3', status: 'unanswered' }),
    ]);
    forwarder.stop();
  });
});
