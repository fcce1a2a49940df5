/**
 * Decimal numbers typed by people: "1.299,00", "1,299.00", "¥199", "199 CNY", "1 299,50".
 *
 * Ambiguity rules (a "1,299"-shaped cell: one separator, then exactly three digits):
 * 1. Evidence from the rest of the file wins: a cell with both separators ("1.299,00"),
 *    or one followed by other than three digits ("19,99"), tells which is the decimal mark.
 * 2. Without evidence, the reading that is a valid amount in the currency wins: "1,299" is
 *    1299 in CNY/USD/JPY (1.299 fen does not exist); in three-decimal currencies (KWD, BHD…)
 *    both are possible and we read a decimal, as those amounts are written with 3 decimals.
 * Either way a guess is reported as a warning so the producer can check it.
 */
import { isKnownCurrency, minorDigits } from '../money';

export type DecimalMark = '.' | ',';

export interface ParsedDecimal {
  whole: string;
  fraction: string;
  /** Set when rule 2 decided: the caller turns it into a warning. */
  guessed?: string;
  /** The same guess as data (controller message `imp_dec_guess_<as>`). */
  guess?: DecimalGuess;
}

/** How an ambiguous "1,299" was read: `as` a thousands separator or the decimal mark. */
export interface DecimalGuess {
  text: string;
  read: string;
  sep: DecimalMark;
  as: 'thousands' | 'decimal';
}

/**
 * A cell's problem: the English phrase (exports, the tests) and, for the controller's
 * language, its code (controller message `imp_<code>`) and values.
 */
export interface DecimalProblem {
  message: string;
  code: string;
  params?: Record<string, string | number>;
}

export type DecimalOutcome = { ok: true; value: ParsedDecimal } | ({ ok: false } & DecimalProblem);

/** Alternative names people write for a currency, upper-cased. */
const ALIASES: Record<string, string> = { RMB: 'CNY', 元: 'CNY', 圆: 'CNY', 円: 'JPY' };

/** Removes currency symbols and codes; reports a code that names another currency. */
function stripCurrency(
  text: string,
  currency: string,
): { rest: string } | { error: DecimalProblem } {
  let rest = text.replace(/\p{Sc}/gu, ' ').trim();
  const codes: string[] = [];
  rest = rest
    .replace(/^([A-Za-z]{2,3}|[元圆円])\s*/u, (_m, code: string) => (codes.push(code), ''))
    .replace(/\s*([A-Za-z]{2,3}|[元圆円])$/u, (_m, code: string) => (codes.push(code), ''))
    .trim();
  for (const raw of codes) {
    const code = ALIASES[raw.toUpperCase()] ?? raw.toUpperCase();
    // Two-letter prefixes (US$, HK$, NT$) only qualify a symbol: not checked.
    if (code !== currency && isKnownCurrency(code) && rest !== '') {
      return {
        error: {
          message: `is in ${code}, but this import is in ${currency}: convert it or import with currency ${code}`,
          code: 'dec_other_currency',
          params: { code, currency },
        },
      };
    }
  }
  return { rest };
}

/** What one cell says about the decimal mark, if anything. */
export function decimalEvidence(text: string): DecimalMark | undefined {
  const s = text.replace(/[^\d.,]/g, '');
  const dots = s.split('.').length - 1;
  const commas = s.split(',').length - 1;
  if (dots && commas) return s.lastIndexOf('.') > s.lastIndexOf(',') ? '.' : ',';
  const mark: DecimalMark | undefined = dots ? '.' : commas ? ',' : undefined;
  if (!mark) return undefined;
  if (dots + commas > 1) return mark === '.' ? ',' : '.'; // repeated: a thousands separator
  const [whole = '', frac = ''] = s.split(mark);
  if (frac.length !== 3 || whole === '0' || whole === '' || whole.length > 3) return mark;
  return undefined;
}

/** The file's decimal mark when the cells agree, else undefined (each cell decides alone). */
export function fileDecimalMark(cells: Iterable<string>): DecimalMark | undefined {
  const seen = new Set<DecimalMark>();
  for (const cell of cells) {
    const mark = decimalEvidence(cell);
    if (mark) seen.add(mark);
  }
  return seen.size === 1 ? [...seen][0] : undefined;
}

function validGroups(whole: string, group: string): boolean {
  if (!whole.includes(group)) return true;
  const parts = whole.split(group);
  return /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/**
 * Reads a non-negative decimal. `hint` is the file's decimal mark; `count` reads the
 * "1,299" shape as grouping whatever the currency (a count has no decimals).
 */
export function parseDecimal(
  text: string,
  opts: { currency: string; hint?: DecimalMark; count?: boolean },
): DecimalOutcome {
  const stripped = stripCurrency(text, opts.currency);
  if ('error' in stripped) return { ok: false, ...stripped.error };
  let s = stripped.rest.replace(/(\d)[\s\u00a0\u202f\u2009'’](?=\d)/g, '$1');
  if (/^[-−‒–]|^\(.*\)$/.test(s))
    return { ok: false, message: 'must not be negative', code: 'not_negative' };
  if (s.startsWith('+')) s = s.slice(1);
  if (!/^\d[\d.,]*$/.test(s) || /[.,]$/.test(s) || /[.,]{2}/.test(s)) {
    return {
      ok: false,
      message: `"${text.trim()}" is not a number`,
      code: 'dec_not_number',
      params: { text: text.trim() },
    };
  }
  let mark = decimalEvidence(s);
  let guessed: string | undefined;
  let guess: DecimalGuess | undefined;
  if (!mark && /[.,]/.test(s)) {
    // Only the "1,299" shape gets here: one separator, three digits after it.
    const sep: DecimalMark = s.includes('.') ? '.' : ',';
    if (opts.hint) mark = opts.hint;
    else if (opts.count || minorDigits(opts.currency) !== 3) {
      mark = sep === '.' ? ',' : '.';
      guess = { text: text.trim(), read: s.replace(sep, ''), sep, as: 'thousands' };
      guessed = `read "${guess.text}" as ${guess.read} ("${sep}" as a thousands separator)`;
    } else {
      mark = sep;
      guess = { text: text.trim(), read: s.replace(',', '.'), sep, as: 'decimal' };
      guessed = `read "${guess.text}" as ${guess.read} ("${sep}" as the decimal mark)`;
    }
  }
  const group = mark === '.' ? ',' : '.';
  const [whole = '', fraction = '', extra] = mark ? s.split(mark) : [s];
  if (extra !== undefined || fraction.includes(group) || !validGroups(whole, group)) {
    return {
      ok: false,
      message: `"${text.trim()}" is not a number (check the thousands and decimal separators)`,
      code: 'dec_separators',
      params: { text: text.trim() },
    };
  }
  return {
    ok: true,
    value: {
      whole: whole.split(group).join(''),
      fraction,
      ...(guessed ? { guessed, guess: guess! } : {}),
    },
  };
}

const TOO_LARGE: DecimalProblem = { message: 'is implausibly large', code: 'too_large' };

/** A decimal amount in the major unit to exact minor units, or its problem. */
export function minorOf(value: ParsedDecimal, currency: string): number | DecimalProblem {
  const digits = minorDigits(currency);
  if (/[1-9]/.test(value.fraction.slice(digits))) {
    return digits === 0
      ? {
          message: `must be a whole amount: ${currency} has no smaller unit`,
          code: 'dec_whole_amount',
          params: { currency },
        }
      : {
          message: `has more than ${digits} decimal places, which ${currency} does not have`,
          code: 'dec_decimals',
          params: { digits, currency },
        };
  }
  const minor = Number(value.whole + value.fraction.slice(0, digits).padEnd(digits, '0'));
  return Number.isSafeInteger(minor) ? minor : TOO_LARGE;
}

/** A whole count ("1,000" is a thousand), or its problem. */
export function countOf(value: ParsedDecimal): number | DecimalProblem {
  if (/[1-9]/.test(value.fraction)) return { message: 'must be a whole number', code: 'whole' };
  const n = Number(value.whole);
  return Number.isSafeInteger(n) ? n : TOO_LARGE;
}

/** The English phrase alone, for readers that show no other language (orders, summaries). */
const phrase = <T>(read: T | DecimalProblem): T | string =>
  typeof read === 'object' && read !== null && 'message' in read ? read.message : read;

export const decimalToCount = (value: ParsedDecimal): number | string => phrase(countOf(value));

/** Reads a cell to minor units, or its problem; a guess note if the reading was guessed. */
export function readAmount(
  text: string,
  currency: string,
  hint?: DecimalMark,
): { minor: number; guessed?: string; guess?: DecimalGuess } | DecimalProblem {
  const parsed = parseDecimal(text, { currency, ...(hint ? { hint } : {}) });
  if (!parsed.ok) return parsed;
  const minor = minorOf(parsed.value, currency);
  if (typeof minor !== 'number') return minor;
  const { guessed, guess } = parsed.value;
  return guessed ? { minor, guessed, ...(guess ? { guess } : {}) } : { minor };
}

/** readAmount with the problem as its English phrase. */
export function readMoney(
  text: string,
  currency: string,
  hint?: DecimalMark,
): { minor: number; guessed?: string } | string {
  return phrase(readAmount(text, currency, hint));
}
