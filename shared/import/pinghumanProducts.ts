/**
 * The products of a PingHuman task (pinghuman.ts reads the rest): each one read at its own
 * task path, ids made unique, a missing stock filled with the placeholder and said so.
 */
import type { Product } from '../runsheet/schema';
import { IdAllocator } from './ids';
import { PLACEHOLDER_STOCK } from './outcome';
import { Reader, discounted, isObj, type Obj } from './pinghumanValues';

const MAX_PRODUCTS = 500;

export function defined<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

export function readProducts(
  r: Reader,
  details: Obj,
  at: (key: string) => string,
  sources: Map<string, string>,
): Product[] {
  const list = details.products;
  const declared = r.count(details.products_count, at('products_count'));
  const products: Product[] = [];
  if (list !== undefined && !Array.isArray(list)) {
    r.fail(at('products'), 'must be a list of products', 'ph_products_list');
    return products;
  }
  if (!Array.isArray(list) || list.length === 0) {
    if (declared === undefined || declared === 0) {
      const message = 'no products given: add them in the editor before the show';
      r.warn(at('products'), message, 'ph_no_products');
      return products;
    }
    if (declared > MAX_PRODUCTS)
      return (
        r.fail(
          at('products_count'),
          `is ${declared}: at most ${MAX_PRODUCTS} products per show`,
          'ph_too_many',
          { declared, max: MAX_PRODUCTS },
        ),
        products
      );
    r.warn(
      at('products_count'),
      `is ${declared} but there is no product list: created ${declared} placeholder products ("Product 1"…) with price 0 and stock ${PLACEHOLDER_STOCK}. Fill in names, prices and stock before the show`,
      'ph_placeholders',
      { declared, stock: PLACEHOLDER_STOCK },
    );
    for (let n = 1; n <= declared; n++) {
      products.push({
        id: `product-${n}`,
        name: `Product ${n}`,
        retailPrice: 0,
        livePrice: 0,
        stock: PLACEHOLDER_STOCK,
        talkingPoints: [],
      });
    }
    return products;
  }
  if (declared !== undefined && declared !== list.length) {
    r.warn(
      at('products_count'),
      `says ${declared}, but the list has ${list.length} products: the list is used`,
      'ph_count_mismatch',
      { declared, listed: list.length },
    );
  }
  const ids = new IdAllocator();
  for (const item of list)
    if (isObj(item) && typeof item.product_id === 'string') ids.reserve(item.product_id);
  list.forEach((item, i) => {
    const path = `${at('products')}[${i}]`;
    if (!isObj(item))
      return void r.fail(path, 'must be an object with name and retail_price', 'ph_product_object');
    const name = r.text(item.name, `${path}.name`) ?? '';
    const rawId = item.product_id ?? item.id;
    const id =
      typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : ids.fromName(name);
    const retailKey = item.retail_price !== undefined ? 'retail_price' : 'price';
    const retail = r.money(item[retailKey], `${path}.${retailKey}`);
    if (retail === undefined && item[retailKey] === undefined)
      r.fail(
        `${path}.retail_price`,
        'is missing: every product needs a retail price',
        'ph_no_retail',
      );
    const liveKey = ['live_discount_price', 'live_price'].find((k) => item[k] !== undefined);
    const discountKey = ['launch_discount', 'live_discount', 'discount'].find(
      (k) => item[k] !== undefined,
    );
    let live = liveKey ? r.money(item[liveKey], `${path}.${liveKey}`) : undefined;
    if (!liveKey && discountKey && retail !== undefined) {
      const bp = r.discount(item[discountKey], `${path}.${discountKey}`);
      if (bp !== undefined) live = discounted(retail, bp);
    } else if (!liveKey && !discountKey && retail !== undefined) {
      live = retail;
      r.warn(
        `${path}.live_discount_price`,
        'is missing: the live price is set to the retail price (no discount). Set the live deal before the show',
        'ph_no_live',
      );
    }
    const stockKey = ['stock_quantity', 'stock', 'quantity'].find((k) => item[k] !== undefined);
    let stock = stockKey ? r.count(item[stockKey], `${path}.${stockKey}`) : undefined;
    if (!stockKey) {
      stock = PLACEHOLDER_STOCK;
      r.warn(
        `${path}.stock_quantity`,
        `is missing: set to ${PLACEHOLDER_STOCK} as a placeholder (0 would mean sold out). Enter the real stock before the show`,
        'ph_no_stock',
        { stock: PLACEHOLDER_STOCK },
      );
    }
    const flashMinutes = r.number(
      item.flash_sale_duration_minutes,
      `${path}.flash_sale_duration_minutes`,
    );
    const points = Array.isArray(item.talking_points)
      ? item.talking_points.map(String)
      : typeof item.talking_points === 'string'
        ? item.talking_points.split(/\||\r?\n/)
        : [];
    const k = products.length;
    const fields: Array<[string, string | undefined]> = [
      ['id', rawId === undefined ? 'name' : item.product_id !== undefined ? 'product_id' : 'id'],
      ['name', 'name'],
      ['retailPrice', retailKey],
      ['livePrice', liveKey ?? discountKey ?? retailKey],
      ['stock', stockKey ?? 'stock_quantity'],
      ['flashPrice', 'flash_sale_price'],
      ['flashSeconds', 'flash_sale_duration_minutes'],
      ['flashQuantity', 'flash_sale_quantity'],
      ['image', 'image_url'],
      ['category', 'category'],
      ['sku', 'sku'],
      ['talkingPoints', 'talking_points'],
    ];
    for (const [field, key] of fields) sources.set(`products[${k}].${field}`, `${path}.${key}`);
    sources.set(`products[${k}]`, path);
    products.push({
      id,
      name,
      ...defined('sku', r.text(item.sku, `${path}.sku`)),
      ...defined('category', r.text(item.category, `${path}.category`)),
      retailPrice: retail ?? 0,
      livePrice: live ?? 0,
      ...defined(
        'flashPrice',
        r.money(item.flash_sale_price ?? item.flash_price, `${path}.flash_sale_price`),
      ),
      stock: stock ?? 0,
      ...defined(
        'flashSeconds',
        flashMinutes === undefined ? undefined : Math.round(flashMinutes * 60),
      ),
      ...defined(
        'flashQuantity',
        r.count(item.flash_sale_quantity ?? item.flash_quantity, `${path}.flash_sale_quantity`),
      ),
      ...defined('image', r.text(item.image_url ?? item.image, `${path}.image_url`)),
      talkingPoints: points.map((p) => p.trim()).filter(Boolean),
    });
  });
  return products;
}
