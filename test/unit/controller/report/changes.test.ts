import { describe, expect, test } from 'vitest';
import {
  describeChanges,
  isEmptyChanges,
  parseChanges,
  serializeChanges,
} from '../../../../controller/report/changes';

describe('experiment notes in the show row', () => {
  test('a note alone stays plain text, both ways', () => {
    expect(serializeChanges({ variables: [], note: '  Started at 20:00  ' })).toBe(
      'Started at 20:00',
    );
    expect(parseChanges('Started at 20:00')).toEqual({ variables: [], note: 'Started at 20:00' });
    expect(parseChanges('')).toEqual({ variables: [], note: '' });
  });

  test('ticked variables round-trip as tagged JSON, in a fixed order', () => {
    const text = serializeChanges({
      variables: ['hostStyle', 'startTime'],
      note: 'Two changes at once',
    });
    expect(JSON.parse(text)).toEqual({
      flashcue: 'changes',
      v: 1,
      variables: ['startTime', 'hostStyle'],
      note: 'Two changes at once',
    });
    expect(parseChanges(text)).toEqual({
      variables: ['startTime', 'hostStyle'],
      note: 'Two changes at once',
    });
  });

  test('JSON that is not ours, or broken, reads as a note', () => {
    expect(parseChanges('{"a": 1}')).toEqual({ variables: [], note: '{"a": 1}' });
    expect(parseChanges('{ offer: 2 for 1')).toEqual({ variables: [], note: '{ offer: 2 for 1' });
    expect(
      parseChanges('{"flashcue":"changes","v":1,"variables":["teleport"],"note":""}').variables,
    ).toEqual([]);
  });

  test('one line for tables', () => {
    expect(describeChanges({ variables: ['length', 'order'], note: '90 min' })).toBe(
      'Changed: length, product order — 90 min',
    );
    expect(describeChanges({ variables: [], note: '' })).toBe('');
    expect(isEmptyChanges(parseChanges(''))).toBe(true);
  });
});
