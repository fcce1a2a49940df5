/** A platform export's file-level problems carry a code the controller words in its language. */
import { describe, expect, it } from 'vitest';
import { parseOrderCsv, tooBigProblem } from '../../../../../shared/orders/parse';
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
});
