/** The Report screen's words in the controller's language: English as before, Chinese complete. */
import { afterEach, describe, expect, test } from 'vitest';
import { baseLocale, overwriteGetLocale } from '../../../../controller/i18n/paraglide/runtime.js';
import { gmvChart, viewerChart } from '../../../../controller/report/charts/chartData';
import { csvHeader, withHeaders } from '../../../../controller/report/csvHeaders';
import { earningsText } from '../../../../controller/report/earningsText';
import { dateTime, money, points } from '../../../../controller/report/format';
import {
  commitText,
  dealEnd,
  flagWords,
  runTitle,
  sourceName,
} from '../../../../controller/report/words';
import { reportCsv } from '../../../../shared/report/csv';
import { buildReport } from '../../../../shared/report/showReport';
import { mainShow } from '../../../support/reportScenario';
import { makeSheet } from '../../../support/sheets';

const zh = () => overwriteGetLocale(() => 'zh-CN');
afterEach(() => overwriteGetLocale(() => baseLocale));

function report() {
  const sheet = makeSheet((s) => {
    s.show.commission = {
      basePayment: 20_000,
      commissionRate: 0.1,
      gmvBonuses: [{ threshold: 50_000, amount: 5_000 }],
      viewerBonuses: [
        { metric: 'peakConcurrent', threshold: 250, amount: 1_000, label: '人气奖' },
        { metric: 'uniqueViewers', threshold: 5_000, amount: 3_000 },
      ],
      otherBonuses: [],
    };
  });
  const s = mainShow(sheet);
  return { sheet, report: buildReport(sheet, s.log) };
}

describe('the report in Chinese', () => {
  test('figures, dates and points', () => {
    zh();
    expect(money(14_900, 'CNY')).toBe('¥149.00');
    expect(points(0.012)).toBe('+1.2 个百分点');
    expect(dateTime(Date.UTC(2026, 2, 1, 1, 30), 'Asia/Shanghai')).toBe('2026年3月1日 09:30');
  });

  test('default segment titles, deal ends, flags and sources; the seller’s titles as typed', () => {
    zh();
    expect(runTitle('Opening', 'opening')).toBe('开场');
    expect(runTitle('Spring opening', 'opening')).toBe('Spring opening');
    expect(runTitle('Wireless Earbuds', 'product')).toBe('Wireless Earbuds');
    expect(runTitle('Closing')).toBe('收尾');
    expect(runTitle('Flash', 'flash')).toBe('限时秒杀');
    expect(runTitle('Wireless Earbuds')).toBe('Wireless Earbuds');
    expect(dealEnd({ running: false, endReason: 'expired' })).toBe('时间到');
    expect(dealEnd({ running: true, endReason: null })).toBe('仍在进行');
    expect(flagWords(['cancelled', 'price-differs'])).toBe('已取消、价格不同');
    expect(sourceName('hand')).toBe('手动');
    expect(sourceName('shopify')).toBe('Shopify');
  });

  test('chart summaries with one plural form', () => {
    zh();
    const { report: r } = report();
    expect(gmvChart(r).title).toBe('GMV 走势');
    expect(gmvChart(r).summary).toMatch(/^GMV 在 13:20 内达到 ¥1,637\.00，共 6 单；最多来自“/);
    expect(viewerChart(r).summary).toBe(
      '7:20 时同时在线最高 300 人；按时间加权平均 209.7 人，共录入 3 次。',
    );
  });

  test('the earnings sum: lines named in Chinese, a bonus the seller named kept as typed', () => {
    const { sheet, report: r } = report();
    zh();
    const words = earningsText(r.earnings!, sheet.show.commission, r.totals.gmv, 'CNY');
    expect(words.arithmetic.map((l) => l.label)).toEqual([
      '底薪',
      '佣金',
      'GMV 达 ¥500.00 奖金',
      '人气奖',
    ]);
    expect(words.arithmetic[1]!.detail).toBe('10% × ¥1,637.00');
    expect(words.arithmetic[3]!.detail).toBe('最高同时在线 300 人 ≥ 250');
    expect(words.arithmetic.map((l) => l.amount)).toEqual(
      r.earnings!.arithmetic.map((l) => l.amount),
    );
    expect(words.bonuses.map((b) => [b.label, b.status])).toEqual([
      ['GMV 达 ¥500.00 奖金', 'reached'],
      ['人气奖', 'reached'],
      ['独立观众 5,000 人奖金', 'missed'],
    ]);
  });

  test('CSV headers in Chinese; the values as in English', () => {
    const { report: r } = report();
    const english = reportCsv(r, 'sales', { bom: false }).split('\r\n');
    zh();
    const chinese = reportCsv(r, 'sales', { bom: false }, csvHeader()).split('\r\n');
    expect(chinese[0]!.split(',').slice(0, 3)).toEqual(['订单号', '时间（UTC）', '时间（当地）']);
    expect(chinese.slice(1)).toEqual(english.slice(1));
  });

  test('an order import said in Chinese', () => {
    zh();
    const c = { format: 'shopify', inWindow: 2, added: 2, changed: 0, unchanged: 0, outside: 1 };
    expect(commitText(c as Parameters<typeof commitText>[0])).toBe(
      '节目时段内有 2 行 Shopify 订单，新增 2，时间窗口外 1 行未导入。',
    );
  });
});

describe('the report in English reads as before', () => {
  test('the same words the report always used', () => {
    const { sheet, report: r } = report();
    expect(points(0.012)).toBe('+1.2 pts');
    expect(runTitle('Opening', 'opening')).toBe('Opening');
    expect(runTitle('Closing')).toBe('Closing');
    expect(flagWords(['cancelled', 'off-sheet'])).toBe('cancelled, not in the run sheet');
    const words = earningsText(r.earnings!, sheet.show.commission, r.totals.gmv, 'CNY');
    expect(words.arithmetic).toEqual(r.earnings!.arithmetic);
    expect(words.bonuses).toEqual(r.earnings!.bonuses);
    expect(reportCsv(r, 'sales', {}, csvHeader())).toBe(reportCsv(r, 'sales'));
    expect(
      commitText({
        format: 'tiktok',
        inWindow: 7,
        added: 7,
        changed: 0,
        unchanged: 0,
        outside: 1,
      }),
    ).toBe("7 TikTok Shop order lines in the show's window, 7 new, 1 outside the window left out.");
  });
});

describe('a CSV made elsewhere gets its header row in the language', () => {
  test('only the first row changes, the BOM and the rows stay', () => {
    zh();
    const csv = '\uFEFFkind,title,at_utc\r\nmanual,"a,b",2026-03-16T03:00:00.000Z\r\n';
    expect(withHeaders(csv)).toBe(
      '\uFEFF类型,标题,时间（UTC）\r\nmanual,"a,b",2026-03-16T03:00:00.000Z\r\n',
    );
    overwriteGetLocale(() => baseLocale);
    expect(withHeaders(csv)).toBe(csv);
  });
});
