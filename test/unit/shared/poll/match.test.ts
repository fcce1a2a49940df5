import { describe, expect, it } from 'vitest';
import { keywordMatcher, normalise, voteMatcher } from '../../../../shared/poll/match';

const options = [
  { label: 'Red', keywords: ['红色', 'rojo'] },
  { label: 'Blue', keywords: ['蓝色'] },
  { label: 'ピンク', keywords: [] },
];

describe('voteMatcher', () => {
  const match = voteMatcher(options);
  it('reads a number alone, in any width, with punctuation around it', () => {
    expect(match('1')).toBe(0);
    expect(match(' 2 ')).toBe(1);
    expect(match('２')).toBe(1);
    expect(match('#3!')).toBe(2);
    expect(match('4')).toBeNull();
    expect(match('0')).toBeNull();
    expect(match('I have 1 question')).toBeNull();
  });
  it('reads keywords case- and width-insensitively, whole words in spaced scripts', () => {
    expect(match('RED please')).toBe(0);
    expect(match('ＲＥＤ')).toBe(0);
    expect(match('¡Rojo!')).toBe(0);
    expect(match('bored')).toBeNull();
    expect(match('我要红色的')).toBe(0);
    expect(match('蓝色')).toBe(1);
    expect(match('ﾋﾟﾝｸがいい')).toBe(2);
  });
  it('gives no vote to a comment naming two options', () => {
    expect(match('red or blue?')).toBeNull();
  });
});

describe('keywordMatcher', () => {
  it('finds the keyword as a word, any case or width', () => {
    const m = keywordMatcher('WIN');
    expect(m('win')).toBe(true);
    expect(m('I want to ｗｉｎ!!')).toBe(true);
    expect(m('winner')).toBe(false);
    expect(keywordMatcher('抽奖')(`我要抽奖`)).toBe(true);
  });
  it('normalises punctuation and spaces', () => {
    expect(normalise('  Hello,   WORLD!! ')).toBe('hello world');
  });
});
