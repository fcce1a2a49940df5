/**
 * The run sheet's fields by the names the editor gives them, in the controller's language:
 * where an error is (the editor's summary, the import report) reads as the form does.
 */
import * as m from './paraglide/messages.js';
import { getLocale, type Locale } from './paraglide/runtime.js';

type Label = (params?: Record<string, never>, options?: { locale?: Locale }) => string;

const LABELS: Record<string, Label> = {
  title: m.field_title,
  scheduledStart: m.field_scheduled_start,
  timeZone: m.field_time_zone,
  currency: m.field_currency,
  durationSec: m.field_length,
  expectedViewers: m.field_expected_viewers,
  targetGmv: m.field_target_gmv,
  format: m.field_format,
  version: m.field_version,
  livePriceFrom: m.field_live_price_from,
  notes: m.field_notes,
  commission: m.field_commission,
  basePayment: m.field_base_payment,
  commissionRate: m.field_commission_rate,
  gmvBonuses: m.field_gmv_bonus,
  viewerBonuses: m.field_viewer_bonus,
  otherBonuses: m.field_other_bonus,
  threshold: m.field_threshold,
  amount: m.field_amount,
  label: m.field_label,
  metric: m.field_metric,
  note: m.field_note,
  id: m.field_id,
  name: m.field_name,
  sku: m.field_sku,
  platformSkuIds: m.field_platform_skus,
  category: m.field_category,
  retailPrice: m.field_retail_price,
  livePrice: m.field_live_price,
  flashPrice: m.field_flash_price,
  stock: m.field_stock,
  flashSeconds: m.field_flash_length,
  flashQuantity: m.field_flash_cap,
  image: m.field_image,
  talkingPoints: m.field_talking_points,
  kind: m.field_kind,
  productId: m.field_product,
  price: m.field_deal_price,
  dealSeconds: m.field_deal_length,
  quantity: m.field_deal_cap,
  activity: m.field_activity,
  products: m.field_products,
  segments: m.field_segments,
};

/** A field's label; a field this table does not name is shown by its key. */
export function fieldLabel(key: string, locale: Locale = getLocale()): string {
  return LABELS[key]?.({}, { locale }) ?? key;
}
