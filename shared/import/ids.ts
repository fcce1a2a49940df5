/** Ids for imported things that came without one: readable, valid for the schema, unique. */

/**
 * "Vitamin C Serum (30ml)" → "vitamin-c-serum-30ml". A name mostly outside the Latin script
 * ("维生素C精华" would leave just "c") gets the fallback instead of a misleading fragment.
 */
export function slugify(text: string, fallback = 'product'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  const letters = text.match(/[\p{L}\p{N}]/gu)?.length ?? 0;
  return slug && slug.replace(/-/g, '').length * 2 >= letters ? slug : fallback;
}

/** Hands out ids, never one already taken (by the file or by an earlier generated id). */
export class IdAllocator {
  private readonly taken = new Set<string>();

  reserve(id: string): void {
    this.taken.add(id);
  }

  has(id: string): boolean {
    return this.taken.has(id);
  }

  /** The slug of `name`, with -2, -3… appended when needed. */
  fromName(name: string, fallback = 'product'): string {
    const base = slugify(name, fallback);
    let id = base;
    for (let n = 2; this.taken.has(id); n++) id = `${base}-${n}`;
    this.taken.add(id);
    return id;
  }
}
