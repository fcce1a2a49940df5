import { describe, expect, it } from 'vitest';
import { errorText, placeText } from '../../../../controller/i18n/located';
import { importAny } from '../../../../shared/import';
import { baseSheet } from '../../../support/sheets';

const errorsOf = (text: string, fileName = 'x.json', currency?: string) => {
  const outcome = importAny(text, { fileName, ...(currency ? { currency } : {}) });
  return outcome.result.ok ? [] : outcome.result.errors;
};

describe('import errors in the controller language', () => {
  it('keeps the English place and sentence word for word', () => {
    const e = { path: 'row 3, column "price"', message: 'is empty', code: 'empty' };
    expect(placeText(e.path, 'en')).toBe('row 3, column "price"');
    expect(errorText(e, 'en')).toBe('is empty');
  });

  it('says where in Chinese: rows, columns, lines and run-sheet fields', () => {
    expect(placeText('row 7, column "price"', 'zh-CN')).toBe('第 7 行“price”列');
    expect(placeText('row 7', 'zh-CN')).toBe('第 7 行');
    expect(placeText('line 3, column 14', 'zh-CN')).toBe('第 3 行第 14 列');
    expect(placeText('(file)', 'zh-CN')).toBe('（文件）');
    expect(placeText('products[2].livePrice', 'zh-CN')).toBe('商品 3 › 直播价');
    expect(placeText('segments[0]', 'zh-CN')).toBe('环节 1');
    expect(placeText('show.commission.gmvBonuses[1].amount', 'zh-CN')).toBe(
      '节目 › 佣金 › 成交额奖金 2 › 金额',
    );
    expect(placeText('somewhere odd', 'zh-CN')).toBe('somewhere odd');
  });

  it('renders a schema refusal of a real import by its code, with its values', () => {
    const sheet = baseSheet();
    sheet.products[0]!.livePrice = sheet.products[0]!.retailPrice + 100;
    sheet.products[1]!.name = 'x'.repeat(500);
    const errors = errorsOf(JSON.stringify(sheet));
    const live = errors.find((e) => e.path === 'products[0].livePrice')!;
    expect(live.message).toMatch(/above the retail price/);
    expect(errorText(live, 'zh-CN')).toBe('高于零售价：直播价应是主播揭晓的优惠价');
    const name = errors.find((e) => e.path === 'products[1].name')!;
    expect(errorText(name, 'zh-CN')).toMatch(/^最多 \d+ 个字符$/);
  });

  it('renders CSV problems with their row and column', () => {
    const refused = errorsOf('name,price,stock\nCup,,2\n', 'p.csv', 'CNY');
    const missing = refused.find((e) => e.code === 'csv_no_price_cell')!;
    expect(errorText(missing, 'zh-CN')).toBe('缺失：每件商品都需要价格');
    expect(placeText(missing.path, 'zh-CN')).toBe('第 2 行“price”列');
    // Beside good rows the bad one is skipped with a warning that says both parts.
    const outcome = importAny('name,price,stock\nMug,5,3\nCup,,2\n', {
      fileName: 'p.csv',
      currency: 'CNY',
    });
    const skipped = outcome.warnings.find((e) => e.code === 'csv_row_skipped')!;
    expect(skipped.message).toBe('is missing: every product needs a price (row not imported)');
    expect(errorText(skipped, 'zh-CN')).toBe('缺失：每件商品都需要价格（该行未导入）');
  });

  it('falls back to English for an error without a code', () => {
    expect(errorText({ message: 'odd', code: 'no_such_code' }, 'zh-CN')).toBe('odd');
    expect(errorText({ message: 'plain' }, 'zh-CN')).toBe('plain');
    expect(errorsOf('')[0]).toMatchObject({ code: 'empty' });
    expect(errorText(errorsOf('   ')[0]!, 'zh-CN')).toBe('是空的');
  });
});

describe('a CSV cell that is not a number, in Chinese', () => {
  it('says which cell and what, from the decimal reader code', () => {
    const csv = 'name,live price,stock\nLamp,abc,5\nMask,12 USD,3\nBuds,-4,2\n';
    const errors = errorsOf(csv, 'products.csv', 'CNY');
    const said = errors.map((e) => `${placeText(e.path, 'zh-CN')} ${errorText(e, 'zh-CN')}`);
    expect(said).toContain('第 2 行“live price”列 “abc”不是数字');
    expect(said).toContain(
      '第 3 行“live price”列 是 USD，但本次导入的币种是 CNY：请换算，或以币种 USD 导入',
    );
    expect(said).toContain('第 4 行“live price”列 不能为负数');
  });
});
