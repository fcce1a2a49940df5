import { describe, expect, it } from 'vitest';
import {
  loadFailed,
  loadOnBackup,
  loadWhileLive,
  noShowLive,
  noShowLoaded,
  sheetRefused,
} from '../../../../controller/api/apiRefusals';
import { refusalText } from '../../../../controller/i18n/refusal';
import { importValue } from '../../../../shared/import';
import { baseSheet } from '../../../support/sheets';

const badSheet = () => {
  const sheet = baseSheet();
  sheet.products[0]!.livePrice = sheet.products[0]!.retailPrice + 100;
  const imported = importValue(sheet);
  if (imported.result.ok) throw new Error('expected a refused sheet');
  return imported.result.errors;
};

describe("the command API's own refusals", () => {
  it('keep their English sentences word for word', () => {
    expect(refusalText(noShowLoaded(), 'en')).toBe('No show is loaded: load a run sheet first.');
    expect(refusalText(loadWhileLive(), 'en')).toBe(
      'A show is live: end it before loading the next run sheet.',
    );
    const refused = sheetRefused(badSheet(), 'en');
    expect(refused.code).toBeUndefined();
    expect(refusalText(refused, 'en')).toMatch(/^The run sheet was refused:\nproducts\[0\]/);
  });

  it('say why in Chinese', () => {
    expect(refusalText(noShowLoaded(), 'zh-CN')).toBe('尚未加载节目：请先加载节目单。');
    expect(refusalText(noShowLive(), 'zh-CN')).toBe('没有正在直播的节目：建议只针对接下来的环节。');
    expect(refusalText(loadOnBackup(), 'zh-CN')).toContain('备用设备');
    expect(refusalText(loadWhileLive(), 'zh-CN')).toBe(
      '节目正在直播：请先结束它，再加载下一份节目单。',
    );
    expect(refusalText(loadFailed(), 'zh-CN')).toBe('无法加载这份节目单。');
    const text = refusalText(sheetRefused(badSheet(), 'zh-CN'), 'zh-CN');
    expect(text).toMatch(/^节目单被拒绝：\n商品 1 › 直播价: /);
    expect(text).not.toMatch(/products|refused/);
  });

  it('count the problems left out of a long list', () => {
    const many = Array.from({ length: 3 }, () => badSheet()[0]!);
    expect(refusalText(sheetRefused(many, 'zh-CN', 1), 'zh-CN')).toMatch(/……另有 2 个问题$/);
  });
});
