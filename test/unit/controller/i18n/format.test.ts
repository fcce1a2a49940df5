import { describe, expect, it } from 'vitest';
import { formatCount, formatDateTime, formatPrice } from '../../../../controller/i18n/format';
import * as m from '../../../../controller/i18n/paraglide/messages.js';

// 2026-03-01 01:30 UTC: still 28 February in New York, already 09:30 in Shanghai.
const AT = Date.UTC(2026, 2, 1, 1, 30);

describe('controller dates in the show time zone', () => {
  it('writes the day the show had, not the day this machine has', () => {
    expect(formatDateTime(AT, 'America/New_York', 'date', 'en')).toBe('28 Feb 2026');
    expect(formatDateTime(AT, 'Asia/Shanghai', 'date', 'en')).toBe('1 Mar 2026');
  });

  it('writes Chinese dates and times in Chinese', () => {
    expect(formatDateTime(AT, 'Asia/Shanghai', 'date', 'zh-CN')).toBe('2026年3月1日');
    expect(formatDateTime(AT, 'Asia/Shanghai', 'full', 'zh-CN')).toBe('2026年3月1日 09:30');
    expect(formatDateTime(AT, 'Asia/Shanghai', 'time', 'zh-CN')).toBe('09:30');
  });

  it('keeps the English form the report always used', () => {
    expect(formatDateTime(AT, 'UTC', 'full', 'en')).toBe('1 Mar 2026, 01:30');
  });
});

describe('controller numbers and money', () => {
  it('groups counts as the language does', () => {
    expect(formatCount(12345, 'en')).toBe('12,345');
    expect(formatCount(12345, 'zh-CN')).toBe('12,345');
  });

  it('writes yuan as ¥ in Chinese, without the CN of the English form', () => {
    expect(formatPrice(14900, 'CNY', 'zh-CN')).toBe('¥149.00');
    expect(formatPrice(14900, 'CNY', 'en')).toBe('CN¥149.00');
  });
});

describe('plural rules per language', () => {
  it('English has one and other, Chinese one form', () => {
    expect(m.host_left({ count: 1 }, { locale: 'en' })).toBe('1 left');
    expect(m.host_left({ count: 2 }, { locale: 'en' })).toBe('2 left');
    expect(m.host_left({ count: 1 }, { locale: 'zh-CN' })).toBe('剩 1 件');
    expect(m.host_left({ count: 5 }, { locale: 'zh-CN' })).toBe('剩 5 件');
  });
});
