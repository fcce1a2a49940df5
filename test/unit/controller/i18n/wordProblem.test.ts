import { describe, expect, it } from 'vitest';
import { wordProblemText } from '../../../../controller/i18n/wordProblem';
import { slotProblem, wordProblemSentence, wordProblems } from '../../../../shared/i18n/words';

const problem = (locale: string, slot: string, pattern: string) => {
  const found = slotProblem(locale, slot, pattern);
  if (!found) throw new Error(`no problem with ${pattern}`);
  return found;
};

describe('a custom word’s problem in the controller’s language', () => {
  it('keeps shared/’s English sentence word for word', () => {
    const p = problem('zh-CN', 'ov_stock_only_left', '仅剩 {n} 件');
    expect(wordProblemText(p, 'en')).toBe(wordProblemSentence(p));
    expect(wordProblemText(p, 'en')).toBe(
      'Custom words, 简体中文, "Only {count} left": {n} is not a placeholder of this phrase (it has {count})',
    );
  });

  it('says each fault in Chinese, the phrase named by its Chinese translation', () => {
    const zh = (locale: string, slot: string, pattern: string) =>
      wordProblemText(problem(locale, slot, pattern), 'zh-CN');
    expect(zh('zh-CN', 'ov_stock_only_left', '仅剩 {n} 件')).toBe(
      '自定义用语，简体中文，“仅剩 {count} 件”：{n} 不是这个用语的占位符（它有 {count}）',
    );
    expect(zh('en', 'ov_just_bought', '{buyer} got one!')).toMatch(
      /^自定义用语，English，“.*”：缺少 \{product\}（这个用语必须保留 \{buyer\}, \{product\}）$/,
    );
    expect(zh('en', 'ov_sold_out', 'Gone {soon}')).toMatch(
      /\{soon\} 不是这个用语的占位符（它有 无）$/,
    );
    expect(zh('en', 'ov_sold_out', 'Gone {')).toMatch(/：有 \{ 或 \} 没有配成占位符$/);
    expect(zh('en', 'ov_sold_out', 'x'.repeat(121))).toMatch(/：超过 120 个字符$/);
    expect(zh('en', 'ov_sold_out#one', 'x')).toMatch(/（一）：这个用语没有复数形式$/);
    expect(zh('zh-CN', 'ov_stock_only_left#one', '只剩一件')).toMatch(
      /（一）：one 不是这种语言的复数形式（它有 other）$/,
    );
    expect(zh('en', 'ov_nope', 'x')).toBe(
      '自定义用语，English，“ov_nope”：ov_nope 不是直播画面上的用语',
    );
    expect(zh('xx', 'ov_sold_out', 'x')).toMatch(/：Flashcue 不支持语言 xx$/);
  });

  it('finds every problem of a look’s words as data', () => {
    expect(wordProblems({ en: { ov_up_next: '{x}', ov_sold_out: 'Gone' } })).toEqual([
      { locale: 'en', slot: 'ov_up_next', fault: { code: 'unknown', name: 'x', allowed: [] } },
    ]);
  });
});
