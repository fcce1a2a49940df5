/**
 * The import's remaining English sentences, now codes: a CSV's guessed separator, PingHuman
 * task problems and warnings, and the generated plan's warnings, each in Chinese with its values.
 */
import { describe, expect, it } from 'vitest';
import { errorText } from '../../../../controller/i18n/located';
import { importAny } from '../../../../shared/import';

const LATIN = /[A-Za-z]{2,}/;

describe('import warnings in the controller language', () => {
  it('says a guessed thousands separator in Chinese, with the cell and how many more', () => {
    const outcome = importAny('name,price,stock\nLamp,"1,299",5\nMug,"2,499",3\n', {
      fileName: 'p.csv',
      currency: 'CNY',
    });
    const guess = outcome.warnings.find((w) => w.code === 'dec_guess_thousands')!;
    expect(guess.message).toBe(
      'read "1,299" as 1299 ("," as a thousands separator) (and 1 more cells like it): write it without a separator, or with decimals (1,299.00), to be sure',
    );
    expect(errorText(guess, 'en')).toBe(guess.message);
    expect(errorText(guess, 'zh-CN')).toBe(
      '已把“1,299”读作 1299（“,”当作千位分隔符）（另有 1 个单元格也这样读取）：为确保无误，请不写分隔符，或写上小数（1,299.00）',
    );
  });

  it('says a PingHuman task’s problems and warnings in Chinese', () => {
    const task = {
      live_session_details: {
        products: [
          { name: 'Lamp', retail_price: 'abc' },
          { name: 'Mug', retail_price: 20, launch_discount: 'lots' },
          { name: 'Cup', retail_price: 10 },
        ],
        products_count: 5,
      },
      commission_structure: { base_payment: 100, performance_bonuses: [1] },
    };
    const outcome = importAny(JSON.stringify(task), { fileName: 'task.json' });
    const said = [...(outcome.result.ok ? [] : outcome.result.errors), ...outcome.warnings];
    expect(said.length).toBeGreaterThan(5);
    for (const problem of said) {
      expect(problem.code, problem.message).toBeTruthy();
      // Only the task's own field names (snake_case), currency codes and quoted values stay Latin.
      const zh = errorText(problem, 'zh-CN').replace(
        /[a-z_]+_[a-z_]+|CNY|USD|EUR|ISO|“[^”]*”/g,
        '',
      );
      expect(zh, problem.message).not.toMatch(LATIN);
    }
    const codes = said.map((p) => p.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'dec_not_number',
        'ph_percent',
        'ph_bonuses_object',
        'ph_no_currency',
        'ph_no_title',
        'ph_count_mismatch',
        'ph_no_stock',
      ]),
    );
  });
});
