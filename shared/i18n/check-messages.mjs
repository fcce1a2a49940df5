/**
 * The message files' gate (run by `npm run lint`): every shipped language has every message of
 * the base language and no other, each with the same placeholders, and every plural form its
 * language needs (Intl.PluralRules). Paraglide compiles a missing translation into a silent
 * fallback to English, and a wrong placeholder into "undefined" on air: both fail here first.
 * Also refuses plugin modules loaded from the network (CI has no CDN).
 * Plain JavaScript so `npm run lint` runs it with Node alone; typed by check-messages.d.mts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PLACEHOLDER = /(?<!\\)\{\s*([A-Za-z_][\w]*)\s*\}/g;

/** Variables a pattern string refers to. */
function refs(pattern) {
  return [...pattern.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * What one message needs from its caller (placeholders and declared inputs) and which
 * plural categories it covers, or a problem sentence.
 */
export function describeMessage(value) {
  if (typeof value === 'string') return { inputs: new Set(refs(value)), plural: null };
  if (!Array.isArray(value) || value.length !== 1 || typeof value[0] !== 'object' || !value[0])
    return { problem: 'is neither a string nor [{ declarations, selectors, match }]' };
  const { declarations = [], match } = value[0];
  if (!match || typeof match !== 'object') return { problem: 'has no "match"' };
  const inputs = new Set();
  const locals = new Set();
  let plural = null;
  for (const line of declarations) {
    const input = /^input\s+(\w+)$/.exec(line);
    const local = /^local\s+(\w+)\s*=\s*(\w+)\s*:\s*plural\b/.exec(line);
    if (input) inputs.add(input[1]);
    else if (local) {
      locals.add(local[1]);
      plural = { selector: local[1], categories: new Set() };
    } else return { problem: `has a declaration this checker does not know: ${line}` };
  }
  for (const [condition, pattern] of Object.entries(match)) {
    if (typeof pattern !== 'string') return { problem: `"${condition}" is not a string` };
    for (const name of refs(pattern)) if (!locals.has(name)) inputs.add(name);
    if (plural) {
      for (const part of condition.split(',')) {
        const [selector, category] = part.split('=').map((s) => s.trim());
        if (selector === plural.selector) plural.categories.add(category);
      }
    }
  }
  return { inputs, plural };
}

const list = (set) =>
  [...set]
    .sort()
    .map((name) => `{${name}}`)
    .join(', ') || 'none';

/**
 * Every problem in a set of message files, each a sentence naming the file and the message.
 * `files` maps a locale to its parsed JSON; `base` is the locale the others must match.
 */
export function checkMessages(files, base, dir = 'messages') {
  const problems = [];
  const baseFile = files[base];
  if (!baseFile) return [`${dir}/${base}.json: the base language's file is missing`];
  const keysOf = (file) => Object.keys(file).filter((key) => key !== '$schema');
  const described = {};
  for (const [locale, file] of Object.entries(files)) {
    described[locale] = {};
    for (const key of keysOf(file)) {
      const d = describeMessage(file[key]);
      if ('problem' in d) problems.push(`${dir}/${locale}.json: "${key}" ${d.problem}`);
      else described[locale][key] = d;
    }
  }
  for (const [locale, file] of Object.entries(files)) {
    const where = `${dir}/${locale}.json`;
    if (locale !== base) {
      for (const key of keysOf(baseFile))
        if (!(key in file)) problems.push(`${where}: "${key}" is missing (it is in ${base}.json)`);
      for (const key of keysOf(file))
        if (!(key in baseFile)) problems.push(`${where}: "${key}" is not in ${base}.json`);
    }
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    for (const [key, d] of Object.entries(described[locale])) {
      const want = described[base][key];
      if (locale !== base && want) {
        const same =
          want.inputs.size === d.inputs.size && [...want.inputs].every((n) => d.inputs.has(n));
        if (!same)
          problems.push(
            `${where}: "${key}" has placeholders ${list(d.inputs)} but ${base}.json has ${list(want.inputs)}`,
          );
      }
      if (d.plural && !d.plural.categories.has('*')) {
        const missing = categories.filter((c) => !d.plural.categories.has(c));
        if (missing.length)
          problems.push(
            `${where}: "${key}" lacks the plural form${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (add them or a "*" case)`,
          );
      }
    }
  }
  return problems;
}

/**
 * A project's settings: locales with a file each, plugins from node_modules only. `project` is
 * the on-air words' project.inlang or the controller's project.controller.inlang; its message
 * folder comes from its pathPattern.
 */
export function checkProject(root, project = 'project.inlang') {
  const settingsPath = join(root, project, 'settings.json');
  const settings = JSON.parse(readFileSync(settingsPath, 'utf8'));
  const problems = [];
  for (const module of settings.modules ?? []) {
    if (/^[a-z]+:/i.test(module))
      problems.push(
        `${project}/settings.json: module ${module} would be fetched from the network; point it into ./node_modules`,
      );
    else if (!existsSync(join(root, module)))
      problems.push(`${project}/settings.json: module ${module} does not exist (npm ci?)`);
  }
  const pattern =
    settings['plugin.inlang.messageFormat']?.pathPattern ?? './messages/{locale}.json';
  const dir = dirname(pattern.replace(/^\.\//, ''));
  const files = {};
  for (const locale of settings.locales) {
    const path = join(root, dir, `${locale}.json`);
    if (!existsSync(path)) {
      problems.push(`${dir}/${locale}.json: missing (the locale is in ${project}/settings.json)`);
      continue;
    }
    try {
      files[locale] = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push(`${dir}/${locale}.json: not JSON (${error.message})`);
    }
  }
  return [...problems, ...checkMessages(files, settings.baseLocale, dir)];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  // The on-air words and the controller's words (compile.mjs builds both).
  const problems = [
    ...checkProject(root, 'project.inlang'),
    ...checkProject(root, 'project.controller.inlang'),
  ];
  for (const problem of problems) console.error(problem);
  if (problems.length) {
    console.error(
      `i18n: ${problems.length} problem${problems.length > 1 ? 's' : ''} in the message files`,
    );
    process.exit(1);
  }
  console.log('i18n: message files agree (every key, placeholder and plural form)');
}
