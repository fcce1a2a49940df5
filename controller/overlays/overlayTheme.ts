/**
 * The producer's overlay choices: one theme shared by every overlay URL, validated field by
 * field so one stale or hand-edited value in the database never throws the rest away.
 * Vocabularies come from the overlays' own option modules, so a value the pages do not know
 * cannot be chosen here. Numeric defaults are repeated (the pages inline theirs); the unit
 * test parses an empty query with every page's parser to prove they still agree.
 */
import { z } from 'zod';
import * as m from '../i18n/paraglide/messages.js';
import { COUNTDOWN_MODES } from '../../overlay/countdown/countdown.options';
import { DEFAULT_SOLD_HOLD } from '../../overlay/cards/cards.options';
import { POLL_SHOWS } from '../../overlay/poll/poll.options';
import {
  CARD_STYLES,
  DEFAULT_ACCENT,
  LAYOUTS,
  POSITIONS,
  THEMES,
  type Position,
} from '../../overlay/lib/options';
import { FONT_KEYS, type FontKey } from '../../overlay/lib/fonts';
import {
  CURRENCY_DISPLAYS,
  DECIMALS,
  DEFAULT_CTA,
} from '../../overlay/lower-third/lower-third.options';
import { baseLocale, locales, type Locale } from '../../shared/i18n/locale';
import { readWords, wordProblems, type WordsByLang } from '../../shared/i18n/words';
import { wordProblemText } from '../i18n/wordProblem';

export const OVERLAY_NAMES = [
  'all',
  'lower-third',
  'countdown',
  'stock',
  'ticker',
  'next-up',
  'cards',
  'poll',
] as const;
export type OverlayName = (typeof OVERLAY_NAMES)[number];
/** The single-card pages: the composite places its cards itself and ignores `position`. */
export const CARD_NAMES = [
  'lower-third',
  'countdown',
  'stock',
  'ticker',
  'next-up',
  'cards',
  'poll',
] as const;
export type CardName = (typeof CARD_NAMES)[number];

export const DEFAULT_POSITIONS: Record<CardName, Position> = {
  'lower-third': 'bottom-left',
  countdown: 'top-right',
  stock: 'center-right',
  ticker: 'top-left',
  'next-up': 'bottom-right',
  cards: 'top-center',
  poll: 'center-left',
};

/** Limits the pages accept; `step` is what the inputs offer (1 = whole numbers). */
export const RANGES = {
  scale: { min: 0.5, max: 3, step: 0.05 },
  urgent: { min: 0, max: 600, step: 1 },
  max: { min: 1, max: 10, step: 1 },
  hold: { min: 1, max: 600, step: 0.5 },
  minBurst: { min: 0, max: 1_000_000, step: 1 },
  soon: { min: 0, max: 600, step: 1 },
  soldHold: { min: 1, max: 60, step: 1 },
  lowUnits: { min: 0, max: 999_999, step: 1 },
  lowPercent: { min: 1, max: 100, step: 1 },
} as const;
export type RangeName = keyof typeof RANGES;

export const TEXT_MAX = { cta: 60, label: 40 } as const;

const ranged = (name: RangeName) => {
  const { min, max, step } = RANGES[name];
  const n = z.number().min(min).max(max);
  // Fractions are kept to two places so the URL shows `1.25`, not `1.2500000000000002`.
  return step === 1 ? n.int() : n.transform((v) => Math.round(v * 100) / 100);
};

const positionsOf = (position: (card: CardName) => z.ZodType<Position>) =>
  z.object(
    Object.fromEntries(CARD_NAMES.map((card) => [card, position(card)])) as Record<
      CardName,
      z.ZodType<Position>
    >,
  );
/** Reading a stored theme, one unknown position falls back alone. */
const lenientPositions = positionsOf((card) => z.enum(POSITIONS).catch(DEFAULT_POSITIONS[card]));

/** One schema per field: `set` validates a single change, `readTheme` repairs per field. */
export const THEME_FIELDS = {
  layout: z.enum(LAYOUTS),
  theme: z.enum(THEMES),
  accent: z
    .string()
    .trim()
    .regex(/^#?([0-9a-f]{6}|[0-9a-f]{3})$/i)
    .transform((v) => {
      const hex = v.replace('#', '').toLowerCase();
      return `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}`;
    }),
  font: z.enum(FONT_KEYS as [FontKey, ...FontKey[]]),
  style: z.enum(CARD_STYLES),
  scale: ranged('scale'),
  safe: z.boolean(),
  positions: positionsOf(() => z.enum(POSITIONS)),
  cta: z.string().trim().max(TEXT_MAX.cta),
  mode: z.enum(COUNTDOWN_MODES),
  urgent: ranged('urgent'),
  /** null = the mode's own label, '' = no label. */
  countdownLabel: z.string().trim().max(TEXT_MAX.label).nullable(),
  low: z.union([
    z.object({ units: ranged('lowUnits') }),
    z.object({ percent: ranged('lowPercent') }),
  ]),
  max: ranged('max'),
  hold: ranged('hold'),
  minBurst: ranged('minBurst'),
  soon: ranged('soon'),
  /** null = "Coming up" (or "Flash sale next"), '' = no label. */
  nextUpLabel: z.string().trim().max(TEXT_MAX.label).nullable(),
  /** Countdown in start mode: "First deal: …" under the show's title. */
  teaser: z.boolean(),
  /** Closing cards: seconds the SOLD OUT card stays up, and which of the two cards show. */
  soldHold: ranged('soldHold'),
  soldOut: z.boolean(),
  recap: z.boolean(),
  /** The poll page: the poll and the giveaway, or one of them (two sources place them apart). */
  pollShow: z.enum(POLL_SHOWS),
  /** The audience's language: every overlay URL carries it as `lang`. */
  lang: z.enum(locales as unknown as [Locale, ...Locale[]]),
  currencyDisplay: z.enum(CURRENCY_DISPLAYS),
  decimals: z.enum(DECIMALS),
  /** Custom words per language (shared/i18n/words.ts); sent to the overlays, not in URLs. */
  words: z.custom<WordsByLang>(
    (v) => !!v && typeof v === 'object' && !Array.isArray(v) && wordProblems(v).length === 0,
  ),
};

export type ThemeField = keyof typeof THEME_FIELDS;
export type OverlayTheme = { [K in ThemeField]: z.output<(typeof THEME_FIELDS)[K]> };

export const DEFAULT_THEME: OverlayTheme = {
  layout: 'landscape',
  theme: 'dark',
  accent: DEFAULT_ACCENT,
  font: 'inter',
  style: 'solid',
  scale: 1,
  safe: false,
  positions: { ...DEFAULT_POSITIONS },
  cta: DEFAULT_CTA,
  mode: 'deal',
  urgent: 10,
  countdownLabel: null,
  low: { units: 10 },
  max: 3,
  hold: 8,
  minBurst: 5,
  soon: 10,
  nextUpLabel: null,
  teaser: true,
  soldHold: DEFAULT_SOLD_HOLD,
  soldOut: true,
  recap: true,
  pollShow: 'both',
  lang: baseLocale,
  currencyDisplay: 'symbol',
  decimals: 'auto',
  words: {},
};

/** The pages' own default: the TikTok safe zone is on in portrait only. */
export const defaultSafe = (layout: OverlayTheme['layout']): boolean => layout === 'portrait';

export type FieldCheck<K extends ThemeField> =
  { ok: true; value: OverlayTheme[K] } | { ok: false; message: string };

/** One change, checked; the message completes "Countdown urgency: …". */
export function checkField<K extends ThemeField>(key: K, value: unknown): FieldCheck<K> {
  const parsed = THEME_FIELDS[key].safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data as OverlayTheme[K] };
  return { ok: false, message: problem(key, value) };
}

function problem(key: ThemeField, value: unknown): string {
  const range = (name: RangeName) => {
    const { min, max, step } = RANGES[name];
    return step === 1 ? m.ovl_check_whole({ min, max }) : m.ovl_check_number({ min, max });
  };
  switch (key) {
    case 'accent':
      return m.ovl_check_hex();
    case 'cta':
      return m.ovl_check_max_chars({ max: TEXT_MAX.cta });
    case 'countdownLabel':
    case 'nextUpLabel':
      return m.ovl_check_max_chars({ max: TEXT_MAX.label });
    case 'words':
      return (
        (value && typeof value === 'object'
          ? wordProblems(value).map((p) => wordProblemText(p))[0]
          : undefined) ?? m.ovl_check_words()
      );
    case 'low':
      return range(
        value && typeof value === 'object' && 'percent' in value ? 'lowPercent' : 'lowUnits',
      );
    case 'scale':
    case 'urgent':
    case 'max':
    case 'hold':
    case 'minBurst':
    case 'soon':
    case 'soldHold':
      return range(key);
    default:
      return m.ovl_check_choice();
  }
}

/** A stored theme (anything at all) as a valid one: each bad or missing field takes its default. */
export function readTheme(stored: unknown): OverlayTheme {
  const input: Record<string, unknown> =
    stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const theme: Record<string, unknown> = { ...DEFAULT_THEME, positions: { ...DEFAULT_POSITIONS } };
  for (const key of Object.keys(THEME_FIELDS) as ThemeField[]) {
    // Custom words are kept one by one: a bad replacement is dropped alone.
    if (key === 'words') {
      theme.words = readWords(input.words);
      continue;
    }
    const parsed = (key === 'positions' ? lenientPositions : THEME_FIELDS[key]).safeParse(
      input[key],
    );
    if (parsed.success) theme[key] = parsed.data;
  }
  return theme as OverlayTheme;
}
