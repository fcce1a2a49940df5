/**
 * Column names people give product lists (TikTok Shop exports, spreadsheets, the seeds' task
 * fields), matched ignoring case, spaces and punctuation, and the spreadsheet formula escape
 * the exporter adds and the importer takes off again.
 */

export type Field =
  | 'id'
  | 'name'
  | 'sku'
  | 'platformSkuIds'
  | 'category'
  | 'retail'
  | 'live'
  | 'flash'
  | 'stock'
  | 'flashSeconds'
  | 'flashMinutes'
  | 'flashQuantity'
  | 'image'
  | 'talkingPoints';

const ALIASES: Record<Field, string[]> = {
  id: ['id', 'productid', 'itemid', 'productcode', 'itemcode', '商品id'],
  name: [
    'name',
    'product',
    'productname',
    'title',
    'item',
    'itemname',
    'producttitle',
    '商品',
    '商品名称',
    '名称',
  ],
  sku: ['sku', 'skucode', 'skuid', 'sellersku'],
  platformSkuIds: ['platformskuids', 'platformskuid', 'platformskus', 'tiktokskuids'],
  category: ['category', 'cat', 'productcategory', '类目', '分类'],
  retail: [
    'retail',
    'retailprice',
    'originalprice',
    'rrp',
    'msrp',
    'listprice',
    'regularprice',
    'compareatprice',
    '原价',
    '零售价',
  ],
  live: [
    'live',
    'liveprice',
    'livediscountprice',
    'price',
    'saleprice',
    'discountprice',
    'livedealprice',
    '直播价',
    '现价',
    '价格',
    '售价',
  ],
  flash: ['flash', 'flashprice', 'flashsaleprice', 'dealprice', '秒杀价'],
  stock: [
    'stock',
    'qty',
    'quantity',
    'stockquantity',
    'inventory',
    'units',
    'stocklevel',
    'available',
    '库存',
  ],
  flashSeconds: [
    'flashseconds',
    'flashsec',
    'flashsecs',
    'flashduration',
    'flashdurationseconds',
    'flashsaledurationseconds',
    'flashsaleseconds',
    'dealseconds',
  ],
  flashMinutes: [
    'flashminutes',
    'flashmin',
    'flashmins',
    'flashdurationminutes',
    'flashdurationmin',
    'flashsaledurationminutes',
    'flashsaleminutes',
    'dealminutes',
  ],
  flashQuantity: [
    'flashquantity',
    'flashqty',
    'flashcap',
    'cap',
    'flashlimit',
    'flashstock',
    'dealquantity',
    'flashunits',
  ],
  image: [
    'image',
    'imageurl',
    'img',
    'picture',
    'photo',
    'imagelink',
    'pictureurl',
    'mainimage',
    '图片',
  ],
  talkingPoints: [
    'talkingpoints',
    'talkingpoint',
    'sellingpoints',
    'points',
    'bullets',
    'notes',
    'keypoints',
    '卖点',
  ],
};

const BY_ALIAS = new Map<string, Field>();
for (const [field, aliases] of Object.entries(ALIASES) as Array<[Field, string[]]>) {
  for (const alias of aliases) BY_ALIAS.set(alias, field);
}

const normalize = (header: string) => header.toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');

/** The field a header names, trying "Price (CNY)" as "Price" if the whole does not match. */
export function fieldOf(header: string): Field | undefined {
  return (
    BY_ALIAS.get(normalize(header)) ??
    BY_ALIAS.get(normalize(header.replace(/\([^)]*\)|\[[^\]]*\]/g, '')))
  );
}

export interface ColumnMap {
  /** Column index of each field found. */
  index: Partial<Record<Field, number>>;
  /** The header as written, for error paths a spreadsheet user recognises. */
  header: Partial<Record<Field, string>>;
  unknown: string[];
  duplicate: string[];
}

export function mapColumns(headers: readonly string[]): ColumnMap {
  const map: ColumnMap = { index: {}, header: {}, unknown: [], duplicate: [] };
  headers.forEach((raw, i) => {
    const header = raw.trim();
    if (!header) return;
    const field = fieldOf(header);
    if (!field) map.unknown.push(header);
    else if (map.index[field] !== undefined) map.duplicate.push(header);
    else {
      map.index[field] = i;
      map.header[field] = header;
    }
  });
  return map;
}

/**
 * A spreadsheet runs a cell starting with one of these as a formula (OWASP CSV injection).
 * Leading apostrophes count too, so a value that really starts with "'=" survives a round trip.
 */
export const FORMULA_START = /^'*[=+\-@\t\r]/;

/** Undoes the exporter's escape: one leading ' before a formula trigger. */
export function unescapeFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell.slice(1)) ? cell.slice(1) : cell;
}

/** Delimiter from the header line (outside quotes): the most frequent of , ; tab. */
export function detectDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  let seenContent = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (seenContent) break;
    } else if (!quoted && c in counts) counts[c as keyof typeof counts]++;
    if (c.trim()) seenContent = true;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
