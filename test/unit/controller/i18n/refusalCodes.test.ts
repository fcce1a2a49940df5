/**
 * Issue 16 sweep: a refusal made anywhere (`refusal(sentence, code)` in shared/ or controller/)
 * reaches a zh-CN producer in Chinese only if the catalogue words its code (`refuse_<code>`);
 * a code without a message falls back to the English sentence, silently. So every code written
 * in the source is looked up here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import zh from '../../../../messages/controller/zh-CN.json' with { type: 'json' };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'paraglide' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

/** `refusal('…', 'code'` or `refusal(sentence, 'code'` (a template may span lines). */
const CALL =
  /\brefusal\(\s*(?:(['"`])(?:\\.|(?!\1)[\s\S])*?\1|[A-Za-z_$][\w$.]*)\s*,\s*'([a-z0-9_]+)'/g;

describe('refusal codes', () => {
  test('every code in the source has its Chinese words', () => {
    const codes = new Map<string, string>();
    for (const file of [...sources('shared'), ...sources('controller')])
      for (const found of readFileSync(file, 'utf8').matchAll(CALL)) codes.set(found[2]!, file);
    expect(codes.size).toBeGreaterThan(20);
    const catalogue = zh as Record<string, unknown>;
    const missing = [...codes].filter(([code]) => !(`refuse_${code}` in catalogue));
    expect(missing).toEqual([]);
  });
});
