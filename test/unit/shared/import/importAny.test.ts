import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { exportRunSheetJson, importAny, importValue } from '../../../../shared/import';
import { unwrapCurl } from '../../../../shared/import';
import { templates } from '../../../../shared/runsheet/templates';

const fixture = (path: string) =>
  readFileSync(new URL(`../../../fixtures/${path}`, import.meta.url), 'utf8');

describe('importAny', () => {
  test('detects a Flashcue run sheet, whatever the file is called', () => {
    const sheet = templates[1]!.build();
    const text = exportRunSheetJson(sheet);
    expect(importAny(text, { fileName: 'show.txt' })).toEqual({
      kind: 'flashcue',
      result: { ok: true, value: sheet },
      warnings: [],
    });
  });

  test('detects PingHuman tasks, also pasted as a curl command', () => {
    expect(importAny(fixture('pinghuman/task-smart-home-qa.json')).kind).toBe('pinghuman');
    const pasted = importAny(fixture('pinghuman/curl-launch-premiere.txt'));
    expect(pasted.kind).toBe('pinghuman');
    expect(pasted.result.ok && pasted.result.value.products).toHaveLength(3);
    expect(unwrapCurl('not curl')).toBe('not curl');
  });

  test('CSV needs a currency; the file name becomes the title', () => {
    const csv = fixture('csv/semicolon-decimal-comma.csv');
    expect(importAny(csv, { fileName: 'list.csv' }).result).toEqual({
      ok: false,
      errors: [{ path: '(file)', message: expect.stringMatching(/currency/) }],
    });
    const done = importAny(csv, { fileName: 'spring_launch.csv', currency: 'EUR' });
    expect(done.kind).toBe('csv');
    expect(done.result.ok && done.result.value.show).toMatchObject({
      title: 'spring launch',
      currency: 'EUR',
    });
  });

  test('broken JSON is reported as JSON with line and column, even with a .csv name', () => {
    const broken = importAny(fixture('pinghuman/host-profile-2-broken.json'), {
      fileName: 'profile.csv',
    });
    expect(broken.kind).toBe('flashcue');
    expect(broken.result.ok ? [] : broken.result.errors[0]!.path).toBe('line 36, column 3');
    const task = importAny('{"live_session_details": {"duration_hours": 2,', {
      fileName: 'task.json',
    });
    expect(task.kind).toBe('pinghuman');
    expect(task.result.ok).toBe(false);
  });

  test('empty files, oversized files, host profiles', () => {
    expect(importAny('', { fileName: 'x.csv' })).toEqual({
      kind: 'csv',
      result: { ok: false, errors: [{ path: '(file)', message: 'is empty' }] },
      warnings: [],
    });
    expect(importAny('\uFEFF  ').result.ok).toBe(false);
    expect(importAny(' '.repeat(21 * 1024 * 1024)).result).toEqual({
      ok: false,
      errors: [{ path: '(file)', message: expect.stringMatching(/20\.0 MB/) }],
    });
    expect(importAny(fixture('pinghuman/host-profile-1.json')).result).toEqual({
      ok: false,
      errors: [{ path: '(top level)', message: expect.stringMatching(/host profile/) }],
    });
  });

  test('importValue takes an already-parsed object (the command API)', () => {
    const sheet = templates[0]!.build();
    expect(importValue(JSON.parse(JSON.stringify(sheet))).result).toEqual({
      ok: true,
      value: sheet,
    });
    expect(
      importValue({ live_session_details: { duration_hours: 1, products_count: 1 } }).kind,
    ).toBe('pinghuman');
  });
});
