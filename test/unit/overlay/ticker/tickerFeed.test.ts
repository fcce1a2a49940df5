import { describe, expect, it } from 'vitest';
import type { ReceivedView } from '../../../../shared/protocol/viewReceiver';
import type { OverlayView } from '../../../../shared/view/overlayView';
import { FADE_MS, burstText, tickerFeed } from '../../../../overlay/ticker/tickerFeed';
import { boughtWhat, buyerName } from '../../../../overlay/ticker/tickerLine';

type Sale = OverlayView['ticker']['recent'][number];

function received(
  recent: Sale[],
  receivedAt: number,
  phase: OverlayView['phase'] = 'live',
): ReceivedView {
  const view = {
    phase,
    ticker: { recent, unitsLastMinute: 0, unitsTotal: 0 },
  } as unknown as OverlayView;
  return { view, receivedAt, showId: 's' };
}

const sale = (id: number, agoMs: number, buyer: string | null = 'anna', quantity = 1): Sale => ({
  id,
  buyer,
  productName: 'Wireless Earbuds',
  quantity,
  agoMs,
});

const opts = { holdMs: 8_000, max: 3 };

describe('ticker hold and expiry', () => {
  it('holds each line for `hold` after its sale, counted from agoMs at arrival', () => {
    const r = received([sale(2, 1_000), sale(1, 5_000)], 10_000);
    const at = (now: number) => tickerFeed(r, now, opts);
    expect(at(10_000).value.map((e) => e.id)).toEqual([2, 1]);
    // Sale 1 happened at 5 000 (local), fades from 13 000, gone at 13 000 + FADE_MS.
    expect(at(10_000).nextAt).toBe(13_000);
    expect(at(13_000).value.find((e) => e.id === 1)?.leaving).toBe(true);
    expect(at(13_000).nextAt).toBe(13_000 + FADE_MS);
    expect(at(13_000 + FADE_MS).value.map((e) => e.id)).toEqual([2]);
    expect(at(13_000 + FADE_MS).nextAt).toBe(17_000);
    expect(at(17_000 + FADE_MS)).toEqual({ value: [], nextAt: null });
  });

  it('is the same at any clock offset: only receivedAt − agoMs matters', () => {
    for (const base of [0, 123.456, 9e8]) {
      const r = received([sale(1, 2_000)], base);
      expect(tickerFeed(r, base, opts).nextAt! - base).toBeCloseTo(6_000);
    }
  });

  it('a heartbeat with an older agoMs gives the same expiry', () => {
    const first = tickerFeed(received([sale(1, 2_000)], 50_000), 50_000, opts);
    const beat = tickerFeed(received([sale(1, 3_000)], 51_000), 51_000, opts);
    expect(beat.value[0]!.expiresAt).toBe(first.value[0]!.expiresAt);
  });

  it('shows at most `max`, newest first, whatever order they arrive in', () => {
    const r = received([sale(1, 4_000), sale(4, 100), sale(3, 1_000), sale(2, 2_000)], 0);
    expect(tickerFeed(r, 0, opts).value.map((e) => e.id)).toEqual([4, 3, 2]);
  });

  it('skips lines already past their hold when the page starts late', () => {
    const r = received([sale(2, 1_000), sale(1, 60_000)], 0);
    expect(tickerFeed(r, 0, opts).value.map((e) => e.id)).toEqual([2]);
  });

  it('shows nothing before or after the show', () => {
    expect(tickerFeed(received([sale(1, 0)], 0, 'ended'), 0, opts).value).toEqual([]);
    expect(tickerFeed(null, 0, opts)).toEqual({ value: [], nextAt: null });
  });
});

describe('ticker wording', () => {
  it('names the buyer as a handle, a name as typed, or Someone', () => {
    expect(buyerName('anna')).toBe('@anna');
    expect(buyerName('@anna')).toBe('@anna');
    expect(buyerName('Marco Rossi')).toBe('Marco Rossi');
    expect(buyerName(null)).toBe('Someone');
    expect(buyerName('  ')).toBe('Someone');
  });

  it('counts units when more than one', () => {
    expect(boughtWhat(1, 'Earbuds')).toBe('Earbuds');
    expect(boughtWhat(3, 'Earbuds')).toBe('3 × Earbuds');
  });

  it('shows the burst line from minBurst units, never when minBurst is 0', () => {
    expect(burstText(23, 5)).toBe('23 sold in the last minute');
    expect(burstText(4, 5)).toBeNull();
    expect(burstText(5, 5)).toBe('5 sold in the last minute');
    expect(burstText(500, 0)).toBeNull();
  });
});
