/** A platform export's file-level problems carry a code the controller words in its language. */
import { describe, expect, it } from 'vitest';
import { parseOrderCsv, parseOrderRows, tooBigProblem } from '../../../../../shared/orders/parse';
import { OPTS, fixture } from '../../../../support/orderFiles';
import { OrderImportError } from '../../../../../controller/report/platform/importWorker';
import {
  orderErrorText,
  orderProblemText,
} from '../../../../../controller/report/platform/orderWords';

const opts = { currency: 'CNY', timeZone: 'Asia/Shanghai' };
const problem = (text: string) => {
  const outcome = parseOrderCsv(text, opts);
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.errors[0]!;
};

describe('a platform export’s problems in Chinese', () => {
  it('a file of neither platform, an empty one, one with binary data, a broken quote', () => {
    const neither = problem('a,b\n1,2\n');
    expect(neither.code).toBe('unknown_format');
    expect(orderProblemText(neither, 'en')).toBe(neither.message);
    expect(orderProblemText(neither, 'zh-CN')).toBe(
      '这既不是 TikTok Shop 订单导出（没有“Order ID”和“Seller SKU”列），也不是 Shopify 订单导出（没有“Name”和“Lineitem quantity”列）。它的前几列是 "a", "b"。',
    );
    expect(orderProblemText(problem(''), 'zh-CN')).toBe('文件是空的：没有标题行。');
    expect(orderProblemText(problem('a\u0000b'), 'zh-CN')).toMatch(/^这不是 CSV 文件/);
    expect(orderProblemText(problem('Name,Lineitem quantity\n"#1001,2\n'), 'zh-CN')).toMatch(
      /^第 2 行：引号内的单元格没有结束/,
    );
  });

  it('a Shopify export without its columns names them; a file too big says its size', () => {
    const missing = problem('Name,Lineitem quantity\n#1001,2\n');
    expect(missing.code).toBe('missing_columns');
    expect(orderProblemText(missing, 'zh-CN')).toMatch(/^这份 Shopify 导出缺少列 "/);
    expect(orderProblemText(tooBigProblem(50 * 1024 * 1024)!, 'zh-CN')).toBe(
      '文件大小为 50.0 MB；Flashcue 最多读取 40.0 MB 的订单导出。请在平台上只导出节目当天的订单。',
    );
  });

  it('the worker’s error in Chinese; an uncoded error as it came', () => {
    const error = new OrderImportError({ message: 'No file is open.', code: 'no_file' });
    expect(orderErrorText(error, 'en')).toBe('No file is open.');
    expect(orderErrorText(error, 'zh-CN')).toBe('没有打开的文件。');
    expect(orderErrorText(new Error('odd'), 'zh-CN')).toBe('odd');
  });

  it('a cell’s problem on a row, the rows skipped or counted once, mixed dates', () => {
    const read = parseOrderCsv(fixture('tiktok-us.csv'), OPTS);
    if (!read.ok) throw new Error('expected the fixture to read');
    expect(read.value.warnings.map((w) => orderProblemText(w, 'zh-CN'))).toEqual([
      '第 2 行是字段说明：已跳过',
      '第 8 行与第 6 行完全相同：只计一次',
    ]);
    const bad = fixture('tiktok-us.csv').replace('387.00\t,0\t,0\t,387.00\t', '387.00,0,0,lots');
    const lots = problem(bad);
    expect(orderProblemText(lots, 'en')).toBe(
      'row 6, SKU Subtotal After Discount: "lots" is not a number',
    );
    expect(orderProblemText(lots, 'zh-CN')).toBe(
      '第 6 行，SKU Subtotal After Discount：“lots”不是数字',
    );
    const badDate = fixture('tiktok-us.csv').replace(
      '3/16/2026 3:01:02 AM',
      '2/30/2026 3:01:02 AM',
    );
    const date = problem(badDate);
    expect(orderProblemText(date, 'en')).toBe(
      'row 3, Created Time: "2/30/2026 3:01:02 AM" is not a real date (read month first)',
    );
    // Chinese words the date problem; only the column's name and the cell are the file's.
    expect(
      orderProblemText(date, 'zh-CN')
        .replace('Created Time', '')
        .replace(/“[^”]*”/g, ''),
    ).not.toMatch(/[A-Za-z]{2,}/);
    const mixed = parseOrderRows(
      [
        [
          'Order ID',
          'Seller SKU',
          'Product Name',
          'Quantity',
          'SKU Subtotal After Discount',
          'Created Time',
        ],
        ['1', 'A', 'x', '1', '1.00', '27/05/2026 10:00:00'],
        ['2', 'A', 'x', '1', '1.00', '05/27/2026 10:00:00'],
      ],
      OPTS,
    );
    if (mixed.ok) throw new Error('expected a refusal');
    expect(orderProblemText(mixed.errors[0]!, 'zh-CN')).toBe(
      '“Created Time”混用了月在前和日在前的日期：Flashcue 无法分辨。请重新导出文件。',
    );
  });
});
