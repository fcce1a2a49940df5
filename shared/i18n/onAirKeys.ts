/**
 * Build-time (Node): which on-air messages a module can show — the `ov_*` keys written in it
 * and in every module it imports statically (relative imports, `.ts`/`.svelte`), but not
 * through a dynamic import(): what a lazy chunk shows is loaded with that chunk. onAirBuild.ts
 * puts only these keys in a page's language chunk, so a page never downloads words it cannot
 * show (the poll's on the composite page, the error box's on every correct page).
 *
 * A key must appear literally (`say('ov_sold_out')`, `m.ov_opt_flag(…)`) outside shared/i18n;
 * a key built at run time would be missed, and no module builds one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** `import … from './x'`, `import './x.css'`, `export … from './x'`; never `import type`. */
const STATIC_IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?!type\s)(?:[\w$*{}\s,]*?\sfrom\s*)?['"](\.{1,2}\/[^'"]+)['"]/g;
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

/** The known keys (`all`) that `entry` and its static imports mention, sorted. */
export function onAirKeysOf(entry: string, all: readonly string[]): string[] {
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
  }
  return [...found].sort();
}
