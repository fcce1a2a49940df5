/**
 * Issue 16 "Done when" — "the same in Spanish, Thai and Japanese": every overlay page in es, th
 * and ja shows none of our English words (111 checks their chosen labels on the composite page;
 * 101 scans every page for Latin in zh-CN only). Spanish is written in Latin letters too, so a
 * word counts as English when our English catalogue has it and the language's own does not.
 */
import { expect, test } from '@playwright/test';
import en from '../../messages/en.json' with { type: 'json' };
import es from '../../messages/es.json' with { type: 'json' };
import ja from '../../messages/ja.json' with { type: 'json' };
import th from '../../messages/th.json' with { type: 'json' };
import { openOverlay, settleEntrances } from './fixtures/overlay/harness';
import { ourText } from './fixtures/overlay/languageChecks';
import { SELLERS, localView } from './fixtures/overlay/localViews';

const PAGES = ['all', 'lower-third', 'countdown', 'stock', 'ticker', 'next-up'] as const;
const CATALOGUES = { es, th, ja } as const;

/** Every word (2+ Latin letters, lower-cased) of a catalogue's phrases, plural forms included. */
function wordsOf(catalogue: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string')
      for (const w of v.matchAll(/[A-Za-z]{2,}/g)) out.add(w[0].toLowerCase());
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(Object.fromEntries(Object.entries(catalogue as object).filter(([k]) => k !== '$schema')));
  return out;
}

for (const lang of ['es', 'th', 'ja'] as const) {
  test(`${lang}: no English word of ours on any overlay page`, async ({ context, page }) => {
    const theirs = wordsOf(CATALOGUES[lang]);
    const english = [...wordsOf(en)].filter((w) => !theirs.has(w));
    expect(english.length).toBeGreaterThan(20);
    const { publisher, errors } = await openOverlay(context, page, 'all', `?lang=${lang}`);
    await publisher.send(localView(SELLERS[lang]));
    const found: Record<string, string[]> = {};
    for (const name of PAGES) {
      // Each page asks for the view with its hello; the publisher answers with the last one.
      await page.goto(`/overlay/${name}.html?lang=${lang}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.locator('.fc-card').first()).toBeVisible();
      await settleEntrances(page);
      const text = await ourText(page, SELLERS[lang]);
      expect(text.trim(), name).not.toBe('');
      const latin = [...text.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]);
      // Thai and Japanese: no Latin word at all but the yuan's CLDR sign (CN¥) or code.
      const ours =
        lang === 'es'
          ? latin.filter((w) => english.includes(w.toLowerCase()))
          : latin.filter((w) => !['CN', 'CNY'].includes(w));
      if (ours.length) found[name] = ours;
    }
    expect(found).toEqual({});
    expect(errors).toEqual([]);
  });
}
