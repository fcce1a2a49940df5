// One ESLint configuration for the whole tree: shared/, controller/, overlay/, test/ and the
// config files. Prettier owns the layout (eslint-config-prettier turns the layout rules off);
// ESLint looks for mistakes, with type information where a rule needs it.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'test-results/',
      'playwright-report/',
      'public/',
      'shared/i18n/paraglide/',
      'controller/i18n/paraglide/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  svelte.configs.recommended,
  prettier,
  svelte.configs.prettier,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: {
        parser: tseslint.parser,
        // svelte.config.js decides runes mode with a function (runes everywhere but
        // node_modules), which ESLint's cache cannot serialize; ESLint never lints
        // node_modules, so "runes everywhere" is the same answer.
        svelteConfig: {
          ...svelteConfig,
          compilerOptions: { ...svelteConfig.compilerOptions, runes: true },
        },
      },
    },
  },
  {
    rules: {
      // A leading underscore marks a value taken only to skip it (a destructured field left out
      // of a copy, a callback's unused first argument).
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  {
    // prefer-svelte-reactivity flags every Map and Set in a .svelte.ts file, locals and
    // private caches included; here those are never read by a template (reactive state is a
    // $state / $derived field), so every finding was a false alarm.
    rules: { 'svelte/prefer-svelte-reactivity': 'off' },
  },
  {
    // svelte-eslint-parser types a template's event-handler and snippet parameters as `any`
    // (e.g. `ondragover={(e) => e.preventDefault()}`), so the no-unsafe-* rules would flag
    // every handler; svelte-check (npm run check) type-checks the same templates with their
    // real types, zero warnings allowed.
    files: ['**/*.svelte'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
    },
  },
  {
    // Tests read untyped data on purpose — JSON from files, pages (page.evaluate), sockets and
    // hostile fixtures — and the expect() right after is the check; typing each read would
    // only restate the assertion. Vitest's expect(spy.method) reads a method unbound by design.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // Fakes of async interfaces (an OBS link, a Dexie table, a command client) answer at
      // once: `async` without `await` is how they keep the interface's promise.
      '@typescript-eslint/require-await': 'off',
      // Test pages reject with an IndexedDB request's own error (a DOMException, or null by
      // its type) so the failure reads as the browser reported it.
      '@typescript-eslint/prefer-promise-reject-errors': 'off',
    },
  },
  {
    // House rule: no source file over 300 lines; a longer one is split by job (issue 14).
    files: ['controller/**', 'overlay/**', 'shared/**'],
    rules: { 'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }] },
  },
  {
    // Plain JavaScript (this file, svelte.config.js, .ci/summary.mjs) is outside tsconfig.json.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
