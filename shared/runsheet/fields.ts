/**
 * The run sheet's field types: ids, money (integer minor units), counts, durations, bounded
 * text, image references, currency codes and time zones, each with the sentence a person reads
 * when a value is refused.
 */
import { z } from 'zod';
import { isKnownCurrency } from '../money';
import { isValidTimeZone } from '../time';

const MAX_MONEY = 1e13; // 100 billion in a 2-digit currency: far above any show, far below 2^53.

export const Id = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_.:-]+$/, 'may use only letters, digits and _ . : -');

export const Money = z
  .number({ error: 'must be a number (minor units, e.g. cents)' })
  .int('must be a whole number of minor units (cents)')
  .nonnegative('must not be negative')
  .max(MAX_MONEY, 'is implausibly large');

export const Count = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .max(1e9, 'is implausibly large');

export const PositiveSeconds = z
  .number({ error: 'must be a number of seconds' })
  .int('must be whole seconds')
  .positive('must be more than zero')
  .max(24 * 3600, 'must be at most 24 hours');

export const Text = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`);

export const OptionalText = (max: number) =>
  z
    .string({ error: 'must be text' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .optional();

/** An http(s) URL, a path served by the app, or an uploaded image kept as a data URL. */
export const ImageRef = z
  .string({ error: 'must be text' })
  .trim()
  .max(4_000_000, 'is too large (keep uploaded images under about 3 MB)')
  .refine(
    (value) =>
      /^https?:\/\/[^\s]+$/i.test(value) ||
      /^\/[^\s]*$/.test(value) ||
      /^data:image\/(png|jpeg|gif|webp|avif|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(value),
    'must be an http(s) URL, a path starting with /, or an uploaded image',
  );

export const CurrencyCode = z
  .string({ error: 'must be a currency code' })
  .trim()
  .toUpperCase()
  .refine(isKnownCurrency, 'must be an ISO 4217 currency code such as CNY, USD or EUR');

export const TimeZone = z
  .string({ error: 'must be a time zone' })
  .trim()
  .refine(isValidTimeZone, 'must be an IANA time zone such as Asia/Shanghai or Europe/London');
