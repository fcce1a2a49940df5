import { describe, expect, it } from 'vitest';
import { chooseLocale, matchControllerLocale } from '../../../../controller/i18n/choose';

describe('the controller language', () => {
  it('takes ?lang= first, in any case or spelling', () => {
    expect(chooseLocale('?lang=zh-CN', 'en')).toEqual({ locale: 'zh-CN', fromUrl: true });
    expect(chooseLocale('?dock&lang=zh_cn', null)).toEqual({ locale: 'zh-CN', fromUrl: true });
    expect(chooseLocale('?lang=zh-Hans', null)).toEqual({ locale: 'zh-CN', fromUrl: true });
  });

  it('falls back to the remembered choice, then English', () => {
    expect(chooseLocale('', 'zh-CN')).toEqual({ locale: 'zh-CN', fromUrl: false });
    expect(chooseLocale('?lang=xx', 'zh-CN')).toEqual({ locale: 'zh-CN', fromUrl: false });
    expect(chooseLocale('', null)).toEqual({ locale: 'en', fromUrl: false });
    expect(chooseLocale('', 'klingon')).toEqual({ locale: 'en', fromUrl: false });
  });

  it('does not offer an overlay-only language for the controller', () => {
    expect(matchControllerLocale('th')).toBeNull();
    expect(matchControllerLocale('')).toBeNull();
  });
});
