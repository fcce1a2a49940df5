/**
 * How a template becomes a run sheet: products written in whole yuan, a launch discount in
 * percent, the segment plan generated as for an imported PingHuman plan, and the result
 * checked like any imported sheet.
 */
import { slugify } from '../import/ids';
import { generateSegments } from '../import/plan';
import { discounted } from '../import/pinghumanValues';
import { describeErrors } from '../validation';
import { parseRunSheet } from './index';
import {
  RUNSHEET_FORMAT,
  RUNSHEET_VERSION,
  type Commission,
  type Product,
  type RunSheet,
  type ShowDetails,
} from './schema';

export const yuan = (major: number) => Math.round(major * 100);

/** A template product as written: prices in yuan. */
export interface Item {
  name: string;
  retail: number;
  live?: number;
  /** Launch discount in percent, when the live price is "30% off". */
  off?: number;
  flash?: number;
  stock: number;
  flashSeconds?: number;
  flashQuantity?: number;
  category: string;
  points: string[];
}

function product(item: Item): Product {
  const retailPrice = yuan(item.retail);
  return {
    id: slugify(item.name),
    name: item.name,
    category: item.category,
    retailPrice,
    livePrice:
      item.off !== undefined
        ? discounted(retailPrice, item.off * 100)
        : yuan(item.live ?? item.retail),
    ...(item.flash !== undefined ? { flashPrice: yuan(item.flash) } : {}),
    stock: item.stock,
    ...(item.flashSeconds ? { flashSeconds: item.flashSeconds } : {}),
    ...(item.flashQuantity ? { flashQuantity: item.flashQuantity } : {}),
    talkingPoints: item.points,
  };
}

export const gmv = (thresholdYuan: number, amountYuan: number) => ({
  threshold: yuan(thresholdYuan),
  amount: yuan(amountYuan),
  label: `${thresholdYuan / 1000}k GMV`,
});

export function sheet(
  id: string,
  show: Omit<ShowDetails, 'timeZone' | 'livePriceFrom'>,
  items: Item[],
  commission: Commission,
): RunSheet {
  const products = items.map(product);
  const plan = generateSegments(products, {
    durationSec: show.durationSec,
    ...(show.format ? { format: show.format } : {}),
  });
  const parsed = parseRunSheet({
    format: RUNSHEET_FORMAT,
    version: RUNSHEET_VERSION,
    id,
    show: { ...show, timeZone: 'Asia/Shanghai', commission },
    products,
    segments: plan.segments,
  });
  // A template is code we ship: an invalid one is our bug, caught by the template tests.
  if (!parsed.ok) throw new Error(`Template ${id} is invalid:\n${describeErrors(parsed.errors)}`);
  return parsed.value;
}
