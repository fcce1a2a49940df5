// Which on-air words each overlay page's strings chunk carries, and the message cut down to
// one language: the build's choices, checked on the real sources and Paraglide's output.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fixLocale } from '../../../../shared/i18n/onAirBuild';
import { lazyOnAirKeysOf, onAirKeysOf } from '../../../../shared/i18n/onAirKeys';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const messages = `${root}shared/i18n/paraglide/messages/`;
const ALL = readdirSync(messages)
  .filter((f) => /^ov_\w+\.js$/.test(f))
  .map((f) => f.slice(0, -3));
const keysOf = (file: string) => onAirKeysOf(`${root}${file}`, ALL);

describe('onAirKeysOf: the words a page can show', () => {
  it('the composite page: the cards it draws at start, not the poll, the room, the error box, nor its lazy cards', () => {
    const keys = keysOf('overlay/all/main.ts');
    for (const key of [
      'ov_sold_out',
      'ov_sold_out_in_s',
      'ov_sold_last_minute',
      'ov_deal_ends_in',
      'ov_coming_up',
      'ov_stock_only_left',
      'ov_cta_default',
      'ov_note_obs_fragment',
    ])
      expect(keys).toContain(key);
    for (const key of [
      'ov_just_bought',
      'ov_top_sellers',
      'ov_poll_votes',
      'ov_giveaway',
      'ov_thanks_gift',
      'ov_opt_flag',
      'ov_error_title',
    ])
      expect(keys).not.toContain(key);
  });

  it('the composite page’s lazy cards bring the words only they say (buyer lines, recap)', () => {
    const lazy = lazyOnAirKeysOf(`${root}overlay/all/main.ts`, ALL);
    expect(lazy).toEqual(
      expect.arrayContaining(['ov_just_bought', 'ov_someone', 'ov_top_sellers', 'ov_last_call']),
    );
    // What the page says already, and the error box's words, are not fetched twice.
    for (const key of ['ov_sold_out', 'ov_sold_last_minute', 'ov_opt_flag', 'ov_error_title'])
      expect(lazy).not.toContain(key);
    expect(lazyOnAirKeysOf(`${root}overlay/lower-third/main.ts`, ALL)).toEqual([]);
  });

  it('the poll page has the poll and giveaway words; the ticker has the room thanks', () => {
    expect(keysOf('overlay/poll/main.ts')).toEqual(
      expect.arrayContaining(['ov_poll_votes', 'ov_poll_tie', 'ov_giveaway_entrants', 'ov_winner']),
    );
    expect(keysOf('overlay/ticker/main.ts')).toEqual(
      expect.arrayContaining(['ov_thanks_gift', 'ov_thanks_follow', 'ov_thanks_share']),
    );
    expect(keysOf('overlay/lower-third/main.ts')).not.toContain('ov_just_bought');
  });

  it('the error box: its title, hint and every option problem', () => {
    const keys = keysOf('overlay/lib/ErrorBox.svelte');
    expect(keys).toEqual(
      expect.arrayContaining(['ov_error_title', 'ov_error_hint', 'ov_opt_flag', 'ov_opt_unknown']),
    );
    expect(keys.filter((k) => k.startsWith('ov_opt_'))).toHaveLength(
      ALL.filter((k) => k.startsWith('ov_opt_')).length,
    );
  });

  it('every key a page can show is in some page, its lazy cards or the error box', () => {
    const pages = readdirSync(`${root}overlay`).filter((d) => !/\W/.test(d) && d !== 'lib');
    const shown = new Set([
      ...pages.flatMap((p) => keysOf(`overlay/${p}/main.ts`)),
      ...lazyOnAirKeysOf(`${root}overlay/all/main.ts`, ALL),
      ...keysOf('overlay/lib/ErrorBox.svelte'),
    ]);
    expect(ALL.filter((k) => !shown.has(k))).toEqual([]);
  });
});

describe('fixLocale: one message in one language', () => {
  const code = (key: string) => readFileSync(`${messages}${key}.js`, 'utf8');
  const load = async (key: string, locale: string) => {
    const fixed = fixLocale(code(key), key, locale, 'en', `${root}shared/i18n/locale.ts`);
    const url = `data:text/javascript,${encodeURIComponent(
      fixed
        .replace(/^import .*runtime\.js['"];?$/m, '')
        .replace(/^import \* as registry from .*$/m, '')
        .replace(
          /^/,
          'const registry = { plural: (l, n) => new Intl.PluralRules(l).select(Number(n)) };\n',
        ),
    )}`;
    return ((await import(/* @vite-ignore */ url)) as Record<string, (i: object) => string>)[key]!;
  };

  it('exports that language’s function itself, plural forms included', async () => {
    expect((await load('ov_stock_only_left', 'zh-CN'))({ count: 3 })).toBe('仅剩 3 件');
    expect((await load('ov_stock_only_left', 'es'))({ count: 1 })).toBe('Solo queda 1');
    expect((await load('ov_stock_only_left', 'es'))({ count: 2 })).toBe('Solo quedan 2');
    expect((await load('ov_stock_only_left', 'en'))({ count: 2 })).toBe('Only 2 left');
  });

  it('takes the plural rule from the page (locale.ts), marked pure', () => {
    const fixed = fixLocale(code('ov_stock_left'), 'ov_stock_left', 'th', 'en', '/x/locale.ts');
    expect(fixed).toContain('import * as registry from "/x/locale.ts"');
    expect(fixed).not.toContain('../registry.js');
    expect(fixed).toContain('/* @__PURE__ */ registry.plural(');
    // Paraglide's runtime served only the lookup: importing it would fetch it as a chunk.
    expect(code('ov_stock_left')).toContain("from '../runtime.js'");
    expect(fixed).not.toMatch(/^import .*runtime\.js/m);
    expect(fixed.trimEnd().split('\n').at(-1)).toBe(
      'export const ov_stock_left = th_ov_stock_left;',
    );
  });

  it('fails the build loudly when Paraglide’s output changes shape', () => {
    expect(() => fixLocale('export const ov_x = () => 1', 'ov_x', 'th', 'en', '/x')).toThrow(
      /Paraglide changed/,
    );
  });
});
