/**
 * Compiles messages/<locale>.json into typed, tree-shakable message functions
 * (shared/i18n/paraglide/, generated and git-ignored) with Paraglide JS. Run before vite,
 * vitest, tsc and svelte-check (npm scripts call it). Generated rather than committed: the
 * message files stay the one source, a review shows translations rather than compiler output,
 * and a stale compile can never ship. Skipped when the output is newer than every input,
 * because the compiler takes ~5–20 s on this machine.
 *
 * Never reaches the network: project.inlang/settings.json loads its plugin from node_modules
 * (checked by check-messages.mjs, which refuses http(s) modules).
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { compile } from '@inlang/paraglide-js';

/**
 * Two projects, two outputs: the on-air words (13 languages, bundled per overlay page) and the
 * controller's own words (English and Simplified Chinese, controller/i18n/paraglide/), so an
 * overlay never carries controller text and the overlay languages are not asked to translate
 * the controller.
 */
export const projects = [
  { project: './project.inlang', outdir: './shared/i18n/paraglide', messages: 'messages' },
  {
    project: './project.controller.inlang',
    outdir: './controller/i18n/paraglide',
    messages: 'messages/controller',
  },
];

/**
 * Paraglide's registry builds a new Intl.PluralRules on every call of a message with a count:
 * ~0.5 ms each in Chromium, and the Live screen says "{count} left" on every sale (a CPU
 * profile of 200 sales through the command API: 109 ms in that constructor alone). Each
 * compiled registry's `plural` becomes shared/i18n/plural.ts's, which keeps one per locale and
 * kind. Applied after every compile and checked on every run: a Paraglide whose registry reads
 * otherwise fails the build here, loudly.
 */
const PLURAL =
  /export function plural\(locale, input, options\) \{\s*return new Intl\.PluralRules\(locale, options\)\.select\(Number\(input\)\)\s*\};?/;
const PLURAL_MODULE = 'shared/i18n/plural.ts';

function cachePluralRules(outdir) {
  const file = join(outdir, 'registry.js');
  const from = relative(dirname(file), PLURAL_MODULE).split('\\').join('/');
  const cached = `// Flashcue (shared/i18n/compile.mjs): one Intl.PluralRules per locale and kind.\nexport { plural } from '${from}';`;
  const code = readFileSync(file, 'utf8');
  if (code.includes(cached)) return;
  if (!PLURAL.test(code))
    throw new Error(`i18n: ${file} has no plural() as Paraglide 2 wrote it; see cachePluralRules`);
  writeFileSync(file, code.replace(PLURAL, cached));
}

for (const { project, outdir, messages } of projects) {
  const stamp = join(outdir, 'runtime.js');
  const inputs = [
    join(project, 'settings.json'),
    'package-lock.json',
    ...readdirSync(messages)
      .filter((file) => file.endsWith('.json'))
      .map((file) => join(messages, file)),
  ];
  const newest = Math.max(...inputs.map((file) => statSync(file).mtimeMs));
  const fresh = existsSync(stamp) && statSync(stamp).mtimeMs > newest;

  if (fresh && !process.argv.includes('--force')) {
    console.log('i18n: messages already compiled in', outdir);
  } else {
    await compile({
      project,
      outdir,
      // The overlays and the controller choose the locale themselves (from ?lang= and the
      // settings) and set it once at start; nothing is read from the browser or the OS.
      strategy: ['globalVariable', 'baseLocale'],
      emitTsDeclarations: true,
      emitReadme: false,
    });
    console.log('i18n: messages compiled into', outdir);
  }
  cachePluralRules(outdir);
}
