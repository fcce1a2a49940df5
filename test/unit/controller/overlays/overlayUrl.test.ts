import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllOptions } from '../../../../overlay/all/all.options';
import {
  COUNTDOWN_MODES,
  parseCountdownOptions,
} from '../../../../overlay/countdown/countdown.options';
import {
  CARD_STYLES,
  LAYOUTS,
  POSITIONS,
  THEMES,
  type ParsedOptions,
} from '../../../../overlay/lib/options';
import { parseCardsOptions } from '../../../../overlay/cards/cards.options';
import { POLL_SHOWS, parsePollOptions } from '../../../../overlay/poll/poll.options';
import { FONT_KEYS } from '../../../../overlay/lib/fonts';
import {
  CURRENCY_DISPLAYS,
  DECIMALS,
  DEFAULT_CTA,
  parseLowerThirdOptions,
} from '../../../../overlay/lower-third/lower-third.options';
import { locales } from '../../../../shared/i18n/locale';
import { parseNextUpOptions } from '../../../../overlay/next-up/next-up.options';
import { parseStockOptions } from '../../../../overlay/stock/stock.options';
import { parseTickerOptions } from '../../../../overlay/ticker/ticker.options';
import {
  CARD_NAMES,
  DEFAULT_THEME,
  OVERLAY_NAMES,
  checkField,
  readTheme,
  type OverlayName,
  type OverlayTheme,
} from '../../../../controller/overlays/overlayTheme';
import {
  overlayQuery,
  overlaySources,
  overlayUrl,
  sourceSize,
} from '../../../../controller/overlays/overlayUrl';

const PARSERS: Record<OverlayName, (search: string) => ParsedOptions<object>> = {
  'lower-third': parseLowerThirdOptions,
  countdown: parseCountdownOptions,
  stock: parseStockOptions,
  ticker: parseTickerOptions,
  'next-up': parseNextUpOptions,
  all: parseAllOptions,
  cards: parseCardsOptions,
  poll: parsePollOptions,
};

const ORIGIN = 'http://localhost:5173';

/** What a page should read back from the URL built for `theme`. */
function expected(name: OverlayName, t: OverlayTheme): Record<string, unknown> {
  const common = {
    layout: t.layout,
    theme: t.theme,
    accent: t.accent,
    font: t.font,
    style: t.style,
    position: name === 'all' ? 'bottom-left' : t.positions[name],
    scale: t.scale,
    safe: t.safe,
    mask: false,
    still: false,
    transport: 'auto',
    lang: t.lang,
  };
  // The English default call to action stays out of the URL: each language says its own.
  const cta = t.cta === DEFAULT_CTA ? null : t.cta;
  const prices = { currencyDisplay: t.currencyDisplay, decimals: t.decimals };
  const cards = {
    cta,
    ...prices,
    mode: t.mode,
    urgent: t.urgent,
    teaser: t.teaser,
    low: t.low,
    max: t.max,
    hold: t.hold,
    minBurst: t.minBurst,
    soon: t.soon,
    soldHold: t.soldHold,
  };
  switch (name) {
    case 'lower-third':
      return { ...common, cta, ...prices };
    case 'countdown':
      return {
        ...common,
        mode: t.mode,
        urgent: t.urgent,
        label: t.countdownLabel,
        teaser: t.teaser,
      };
    case 'stock':
      return { ...common, low: t.low };
    case 'ticker':
      return { ...common, max: t.max, hold: t.hold, minBurst: t.minBurst };
    case 'next-up':
      return { ...common, soon: t.soon, label: t.nextUpLabel };
    case 'all':
      return { ...common, ...cards };
    case 'cards':
      return { ...common, soldHold: t.soldHold, soldOut: t.soldOut, recap: t.recap };
    case 'poll':
      return { ...common, show: t.pollShow };
  }
}

function parse(url: string, name: OverlayName) {
  const parsed = PARSERS[name](new URL(url).search);
  if (!parsed.ok) throw new Error(`${url}: ${JSON.stringify(parsed.errors)}`);
  return parsed.options;
}

const with_ = (patch: Partial<OverlayTheme>): OverlayTheme => ({ ...DEFAULT_THEME, ...patch });
const params = (name: OverlayName, theme: OverlayTheme) =>
  Object.fromEntries(new URLSearchParams(overlayQuery(name, theme)));

describe('overlay URLs with the default theme', () => {
  it('are the bare page addresses on this origin', () => {
    for (const name of OVERLAY_NAMES) {
      expect(overlayUrl(ORIGIN, name, DEFAULT_THEME)).toBe(`${ORIGIN}/overlay/${name}.html`);
    }
    expect(overlayUrl(`${ORIGIN}/`, 'all', DEFAULT_THEME)).toBe(`${ORIGIN}/overlay/all.html`);
  });

  it('agree with every page parser’s own defaults (so omitting them changes nothing)', () => {
    for (const name of OVERLAY_NAMES) {
      expect(PARSERS[name]('')).toEqual({ ok: true, options: expected(name, DEFAULT_THEME) });
    }
  });

  it('keep the safe zone implicit when it follows the canvas (on in 9:16, off in 16:9)', () => {
    expect(params('stock', with_({ layout: 'portrait', safe: true }))).toEqual({
      layout: 'portrait',
    });
    expect(params('stock', with_({ layout: 'portrait', safe: false }))).toEqual({
      layout: 'portrait',
      safe: '0',
    });
    expect(params('stock', with_({ layout: 'landscape', safe: true }))).toEqual({ safe: '1' });
  });
});

describe('every option is encoded where its page reads it', () => {
  const cases: Array<
    [string, Partial<OverlayTheme>, Partial<Record<OverlayName, Record<string, string>>>]
  > = [
    [
      'layout',
      { layout: 'portrait', safe: true },
      Object.fromEntries(OVERLAY_NAMES.map((n) => [n, { layout: 'portrait' }])),
    ],
    [
      'theme',
      { theme: 'light' },
      Object.fromEntries(OVERLAY_NAMES.map((n) => [n, { theme: 'light' }])),
    ],
    [
      'accent',
      { accent: '#00e0a4' },
      Object.fromEntries(OVERLAY_NAMES.map((n) => [n, { accent: '00e0a4' }])),
    ],
    [
      'font',
      { font: 'condensed' },
      Object.fromEntries(OVERLAY_NAMES.map((n) => [n, { font: 'condensed' }])),
    ],
    [
      'style',
      { style: 'glass' },
      Object.fromEntries(OVERLAY_NAMES.map((n) => [n, { style: 'glass' }])),
    ],
    [
      'scale',
      { scale: 1.25 },
      Object.fromEntries(OVERLAY_NAMES.map((n) => [n, { scale: '1.25' }])),
    ],
    ['safe', { safe: true }, Object.fromEntries(OVERLAY_NAMES.map((n) => [n, { safe: '1' }]))],
    [
      'position',
      { positions: { ...DEFAULT_THEME.positions, ticker: 'bottom-center' } },
      { ticker: { position: 'bottom-center' }, all: {}, stock: {} },
    ],
    [
      'position of the edges',
      { positions: { ...DEFAULT_THEME.positions, cards: 'bottom-center', poll: 'top-left' } },
      { cards: { position: 'bottom-center' }, poll: { position: 'top-left' }, all: {} },
    ],
    [
      'cta',
      { cta: 'Link in bio' },
      { 'lower-third': { cta: 'Link in bio' }, all: { cta: 'Link in bio' }, countdown: {} },
    ],
    ['cta hidden', { cta: '' }, { 'lower-third': { cta: '' }, all: { cta: '' } }],
    ['mode', { mode: 'slot' }, { countdown: { mode: 'slot' }, all: { mode: 'slot' }, ticker: {} }],
    ['urgent', { urgent: 30 }, { countdown: { urgent: '30' }, all: { urgent: '30' } }],
    [
      'countdown label',
      { countdownLabel: 'Ends in' },
      { countdown: { label: 'Ends in' }, all: {}, 'next-up': {} },
    ],
    ['countdown label hidden', { countdownLabel: '' }, { countdown: { label: '' } }],
    ['low units', { low: { units: 3 } }, { stock: { low: '3' }, all: { low: '3' }, ticker: {} }],
    ['low percent', { low: { percent: 20 } }, { stock: { low: '20%' }, all: { low: '20%' } }],
    ['max', { max: 5 }, { ticker: { max: '5' }, all: { max: '5' }, stock: {} }],
    ['hold', { hold: 12.5 }, { ticker: { hold: '12.5' }, all: { hold: '12.5' } }],
    ['minBurst', { minBurst: 0 }, { ticker: { minBurst: '0' }, all: { minBurst: '0' } }],
    ['soon', { soon: 30 }, { 'next-up': { soon: '30' }, all: { soon: '30' }, countdown: {} }],
    [
      'teaser (countdown card, start mode)',
      { mode: 'start', teaser: false },
      {
        countdown: { mode: 'start', teaser: '0' },
        all: { mode: 'start', teaser: '0' },
        cards: {},
      },
    ],
    [
      'soldHold (cards card)',
      { soldHold: 12 },
      { cards: { soldHold: '12' }, all: { soldHold: '12' }, countdown: {}, poll: {} },
    ],
    ['SOLD OUT card off', { soldOut: false }, { cards: { soldOut: '0' }, all: {} }],
    ['recap off', { recap: false }, { cards: { recap: '0' }, all: {} }],
    ['poll shows', { pollShow: 'giveaway' }, { poll: { show: 'giveaway' }, all: {}, cards: {} }],
    [
      'next-up label',
      { nextUpLabel: 'Then' },
      { 'next-up': { label: 'Then' }, all: {}, countdown: {} },
    ],
  ];
  for (const [what, patch, byPage] of cases) {
    it(what, () => {
      const theme = with_(patch);
      for (const [name, want] of Object.entries(byPage) as Array<
        [OverlayName, Record<string, string>]
      >) {
        expect(params(name, theme), name).toEqual(want);
        expect(parse(overlayUrl(ORIGIN, name, theme), name)).toEqual(expected(name, theme));
      }
    });
  }

  it('writes the percent sign escaped, as the stock page documents (low=20%25)', () => {
    expect(overlayUrl(ORIGIN, 'stock', with_({ low: { percent: 20 } }))).toBe(
      `${ORIGIN}/overlay/stock.html?low=20%25`,
    );
  });

  it('adds mask=1 only when a preview asks for it', () => {
    expect(overlayQuery('all', DEFAULT_THEME, { mask: true })).toBe('mask=1');
    expect(parse(overlayUrl(ORIGIN, 'all', DEFAULT_THEME, { mask: true }), 'all')).toMatchObject({
      mask: true,
    });
  });
});

const text = (max: number) =>
  fc
    .string({ unit: 'grapheme', maxLength: max })
    .map((s) => s.trim())
    .filter((s) => s.length <= max);

const themeArb: fc.Arbitrary<OverlayTheme> = fc.record({
  layout: fc.constantFrom(...LAYOUTS),
  theme: fc.constantFrom(...THEMES),
  accent: fc.stringMatching(/^[0-9a-f]{6}$/).map((h) => `#${h}`),
  font: fc.constantFrom(...FONT_KEYS),
  style: fc.constantFrom(...CARD_STYLES),
  scale: fc.integer({ min: 50, max: 300 }).map((n) => n / 100),
  safe: fc.boolean(),
  words: fc.constant({}),
  positions: fc.record(
    Object.fromEntries(CARD_NAMES.map((n) => [n, fc.constantFrom(...POSITIONS)])) as Record<
      (typeof CARD_NAMES)[number],
      fc.Arbitrary<(typeof POSITIONS)[number]>
    >,
  ),
  cta: text(60),
  lang: fc.constantFrom(...locales),
  currencyDisplay: fc.constantFrom(...CURRENCY_DISPLAYS),
  decimals: fc.constantFrom(...DECIMALS),
  mode: fc.constantFrom(...COUNTDOWN_MODES),
  urgent: fc.integer({ min: 0, max: 600 }),
  countdownLabel: fc.option(text(40), { nil: null }),
  low: fc.oneof(
    fc.record({ units: fc.integer({ min: 0, max: 999_999 }) }),
    fc.record({ percent: fc.integer({ min: 1, max: 100 }) }),
  ),
  max: fc.integer({ min: 1, max: 10 }),
  hold: fc.integer({ min: 2, max: 1200 }).map((n) => n / 2),
  minBurst: fc.integer({ min: 0, max: 1_000_000 }),
  soon: fc.integer({ min: 0, max: 600 }),
  nextUpLabel: fc.option(text(40), { nil: null }),
  teaser: fc.boolean(),
  soldHold: fc.integer({ min: 1, max: 60 }),
  soldOut: fc.boolean(),
  recap: fc.boolean(),
  pollShow: fc.constantFrom(...POLL_SHOWS),
});

describe('round trip through the overlays’ own parsers', () => {
  it('every URL the builder emits parses with zero errors, to exactly the chosen options', () => {
    fc.assert(
      fc.property(themeArb, (theme) => {
        for (const name of OVERLAY_NAMES) {
          const url = overlayUrl(ORIGIN, name, theme);
          const parsed = PARSERS[name](new URL(url).search);
          expect(parsed, url).toEqual({ ok: true, options: expected(name, theme) });
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the generated themes are ones the editor accepts (field by field)', () => {
    fc.assert(
      fc.property(themeArb, (theme) => {
        for (const [key, value] of Object.entries(theme)) {
          expect(checkField(key as keyof OverlayTheme, value)).toEqual({ ok: true, value });
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('no password, ever', () => {
  const ALLOWED = new Set([
    'layout',
    'theme',
    'accent',
    'font',
    'style',
    'position',
    'scale',
    'safe',
    'mask',
    'cta',
    'mode',
    'urgent',
    'label',
    'low',
    'max',
    'hold',
    'minBurst',
    'soon',
    'teaser',
    'soldHold',
    'soldOut',
    'recap',
    'show',
    'lang',
    'currencyDisplay',
    'decimals',
  ]);
  it('URLs carry no fragment and only overlay options', () => {
    fc.assert(
      fc.property(themeArb, fc.boolean(), (theme, mask) => {
        for (const name of OVERLAY_NAMES) {
          const url = new URL(overlayUrl(ORIGIN, name, theme, { mask }));
          expect(url.hash).toBe('');
          expect(url.username + url.password).toBe('');
          for (const key of url.searchParams.keys()) expect(ALLOWED.has(key), key).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the word "password" appears in no URL of a full theme', () => {
    const theme = with_({
      layout: 'portrait',
      theme: 'light',
      accent: '#123abc',
      cta: 'Buy now',
      countdownLabel: 'Ends',
      nextUpLabel: 'Next',
    });
    for (const { url } of overlaySources(ORIGIN, OVERLAY_NAMES, theme)) {
      expect(url).not.toMatch(/password|#obs|obs=/i);
    }
  });
});

describe('theme fields', () => {
  it('normalises a typed accent (3 digits, capitals, with or without #)', () => {
    expect(checkField('accent', 'F0A')).toEqual({ ok: true, value: '#ff00aa' });
    expect(checkField('accent', ' #00E0A4 ')).toEqual({ ok: true, value: '#00e0a4' });
    expect(checkField('accent', 'orange')).toEqual({
      ok: false,
      message: 'use a hex colour like ff5a1f',
    });
  });

  it('refuses numbers outside what the pages accept, saying the range', () => {
    expect(checkField('urgent', 601)).toEqual({
      ok: false,
      message: 'use a whole number from 0 to 600',
    });
    expect(checkField('max', 2.5)).toMatchObject({ ok: false });
    expect(checkField('hold', NaN)).toEqual({ ok: false, message: 'use a number from 1 to 600' });
    expect(checkField('scale', 0.4)).toMatchObject({ ok: false });
    expect(checkField('scale', 1.2345)).toEqual({ ok: true, value: 1.23 });
    expect(checkField('low', { percent: 0 })).toEqual({
      ok: false,
      message: 'use a whole number from 1 to 100',
    });
    expect(checkField('cta', 'x'.repeat(61))).toEqual({
      ok: false,
      message: 'at most 60 characters',
    });
    expect(checkField('cta', `  ${'x'.repeat(60)}  `)).toEqual({ ok: true, value: 'x'.repeat(60) });
  });

  it('reads a stored theme field by field: bad or missing fields take their default', () => {
    expect(readTheme(undefined)).toEqual(DEFAULT_THEME);
    expect(readTheme('nonsense')).toEqual(DEFAULT_THEME);
    const theme = readTheme({
      accent: '#00e0a4',
      layout: 'sideways',
      urgent: 30,
      positions: { ticker: 'top-right', stock: 'nowhere' },
      extra: 1,
    });
    expect(theme).toEqual({
      ...DEFAULT_THEME,
      accent: '#00e0a4',
      urgent: 30,
      positions: { ...DEFAULT_THEME.positions, ticker: 'top-right' },
    });
  });

  it('recommends the canvas size for the layout', () => {
    expect(sourceSize('landscape')).toEqual({ width: 1920, height: 1080 });
    expect(sourceSize('portrait')).toEqual({ width: 1080, height: 1920 });
  });
});
