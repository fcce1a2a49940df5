/** Run-sheet builders for tests: a small valid show, patched per test. */
import { parseRunSheet, type RunSheet, type RunSheetInput } from '../../shared/runsheet';

export const baseSheet = (): RunSheetInput => ({
  format: 'flashcue.runsheet',
  version: 1,
  id: 'sheet-test',
  show: {
    title: 'Test show',
    currency: 'CNY',
    timeZone: 'Asia/Shanghai',
    durationSec: 30 * 60,
    livePriceFrom: 'firstOnAir',
  },
  products: [
    {
      id: 'buds',
      name: 'Wireless Earbuds',
      retailPrice: 29900,
      livePrice: 19900,
      flashPrice: 14900,
      stock: 100,
      flashSeconds: 60,
      talkingPoints: ['30 h battery'],
    },
    { id: 'mask', name: 'Hydrating Face Mask', retailPrice: 8900, livePrice: 5900, stock: 5 },
    { id: 'lamp', name: 'Desk Lamp', retailPrice: 15900, livePrice: 12900, stock: 20 },
  ],
  segments: [
    { id: 'open', kind: 'opening', durationSec: 120 },
    { id: 's-buds', kind: 'product', productId: 'buds', durationSec: 300 },
    {
      id: 'f-buds',
      kind: 'flash',
      productId: 'buds',
      durationSec: 120,
      price: 12900,
      dealSeconds: 90,
      quantity: 10,
    },
    { id: 's-mask', kind: 'product', productId: 'mask', durationSec: 240 },
    {
      id: 'poll',
      kind: 'engagement',
      activity: 'poll',
      label: 'Which colour next?',
      durationSec: 60,
    },
    { id: 'close', kind: 'closing', durationSec: 180 },
  ],
});

/** The base sheet with SKUs on the earbuds: seller SKU-BUDS, TikTok SKU id TT-1729. */
export const withSkus = (sheet: RunSheetInput) => {
  sheet.products[0]!.sku = 'SKU-BUDS';
  sheet.products[0]!.platformSkuIds = ['TT-1729'];
};

export function makeSheet(patch: (sheet: RunSheetInput) => void = () => {}): RunSheet {
  const input = baseSheet();
  patch(input);
  const parsed = parseRunSheet(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}
