/**
 * The run sheet's field types: ids, money (integer minor units), counts, durations, bounded
 * text, image references, currency codes and time zones, each with the sentence a person reads
 * when a value is refused.
 */
import { z } from 'zod';
import { isKnownCurrency } from '../money';
import { isValidTimeZone } from '../time';
import { coded } from '../validation';

const MAX_MONEY = 1e13; // 100 billion in a 2-digit currency: far above any show, far below 2^53.

export const Id = z
  .string({ error: coded('text', 'must be text') })
  .trim()
  .min(1, coded('not_empty', 'must not be empty'))
  .max(64, coded('max_chars', 'must be at most 64 characters'))
  .regex(/^[A-Za-z0-9_.:-]+$/, coded('id_chars', 'may use only letters, digits and _ . : -'));

export const Money = z
  .number({ error: coded('number_minor', 'must be a number (minor units, e.g. cents)') })
  .int(coded('whole_minor', 'must be a whole number of minor units (cents)'))
  .nonnegative(coded('not_negative', 'must not be negative'))
  .max(MAX_MONEY, coded('too_large', 'is implausibly large'));

export const Count = z
  .number({ error: coded('number', 'must be a number') })
  .int(coded('whole', 'must be a whole number'))
  .nonnegative(coded('not_negative', 'must not be negative'))
  .max(1e9, coded('too_large', 'is implausibly large'));

export const PositiveSeconds = z
  .number({ error: coded('seconds', 'must be a number of seconds') })
  .int(coded('whole_seconds', 'must be whole seconds'))
  .positive(coded('positive', 'must be more than zero'))
  .max(24 * 3600, coded('max_24h', 'must be at most 24 hours'));

export const Text = (max: number) =>
  z
    .string({ error: coded('text', 'must be text') })
    .trim()
    .min(1, coded('not_empty', 'must not be empty'))
    .max(max, coded('max_chars', `must be at most ${max} characters`));

export const OptionalText = (max: number) =>
  z
    .string({ error: coded('text', 'must be text') })
    .trim()
    .max(max, coded('max_chars', `must be at most ${max} characters`))
    .optional();

/** An http(s) URL, a path served by the app, or an uploaded image kept as a data URL. */
export const ImageRef = z
  .string({ error: coded('text', 'must be text') })
  .trim()
  .max(4_000_000, coded('image_too_large', 'is too large (keep uploaded images under about 3 MB)'))
  .refine(
    (value) =>
      /^https?:\/\/[^\s]+$/i.test(value) ||
      /^\/[^\s]*$/.test(value) ||
      /^data:image\/(png|jpeg|gif|webp|avif|svg\+xml);base64,[A-Za-z0-9+/=]+$/.test(value),
    coded('image_ref', 'must be an http(s) URL, a path starting with /, or an uploaded image'),
  );

export const CurrencyCode = z
  .string({ error: coded('currency', 'must be a currency code') })
  .trim()
  .toUpperCase()
  .refine(
    isKnownCurrency,
    coded('currency_iso', 'must be an ISO 4217 currency code such as CNY, USD or EUR'),
  );

export const TimeZone = z
  .string({ error: coded('time_zone', 'must be a time zone') })
  .trim()
  .refine(
    isValidTimeZone,
    coded('time_zone_iana', 'must be an IANA time zone such as Asia/Shanghai or Europe/London'),
  );
