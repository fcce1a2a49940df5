import { describe, expect, it } from 'vitest';
import { refusalText } from '../../../../controller/i18n/refusal';
import { translateApiCommand } from '../../../../shared/protocol/commandApi';
import { refusal } from '../../../../shared/show/refusal';

describe('refusals in the controller language', () => {
  it('keeps the English sentence word for word in English', () => {
    const r = refusal('The show is already paused.', 'already_paused');
    expect(refusalText(r, 'en')).toBe('The show is already paused.');
  });

  it('renders the code and its parameters in Chinese, the step translated too', () => {
    expect(refusalText(refusal('x', 'already_paused'), 'zh-CN')).toBe('节目已经暂停。');
    expect(refusalText(refusal('x', 'need_start', { action: 'pause' }), 'zh-CN')).toBe(
      '请先开始节目，再暂停。',
    );
    expect(refusalText(refusal('x', 'no_segment', { n: 9, count: 4 }), 'zh-CN')).toBe(
      '没有第 9 个环节：节目单共有 4 个。',
    );
  });

  it('says the command API refusal in Chinese, keeping the names of fields and commands', () => {
    const r = translateApiCommand('sale', { price: 'ten' }, 'CNY');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(refusalText(r, 'zh-CN')).toBe('price 必须是以 CNY 计的数字，例如 99.5。');
  });

  it('stays in English rather than silent for a refusal without a code', () => {
    expect(refusalText({ error: 'Disk full.' }, 'zh-CN')).toBe('Disk full.');
  });
});
