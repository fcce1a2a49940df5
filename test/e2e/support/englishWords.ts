import type { Locator } from '@playwright/test';

/**
 * Latin words a part of a page shows that are not the seller's own data (product names,
 * talking points, segment titles, the show title) nor a unit, format or brand we keep in every
 * language. Selects are left out: their options are the time zones and currency codes of the
 * world (the option labels of ours are checked where they are shown as text).
 */
export async function englishWords(area: Locator, data: string[]): Promise<string[]> {
  const text = await area.evaluate((node) => {
    const copy = node.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('select, datalist, [data-scan="skip"]').forEach((n) => n.remove());
    document.body.append(copy);
    const seen = copy.innerText;
    copy.remove();
    return seen;
  });
  const allowed = new Set(
    [...data.join(' ').matchAll(/[A-Za-z]+/g)]
      .map((m) => m[0].toLowerCase())
      .concat(['flashcue', 'obs', 'sku', 'csv', 'json', 'gmv', 'pinghuman', 'kb', 'ms', 'mb']),
  );
  return [...text.matchAll(/[A-Za-z]{2,}/g)]
    .map((m) => m[0])
    .filter((w) => !allowed.has(w.toLowerCase()));
}
