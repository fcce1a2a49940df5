import { describe, expect, it } from 'vitest';
import { tiktokProblemText } from '../../../../controller/integrations/intakeWords';

describe('the TikTok Shop poller’s problems in the controller’s language', () => {
  it('keeps the server’s English sentence word for word in English', () => {
    const english = 'TikTok Shop said too many requests (HTTP 429): next look in 6 s.';
    expect(tiktokProblemText({ code: 'too_many', params: { seconds: 6 } }, english, 'en')).toBe(
      english,
    );
  });

  it('words each code in Chinese, TikTok’s own reason and field names kept', () => {
    const zh = (code: string, params: Record<string, string | number>) =>
      tiktokProblemText({ code, params }, 'English', 'zh-CN');
    expect(zh('too_many', { seconds: 6 })).toBe(
      'TikTok Shop 表示请求过多（HTTP 429）：6 秒后再查看。',
    );
    expect(zh('search_refused', { reason: 'signature is invalid', code: 106001, http: 401 })).toBe(
      'TikTok Shop 拒绝了订单查询：signature is invalid（代码 106001，HTTP 401）。',
    );
    expect(zh('refresh_refused', { reason: '', code: 36004004 })).toBe(
      'TikTok Shop 拒绝刷新访问令牌：未说明原因（代码 36004004）。请在集成页面输入新的令牌。',
    );
    expect(zh('order_refused', { order: '5764', reason: '没有这个商品。' })).toBe(
      '订单 5764：没有这个商品。',
    );
    expect(
      zh('not_understood', {
        what: 'search',
        n: 2,
        more: 1,
        path0: 'code',
        message0: 'Invalid input: expected number, received string',
        path1: 'data.orders[0].id',
        message1: 'Too big: expected string to have <=64 characters',
      }),
    ).toBe(
      '无法读懂 TikTok 对订单查询的答复：\ncode：应为数字，而不是文本\ndata.orders[0].id：最多 64 个字符\n……另有 1 处',
    );
  });

  it('shows the English sentence for a code it does not know, or no code at all', () => {
    expect(tiktokProblemText({ code: 'newer', params: {} }, 'Something new.', 'zh-CN')).toBe(
      'Something new.',
    );
    expect(tiktokProblemText(undefined, 'Old server.', 'zh-CN')).toBe('Old server.');
  });
});
