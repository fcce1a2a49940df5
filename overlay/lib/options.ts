/**
 * URL options shared by every overlay page. A producer types these into an OBS browser-source
 * URL, where a typo would otherwise give a blank overlay on air: every problem is collected
 * with the option's name so the page can show all of them at once.
 */
import { baseLocale, locales, matchLocale, type Locale } from '../../shared/i18n/locale';
import { FONT_KEYS, type FontKey } from './fonts';

export const LAYOUTS = ['landscape', 'portrait'] as const;
export const THEMES = ['dark', 'light'] as const;
export const CARD_STYLES = ['solid', 'glass', 'outline'] as const;
export const POSITIONS = [
  'bottom-left',
  'bottom-right',
  'bottom-center',
  'top-left',
  'top-right',
  'top-center',
  'center-left',
  'center-right',
] as const;
/** obs and relay are accepted so URLs written today keep working when those transports land. */
export const TRANSPORTS = ['auto', 'broadcast', 'obs', 'relay'] as const;

export type Layout = (typeof LAYOUTS)[number];
export type Theme = (typeof THEMES)[number];
export type CardStyle = (typeof CARD_STYLES)[number];
export type Position = (typeof POSITIONS)[number];
export type TransportKind = (typeof TRANSPORTS)[number];

export interface CommonOptions {
  layout: Layout;
  theme: Theme;
  /** #rrggbb */
  accent: string;
  font: FontKey;
  style: CardStyle;
  position: Position;
  scale: number;
  /** Keep cards out of TikTok's UI bands (portrait). */
  safe: boolean;
  /** Draw the bands as translucent red, to line a scene up. */
  mask: boolean;
  /** No motion: every entrance, tick and bar shown as it ends, and a newer view drawn 50 ms
   * after it arrives (the controller's Live preview; overlay/lib/boot.ts). */
  still: boolean;
  transport: TransportKind;
  /** The audience's language: every word on the card, numbers and money. */
  lang: Locale;
}

export const DEFAULT_ACCENT = '#ff5a1f';

/**
 * What is wrong with one option, as data: the error box says it in the page's language
 * (overlay/lib/optionProblem.ts, English included). No English copy is kept beside it: every
 * page would carry those sentences (~0.3 KB gz) for nobody to read.
 */
export type OptionProblem =
  | { code: 'repeated'; count: number }
  | { code: 'unknown'; near: string }
  | { code: 'unknownList'; known: string }
  | { code: 'oneOf' | 'language'; raw: string; values: string }
  | { code: 'number' | 'whole'; raw: string; min: number; max: number }
  | { code: 'tooLong'; raw: string; max: number }
  | { code: 'flag' | 'colour' | 'low'; raw: string };

/** A value's problem without the raw value, which the reader adds (quoted, clipped). */
export type ValueProblem = OptionProblem extends infer P
  ? P extends { raw: string }
    ? Omit<P, 'raw'>
    : never
  : never;

export interface OptionError {
  key: string;
  problem: OptionProblem;
}

export type ParsedOptions<T> = { ok: true; options: T } | { ok: false; errors: OptionError[] };

/** A parser answers a value, or what is wrong with it (`why`), which the reader locates. */
export type Parse<T> = (raw: string) => { value: T } | { why: ValueProblem };

export class OptionReader {
  readonly errors: OptionError[] = [];
  readonly #params: URLSearchParams;
  readonly #known = new Set<string>();

  constructor(search: string | URLSearchParams) {
    this.#params = typeof search === 'string' ? new URLSearchParams(search) : search;
  }

  has(key: string): boolean {
    return this.#params.has(key);
  }

  get<T>(key: string, fallback: T, parse: Parse<T>): T {
    this.#known.add(key);
    const all = this.#params.getAll(key);
    if (all.length === 0) return fallback;
    if (all.length > 1) {
      this.errors.push({ key, problem: { code: 'repeated', count: all.length } });
      return fallback;
    }
    const raw = all[0]!;
    const result = parse(raw);
    if ('why' in result) {
      this.errors.push({ key, problem: { ...result.why, raw: JSON.stringify(clip(raw)) } });
      return fallback;
    }
    return result.value;
  }

  /** Unknown keys are errors: a misspelt option silently ignored is the blank overlay we avoid. */
  finish<T>(options: T): ParsedOptions<T> {
    for (const key of new Set(this.#params.keys())) {
      if (this.#known.has(key)) continue;
      const near = [...this.#known].find((k) => closeTo(k, key));
      this.errors.push({
        key,
        problem: near
          ? { code: 'unknown', near }
          : { code: 'unknownList', known: [...this.#known].join(', ') },
      });
    }
    return this.errors.length ? { ok: false, errors: this.errors } : { ok: true, options };
  }
}

function clip(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
}

/** One edit apart, or same letters in another case: enough to catch `acent` or `Layout`. */
function closeTo(a: string, b: string): boolean {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return (
    a.slice(i + 1) === b.slice(i + 1) ||
    a.slice(i) === b.slice(i + 1) ||
    a.slice(i + 1) === b.slice(i)
  );
}

export const oneOf =
  <const T extends readonly string[]>(values: T): Parse<T[number]> =>
  (raw) =>
    (values as readonly string[]).includes(raw)
      ? { value: raw }
      : { why: { code: 'oneOf', values: values.join(', ') } };

export const number =
  (min: number, max: number, integer = false): Parse<number> =>
  (raw) => {
    const n = raw.trim() === '' ? NaN : Number(raw);
    if (Number.isFinite(n) && n >= min && n <= max && (!integer || Number.isInteger(n)))
      return { value: n };
    return { why: { code: integer ? 'whole' : 'number', min, max } };
  };

const TRUE = ['', '1', 'true', 'on', 'yes'];
const FALSE = ['0', 'false', 'off', 'no'];

/** `?mask` alone means on, as people write flags. */
export const flag: Parse<boolean> = (raw) => {
  const v = raw.toLowerCase();
  if (TRUE.includes(v)) return { value: true };
  if (FALSE.includes(v)) return { value: false };
  return { why: { code: 'flag' } };
};

/** `#` starts the URL fragment, so the hex is written without it (`%23` works too). */
export const colour: Parse<string> = (raw) => {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(raw.trim());
  if (!m) return { why: { code: 'colour' } };
  const hex = m[1]!.toLowerCase();
  return { value: `#${hex.length === 3 ? [...hex].map((c) => c + c).join('') : hex}` };
};

export const text =
  (max: number): Parse<string> =>
  (raw) =>
    raw.length <= max ? { value: raw.trim() } : { why: { code: 'tooLong', max } };

/** `zh-CN`, `zh-cn` or `zh` alike; anything else is an error, never a silent English page. */
export const language: Parse<Locale> = (raw) => {
  const locale = matchLocale(raw);
  return locale ? { value: locale } : { why: { code: 'language', values: locales.join(', ') } };
};

export function readCommon(reader: OptionReader, defaults: { position: Position }): CommonOptions {
  const layout = reader.get('layout', 'landscape', oneOf(LAYOUTS));
  return {
    layout,
    theme: reader.get('theme', 'dark', oneOf(THEMES)),
    accent: reader.get('accent', DEFAULT_ACCENT, colour),
    font: reader.get('font', 'inter', oneOf(FONT_KEYS)),
    style: reader.get('style', 'solid', oneOf(CARD_STYLES)),
    position: reader.get('position', defaults.position, oneOf(POSITIONS)),
    scale: reader.get('scale', 1, number(0.5, 3)),
    // TikTok LIVE is vertical: its UI bands only exist there, so that is the default.
    safe: reader.get('safe', layout === 'portrait', flag),
    mask: reader.get('mask', false, flag),
    still: reader.get('still', false, flag),
    transport: reader.get('transport', 'auto', oneOf(TRANSPORTS)),
    lang: reader.get('lang', baseLocale, language),
  };
}

/** Common options plus the page's own, as one located result. */
export function parseOptions<T extends object>(
  search: string | URLSearchParams,
  defaults: { position: Position },
  own: (reader: OptionReader) => T,
): ParsedOptions<CommonOptions & T> {
  const reader = new OptionReader(search);
  const common = readCommon(reader, defaults);
  return reader.finish({ ...common, ...own(reader) });
}
