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

/** The attributes a person meets without reading the page's text: tooltips, screen readers, hints. */
const SPOKEN_ATTRIBUTES = ['title', 'aria-label', 'placeholder', 'alt', 'aria-description'];

/**
 * The same scan over what is not text on the page: tooltips (`title`), names read by a screen
 * reader (`aria-label`, unless hidden from it), an empty field's hint (`placeholder`), an image's
 * `alt`. The area's
 * own attributes count; selects, datalists and `data-scan="skip"` parts are left out as above.
 */
export async function englishAttributeWords(area: Locator, data: string[]): Promise<string[]> {
  const values = await area.evaluate((node, names) => {
    const skip = 'select, datalist, [data-scan="skip"]';
    // A screen reader skips what is aria-hidden, and reads a role="img" by its own name only
    // (a chart: Plot's own names of its marks and ticks inside are never heard).
    const heard = (name: string, el: Element) =>
      name === 'title' ||
      name === 'placeholder' ||
      !(el.closest('[aria-hidden="true"]') || el.parentElement?.closest('[role="img"]'));
    return [node, ...node.querySelectorAll('*')]
      .filter((el) => !el.closest(skip))
      .flatMap((el) =>
        names
          .filter((name) => heard(name, el))
          .map((name) => el.getAttribute(name))
          .filter((v): v is string => !!v),
      );
  }, SPOKEN_ATTRIBUTES);
  const allowed = new Set(
    [...data.join(' ').matchAll(/[A-Za-z]+/g)]
      .map((m) => m[0].toLowerCase())
      .concat(['flashcue', 'obs', 'sku', 'csv', 'json', 'gmv', 'pinghuman', 'kb', 'ms', 'mb']),
  );
  return [...values.join(' ').matchAll(/[A-Za-z]{2,}/g)]
    .map((m) => m[0])
    .filter((w) => !allowed.has(w.toLowerCase()));
}
