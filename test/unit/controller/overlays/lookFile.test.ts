import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME } from '../../../../controller/overlays/overlayTheme';
import { lookFromFile, lookToFile } from '../../../../controller/overlays/lookFile';
import { remoteOverlayLink } from '../../../../controller/overlays/remoteLink';
import { baseLocale, overwriteGetLocale } from '../../../../controller/i18n/paraglide/runtime.js';

describe('the look file', () => {
  it('carries every choice and the custom words there and back', () => {
    const theme = {
      ...DEFAULT_THEME,
      accent: '#00e0a4',
      lang: 'zh-CN' as const,
      words: { 'zh-CN': { ov_stock_only_left: '仅剩 {count} 件！' } },
    };
    expect(lookFromFile(lookToFile(theme))).toEqual({ ok: true, theme });
  });

  it('is refused whole, each problem named, when anything in it is wrong', () => {
    const file = JSON.stringify({
      flashcue: 'look',
      v: 1,
      look: {
        accent: 'orange',
        colour: 'red',
        words: { en: { ov_stock_left: '{n} left' } },
      },
    });
    expect(lookFromFile(file, 'mine.json')).toEqual({
      ok: false,
      problems: [
        'mine.json: look.accent: use a hex colour like ff5a1f',
        'mine.json: look.colour is not a look setting',
        'mine.json: Custom words, English, "{count} left": {n} is not a placeholder of this phrase (it has {count})',
      ],
    });
    expect(lookFromFile('{', 'x.json')).toMatchObject({ ok: false });
    expect(lookFromFile('{"a":1}', 'x.json')).toEqual({
      ok: false,
      problems: [
        'x.json: not a Flashcue look file (it starts {"flashcue": "look", "v": 1, "look": …})',
      ],
    });
  });

  it('fills what an older file lacks with the defaults', () => {
    const read = lookFromFile(JSON.stringify({ flashcue: 'look', v: 1, look: { theme: 'light' } }));
    expect(read).toEqual({ ok: true, theme: { ...DEFAULT_THEME, theme: 'light' } });
  });

  it('names each problem in the controller’s language, field names kept as written', () => {
    overwriteGetLocale(() => 'zh-CN');
    try {
      const file = JSON.stringify({ flashcue: 'look', v: 1, look: { accent: 'orange', x: 1 } });
      expect(lookFromFile(file, 'mine.json')).toEqual({
        ok: false,
        problems: [
          'mine.json：look.accent：请使用十六进制颜色，如 ff5a1f',
          'mine.json：look.x 不是外观设置',
        ],
      });
      // The remote link's refusal, from the same catalogue.
      expect(remoteOverlayLink('http://a/overlay/all.html', 'http://b', '')).toEqual({
        ok: false,
        problem: 'OBS 地址必须以 ws:// 或 wss:// 开头。',
      });
    } finally {
      overwriteGetLocale(() => baseLocale);
    }
  });
});
