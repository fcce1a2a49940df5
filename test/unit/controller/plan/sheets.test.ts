import { describe, expect, test } from 'vitest';
import { parseRunSheet } from '../../../../shared/runsheet';
import {
  blankSheet,
  copyRow,
  newProductForm,
  newSegmentForm,
  plannedSummary,
  uniqueId,
} from '../../../../controller/plan/sheets';
import { checkImage, looksLikeCsv, tooLarge } from '../../../../controller/plan/files';

describe('new sheets and rows', () => {
  test('a blank sheet is valid: opening + closing, CNY, 60 minutes', () => {
    const parsed = parseRunSheet(blankSheet('untitled-show', 'Asia/Shanghai'));
    expect(parsed.ok).toBe(true);
    expect(parsed.ok && parsed.value).toMatchObject({
      show: { currency: 'CNY', durationSec: 3600, timeZone: 'Asia/Shanghai' },
      segments: [{ kind: 'opening' }, { kind: 'closing' }],
    });
  });

  test("a blank sheet's title and segment titles are the words it is given", () => {
    const words = { title: '未命名节目', opening: '欢迎！今晚的超值好物', closing: '最后机会' };
    const parsed = parseRunSheet(blankSheet('untitled-show', 'Asia/Shanghai', words));
    expect(parsed.ok && parsed.value).toMatchObject({
      show: { title: '未命名节目' },
      segments: [{ title: '欢迎！今晚的超值好物' }, { title: '最后机会' }],
    });
  });

  test('unique ids add -2, -3… and stay within 64 characters', () => {
    const taken = new Set(['show', 'show-2']);
    expect(uniqueId('fresh', (id) => taken.has(id))).toBe('fresh');
    expect(uniqueId('show', (id) => taken.has(id))).toBe('show-3');
    const long = 'x'.repeat(64);
    const id = uniqueId(long, (candidate) => candidate === long);
    expect(id).toHaveLength(64);
    expect(id.endsWith('-2')).toBe(true);
  });

  test('new rows and copies never reuse an id', () => {
    expect(newProductForm(['product-1', 'product-2']).id).toBe('product-3');
    expect(newProductForm(['product-3']).id).toBe('product-2');
    const seg = newSegmentForm('flash', ['seg-1'], 'buds');
    expect(seg).toMatchObject({ id: 'seg-2', kind: 'flash', productId: 'buds', duration: '1:00' });
    expect(newSegmentForm('opening', [], 'buds').productId).toBe('');
    const copy = copyRow(seg, ['seg-1', 'seg-2', 'seg-2-copy']);
    expect(copy.id).toBe('seg-2-copy-2');
    expect(copy.key).not.toBe(seg.key);
  });
});

describe('planned time', () => {
  test('says how much is spare, how much over, in the warning state when over', () => {
    expect(plannedSummary(58 * 60, 3600)).toEqual({
      text: '58:00 of 1:00:00 planned — 2:00 to spare',
      state: 'spare',
    });
    expect(plannedSummary(64 * 60 + 30, 3600)).toEqual({
      text: '1:04:30 of 1:00:00 planned — over by 4:30',
      state: 'over',
    });
    expect(plannedSummary(1440, 1440).state).toBe('exact');
  });
});

describe('files', () => {
  test('CSV is what is neither JSON-shaped nor named .json', () => {
    expect(looksLikeCsv('name,price\nA,1', 'list.csv')).toBe(true);
    expect(looksLikeCsv('\uFEFF  {"format": 1}', 'x.txt')).toBe(false);
    expect(looksLikeCsv('name,price', 'broken.json')).toBe(false);
    expect(looksLikeCsv(`curl -X POST https://x -d '{"title": "t"}'`, 'task.txt')).toBe(false);
  });

  test('too large is refused before reading; uploads are checked for type and size', () => {
    expect(tooLarge(1024)).toBeNull();
    expect(tooLarge(30 * 1024 * 1024)).toMatch(/30.0 MB; Flashcue imports files up to 20.0 MB/);
    expect(checkImage({ type: 'image/png', size: 100_000 })).toBeNull();
    expect(checkImage({ type: 'application/pdf', size: 1 })).toMatch(/PNG, JPEG/);
    expect(checkImage({ type: 'image/jpeg', size: 5 * 1024 * 1024 })).toMatch(/up to 2.5 MB/);
  });
});
