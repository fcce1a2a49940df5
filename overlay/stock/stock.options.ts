/** URL options of the stock page. */
import { parseOptions, type CommonOptions, type Parse, type ParsedOptions } from '../lib/options';

import { DEFAULT_LOW_STOCK, type LowThreshold } from '../../shared/view/lowStock';

export interface StockOptions extends CommonOptions {
  low: LowThreshold;
}

/** `low=10` (units) or `low=20%` (of the starting stock). */
export const parseLow: Parse<LowThreshold> = (raw) => {
  const m = /^(\d{1,6})(%?)$/.exec(raw.trim());
  const n = m ? Number(m[1]) : NaN;
  if (m && m[2] === '%' && n >= 1 && n <= 100) return { value: { percent: n } };
  if (m && m[2] === '' && n >= 0) return { value: { units: n } };
  return { why: { code: 'low' } };
};

export function parseStockOptions(search: string | URLSearchParams): ParsedOptions<StockOptions> {
  return parseOptions(search, { position: 'center-right' }, (r) => ({
    low: r.get('low', DEFAULT_LOW_STOCK, parseLow),
  }));
}
