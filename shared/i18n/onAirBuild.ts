/**
 * Build-time (Node): each overlay page carries only the on-air strings of the language it
 * shows. Paraglide compiles one module per message holding every language's text; a page
 * importing it directly carries all 13 languages (~7 KB gz on the composite page, a fifth of
 * it). This Vite plugin serves instead:
 *
 * - `virtual:flashcue-onair`: `loadOnAir(locale)`, a dynamic import per language, so the
 *   bundler makes one small chunk per language and a page fetches only its own (?lang= keeps
 *   every OBS URL as it is);
 * - `virtual:flashcue-onair/<locale>`: every `ov_*` message, each imported from Paraglide's
 *   module with `?onair=<locale>`, where the locale lookup is replaced by that constant, so
 *   the minifier drops the other languages' branches and texts.
 *
 * The messages stay Paraglide's (plural rules, typed inputs); only their locale is fixed.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:flashcue-onair';
const RESOLVED = '\0flashcue-onair';
/** Paraglide's locale lookup in each message function (checked below: a build fails loudly). */
const LOOKUP = 'experimentalStaticLocale ?? options.locale ?? getLocale()';

export function onAirMessages(root: string): Plugin {
  const settings = join(root, 'project.inlang/settings.json');
  const messagesDir = join(root, 'shared/i18n/paraglide/messages');
  const locales = () =>
    (JSON.parse(readFileSync(settings, 'utf8')) as { locales: string[] }).locales;
  const onAirKeys = () =>
    readdirSync(messagesDir)
      .filter((f) => /^ov_\w+\.js$/.test(f))
      .map((f) => f.slice(0, -3));

  return {
    name: 'flashcue-onair-messages',
    enforce: 'pre',
    resolveId(source) {
      if (source === ID) return RESOLVED;
      if (source.startsWith(`${ID}/`)) return `${RESOLVED}-${source.slice(ID.length + 1)}`;
      return null;
    },
    load(id) {
      if (id === RESOLVED) {
        const cases = locales()
          .map(
            (l) => `    case ${JSON.stringify(l)}: return import(${JSON.stringify(`${ID}/${l}`)});`,
          )
          .join('\n');
        return `export function loadOnAir(locale) {\n  switch (locale) {\n${cases}\n    default: return Promise.reject(new Error('Flashcue: no on-air strings for ' + locale));\n  }\n}\n`;
      }
      if (id.startsWith(`${RESOLVED}-`)) {
        const locale = id.slice(RESOLVED.length + 1);
        if (!locales().includes(locale)) return null;
        return onAirKeys()
          .map(
            (key) =>
              `export { ${key} } from ${JSON.stringify(`${join(messagesDir, key)}.js?onair=${locale}`)};`,
          )
          .join('\n');
      }
      const m = /^(.*\/ov_\w+\.js)\?onair=([\w-]+)$/.exec(id);
      if (!m || !m[1]!.startsWith(messagesDir)) return null;
      const code = readFileSync(m[1]!, 'utf8');
      if (!code.includes(LOOKUP))
        throw new Error(
          `flashcue-onair: ${m[1]} no longer looks up its locale as "${LOOKUP}" (Paraglide changed?)`,
        );
      return code.replace(LOOKUP, JSON.stringify(m[2]));
    },
  };
}
