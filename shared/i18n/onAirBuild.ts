/**
 * Build-time (Node): each overlay page carries only the on-air strings it can show, in the
 * language it shows. Paraglide compiles one module per message holding every language's text;
 * a page importing it directly carries all 13 languages (~7 KB gz on the composite page, a
 * fifth of it). This Vite plugin serves instead:
 *
 * - `virtual:flashcue-onair`: `loadOnAir(locale)`, a dynamic import per language, so the
 *   bundler makes one small chunk per language and a page fetches only its own (?lang= keeps
 *   every OBS URL as it is);
 * - `virtual:flashcue-onair/<locale>`: the page's `ov_*` messages (onAirKeys.ts: the keys its
 *   modules name, found from overlay/<page>/main.ts; every key outside a page's build, as in
 *   dev and unit tests), each imported from Paraglide's module with `?onair=<locale>`, cut
 *   down to that language's function, so no other language's text is in the chunk;
 * - `virtual:flashcue-onair-errors` and `…-errors/<locale>`: the same for the error box
 *   (overlay/lib/ErrorBox.svelte), a lazy chunk of its own: only a page with a wrong option
 *   fetches the words that explain it;
 * - `virtual:flashcue-onair-lazy` and `…-lazy/<locale>`: the words of a page's lazy cards
 *   that the page itself does not say (onAirKeys.ts, lazyOnAirKeysOf), fetched with them;
 * - for shared/i18n/locale.ts, Paraglide's runtime as just the two constants it reads (the
 *   locale list and the base locale, from the settings Paraglide compiles): the runtime itself
 *   sets up its locale strategies when loaded (~0.1 KB gz on every overlay page, for nothing).
 *
 * The messages stay Paraglide's (plural rules, typed inputs); only their locale is fixed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { lazyOnAirKeysOf, onAirKeysOf } from './onAirKeys.js';

const ID = 'virtual:flashcue-onair';
const RESOLVED = '\0flashcue-onair';
const ERRORS_ID = 'virtual:flashcue-onair-errors';
const ERRORS_RESOLVED = '\0flashcue-errorwords';
const LAZY_ID = 'virtual:flashcue-onair-lazy';
const LAZY_RESOLVED = '\0flashcue-lazywords';
const LOCALES_RESOLVED = '\0flashcue-locales';
/** Paraglide's locale lookup in each message function (checked below: a build fails loudly). */
const LOOKUP = 'const locale = experimentalStaticLocale ?? options.locale ?? getLocale()';
const REGISTRY = "import * as registry from '../registry.js'";
/** The runtime import of a message module (getLocale and friends, for LOOKUP only). */
const RUNTIME_IMPORT = /^import \{[^}]*\} from '\.\.\/runtime\.js';?$/m;
/** The error box, whose words load with it. */
const ERROR_BOX = 'overlay/lib/ErrorBox.svelte';

/** `loadOnAir(locale)`: one dynamic import per language, so each is a chunk of its own. */
function loader(name: string, id: string, locales: readonly string[]): string {
  const cases = locales
    .map((l) => `    case ${JSON.stringify(l)}: return import(${JSON.stringify(`${id}/${l}`)});`)
    .join('\n');
  return `export function ${name}(locale) {\n  switch (locale) {\n${cases}\n    default: return Promise.reject(new Error('Flashcue: no on-air strings for ' + locale));\n  }\n}\n`;
}

/**
 * One message module fixed to `locale`: Paraglide's per-language functions, and the exported
 * message as that language's function itself (not the lookup that picks one per call), so
 * the minifier drops every other language and the wrapper around it.
 */
export function fixLocale(
  code: string,
  key: string,
  locale: string,
  base: string,
  pluralFrom: string,
): string {
  const at = code.indexOf(`export const ${key} =`);
  if (at < 0 || !code.includes(LOOKUP))
    throw new Error(
      `flashcue-onair: ${key}.js no longer looks up its locale as "${LOOKUP}" (Paraglide changed?)`,
    );
  const picked =
    locale === base
      ? /\n\treturn (\w+)\(inputs\)\n\}\);\s*$/.exec(code.slice(at))
      : new RegExp(`if \\(locale === ${JSON.stringify(locale)}\\) return (\\w+)\\(inputs\\)`).exec(
          code.slice(at),
        );
  if (!picked)
    throw new Error(`flashcue-onair: ${key}.js has no ${locale} function (Paraglide changed?)`);
  // Paraglide computes a plural category in every function with a number, used or not
  // (Thai, Chinese…: never): marked pure, an unused one is dropped. The rule itself comes
  // from the page's script (locale.ts), not from a chunk of its own fetched after this one.
  if (code.includes('registry.plural(') && !code.includes(REGISTRY))
    throw new Error(
      `flashcue-onair: ${key}.js no longer imports "${REGISTRY}" (Paraglide changed?)`,
    );
  // Paraglide's runtime served only the lookup cut away above; imported for nothing, it would
  // still be loaded (it sets up its locale strategies when read) as one more chunk after this.
  const body = code
    .slice(0, at)
    .replace(RUNTIME_IMPORT, '')
    .replace(REGISTRY, `import * as registry from ${JSON.stringify(pluralFrom)}`)
    .replaceAll('registry.plural(', '/* @__PURE__ */ registry.plural(');
  return `${body}export const ${key} = ${picked[1]};\n`;
}

export function onAirMessages(root: string): Plugin {
  const settings = join(root, 'project.inlang/settings.json');
  const messagesDir = join(root, 'shared/i18n/paraglide/messages');
  const readSettings = () =>
    JSON.parse(readFileSync(settings, 'utf8')) as { locales: string[]; baseLocale: string };
  const onAirKeys = () =>
    readdirSync(messagesDir)
      .filter((f) => /^ov_\w+\.js$/.test(f))
      .map((f) => f.slice(0, -3));
  /** The overlay page an environment builds (vite.config.ts names them overlay_<page>). */
  const pageOf = (environment: string | undefined) =>
    /^overlay_(\w+)$/.exec(environment ?? '')?.[1]!.replace(/_/g, '-') ?? null;
  const keysFor = (entry: string | null) =>
    entry ? onAirKeysOf(join(root, entry), onAirKeys()) : onAirKeys();
  const strings = (locale: string, keys: string[]) =>
    readSettings().locales.includes(locale)
      ? keys
          .map(
            (key) =>
              `export { ${key} } from ${JSON.stringify(`${join(messagesDir, key)}.js?onair=${locale}`)};`,
          )
          .join('\n') || 'export {};'
      : null;

  return {
    name: 'flashcue-onair-messages',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === './paraglide/runtime.js' && importer?.endsWith('/shared/i18n/locale.ts'))
        return LOCALES_RESOLVED;
      if (source === ID) return RESOLVED;
      if (source.startsWith(`${ID}/`)) return `${RESOLVED}-${source.slice(ID.length + 1)}`;
      if (source === ERRORS_ID) return ERRORS_RESOLVED;
      if (source === LAZY_ID) return LAZY_RESOLVED;
      if (source.startsWith(`${LAZY_ID}/`))
        return `${LAZY_RESOLVED}-${source.slice(LAZY_ID.length + 1)}`;
      if (source.startsWith(`${ERRORS_ID}/`))
        return `${ERRORS_RESOLVED}-${source.slice(ERRORS_ID.length + 1)}`;
      return null;
    },
    load(id) {
      const page = pageOf(this.environment?.name);
      if (id === RESOLVED) return loader('loadOnAir', ID, readSettings().locales);
      if (id === LOCALES_RESOLVED) {
        const { baseLocale, locales } = readSettings();
        return `export const baseLocale = ${JSON.stringify(baseLocale)};\nexport const locales = ${JSON.stringify(locales)};\n`;
      }
      if (id === ERRORS_RESOLVED)
        return loader('loadOnAirErrors', ERRORS_ID, readSettings().locales);
      if (id === LAZY_RESOLVED) return loader('loadOnAirLazy', LAZY_ID, readSettings().locales);
      if (id.startsWith(`${LAZY_RESOLVED}-`))
        return strings(
          id.slice(LAZY_RESOLVED.length + 1),
          page ? lazyOnAirKeysOf(join(root, `overlay/${page}/main.ts`), onAirKeys()) : onAirKeys(),
        );
      if (id.startsWith(`${RESOLVED}-`))
        return strings(id.slice(RESOLVED.length + 1), keysFor(page && `overlay/${page}/main.ts`));
      if (id.startsWith(`${ERRORS_RESOLVED}-`))
        return strings(id.slice(ERRORS_RESOLVED.length + 1), keysFor(page && ERROR_BOX));
      const m = /^(.*\/(ov_\w+)\.js)\?onair=([\w-]+)$/.exec(id);
      if (!m || !m[1]!.startsWith(messagesDir)) return null;
      return fixLocale(
        readFileSync(m[1]!, 'utf8'),
        m[2]!,
        m[3]!,
        readSettings().baseLocale,
        join(root, 'shared/i18n/locale.ts'),
      );
    },
  };
}
