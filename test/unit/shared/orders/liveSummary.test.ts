import { describe, expect, it } from 'vitest';
import { parseLiveSummary, readDuration } from '../../../../shared/orders/liveSummary';

describe('the platform’s LIVE summary, pasted', () => {
  it('reads labels and values in any order, on one line or the next', () => {
    const text =
      'GMV: ¥2,154.00\nSKU orders\t17\nCustomers 9\nViewers  1.2K\nUnique viewers: 140\nAvg. watch time: 1m 23s\nProduct clicks\n310\nFollowers gained: 12';
    expect(parseLiveSummary(text, 'CNY')).toEqual({
      summary: {
        gmv: 215400,
        skuOrders: 17,
        customers: 9,
        viewers: 1200,
        uniqueViewers: 140,
        avgWatchSeconds: 83,
        productClicks: 310,
      },
      errors: [],
      unread: ['Followers gained: 12'],
    });
  });

  it('says what it could not read', () => {
    expect(parseLiveSummary('Unique viewers: lots', 'CNY').errors).toEqual([
      'Unique viewers "lots" is not a number',
    ]);
    expect(readDuration('0:01:23')).toBe(83);
    expect(readDuration('soon')).toMatch(/not a duration/);
  });
});
