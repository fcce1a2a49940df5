/**
 * Custom words: a producer may replace any on-air phrase ("Only {count} left" →
 * "仅剩 {count} 件！"). A replacement is a plain pattern with the message's own placeholders;
 * it wins over the compiled translation in every language. Checked here, where a mistake
 * can still be shown next to the field, never on air.
 */

const PLACEHOLDER = /\{\s*([A-Za-z_]\w*)\s*\}/g;

export type Params = Record<string, string | number>;
export type CustomWords = Readonly<Record<string, string>>;

/** Placeholders a pattern uses, in order of first use. */
export function placeholdersOf(pattern: string): string[] {
  return [...new Set([...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** The pattern with each `{name}` replaced; an unknown name stays as written. */
export function fillPattern(pattern: string, params: Params): string {
  return pattern.replace(PLACEHOLDER, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * What is wrong with a replacement for a phrase whose placeholders are `allowed`, as a
 * sentence naming the phrase, or null. A replacement may leave a placeholder out ("Almost
 * gone!" for "Only {count} left") but never invent one: it would read "{cout}" on air.
 */
export function checkCustomWord(
  key: string,
  pattern: string,
  allowed: readonly string[],
): string | null {
  if (pattern.length > 120) return `${key}: longer than 120 characters`;
  if (/[{}]/.test(pattern.replace(PLACEHOLDER, ''))) return `${key}: a { or } without a name`;
  const unknown = placeholdersOf(pattern).filter((name) => !allowed.includes(name));
  if (unknown.length === 0) return null;
  const known = allowed.length ? allowed.map((n) => `{${n}}`).join(', ') : 'none';
  return `${key}: {${unknown[0]}} is not a placeholder of this phrase (it has ${known})`;
}

/**
 * The phrase on air: the producer's replacement when there is one, else the translation.
 * `message` is the compiled Paraglide function, passed in so a page bundles only the
 * messages it calls.
 */
export function phrase<P extends Params>(
  custom: CustomWords,
  key: string,
  message: (params: P) => string,
  params: P,
): string {
  const own = custom[key];
  return own ? fillPattern(own, params) : message(params);
}
