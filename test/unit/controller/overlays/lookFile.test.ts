import { describe, expect, it } from 'vitest';
import { DEFAULT_THEME } from '../../../../controller/overlays/overlayTheme';
import { lookFromFile, lookToFile } from '../../../../controller/overlays/lookFile';

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
});
