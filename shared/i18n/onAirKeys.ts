/**
 * Build-time (Node): which on-air messages a module can show — the `ov_*` keys written in it
 * and in every module it imports (relative imports, `.ts`/`.svelte`), statically or through a
 * dynamic import() (the safe-zone mask, loaded only with `mask=1`), except a lazy module that
 * fetches words of its own (it imports a `virtual:flashcue-onair…` loader: the error box, the
 * composite page's occasional cards). onAirBuild.ts puts only these keys in a page's language
 * chunk, so a page never downloads words it cannot show (the poll's on the composite page, the
 * error box's on every correct page), and a lazy part's words come with it
 * (`lazyOnAirKeysOf`).
 *
 * A key must appear literally (`say('ov_sold_out')`, `m.ov_opt_flag(…)`) outside shared/i18n;
 * a key built at run time would be missed, and no module builds one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** `import … from './x'`, `import './x.css'`, `export … from './x'`; never `import type`. */
const STATIC_IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?!type\s)(?:[\w$*{}\s,]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/g;
/** `import('./x')`, a lazy part of the page. */
const DYNAMIC_IMPORT = /\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
/** A lazy module that loads its own words (overlay/lib/errorBox.ts, overlay/all/lazyCards.ts). */
const OWN_WORDS = /['"]virtual:flashcue-onair/;
/** The error box, whose words are a chunk of their own (onAirBuild.ts, ERROR_BOX). */
const ERROR_WORDS = /['"]virtual:flashcue-onair-errors['"]/;
const KEY = /\bov_[a-z0-9_]+\b/g;
const EXTENSIONS = ['', '.ts', '.svelte.ts', '.js'];

function resolveImport(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const ext of EXTENSIONS) {
    const file = base + ext;
    if (/\.(ts|svelte|js)$/.test(file) && existsSync(file)) return file;
  }
  // `./x.js` written for a TypeScript file (Node-style ESM imports).
  const ts = base.replace(/\.js$/, '.ts');
  return ts !== base && existsSync(ts) ? ts : null;
}

/** The known keys (`all`) that `entry` and the modules it loads with its words mention, sorted. */
export function onAirKeysOf(entry: string, all: readonly string[]): string[] {
  return keysOf(entry, all, OWN_WORDS);
}

/**
 * The keys a page's lazy cards say that the page itself does not: the words their loader
 * (`virtual:flashcue-onair-lazy`) fetches with them. The error box keeps its own.
 */
export function lazyOnAirKeysOf(entry: string, all: readonly string[]): string[] {
  const own = new Set(onAirKeysOf(entry, all));
  return keysOf(entry, all, ERROR_WORDS).filter((key) => !own.has(key));
}

/** Keys of `entry` and its imports; a dynamic import whose code matches `skip` is not followed. */
function keysOf(entry: string, all: readonly string[], skip: RegExp): string[] {
  const known = new Set(all);
  const found = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    // shared/i18n holds the catalogues (Paraglide's messages, the phrase list for custom
    // words), which name every key: the words a page shows are written in overlay code.
    if (file.includes('/shared/i18n/')) continue;
    const code = readFileSync(file, 'utf8');
    for (const [key] of code.matchAll(KEY)) if (known.has(key)) found.add(key);
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const next = resolveImport(file, m[1]!);
      if (next) queue.push(next);
    }
    for (const m of code.matchAll(DYNAMIC_IMPORT)) {
      const next = resolveImport(file, m[1]!);
      if (next && !skip.test(readFileSync(next, 'utf8'))) queue.push(next);
    }
  }
  return [...found].sort();
}
