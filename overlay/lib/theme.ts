/** Theme tokens as CSS custom properties (the font stacks live in fonts.ts). */
import { FONTS, type FontKey } from './fonts';
import type { CommonOptions } from './options';

/**
 * Chinese, Japanese and Thai without shipping a font: after the Latin stack, the system CJK
 * fonts of macOS, Windows and Linux, in the page language's own order (a listed font beats
 * `<html lang>`, so a Japanese page must name Japanese faces first or it gets Chinese glyph
 * shapes). Thai needs nothing listed: every OS has a Thai face and Chromium falls back to it
 * per glyph.
 */
const CJK_SC =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei UI", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC"';
const CJK_FIRST: Record<string, string> = {
  'zh-TW':
    '"PingFang TC", "Microsoft JhengHei UI", "Microsoft JhengHei", "Noto Sans CJK TC", "Source Han Sans TC", ',
  ja: '"Hiragino Sans", "Hiragino Kaku Gothic ProN", "Yu Gothic UI", "Meiryo", "Noto Sans CJK JP", "Source Han Sans JP", ',
};
/** WCAG relative luminance of #rrggbb. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/**
 * Text on an accent fill: white when it reaches 3:1 (WCAG AA for large bold text, which is
 * all that sits on accent fills), as TikTok sets white on its own orange and red; else ink.
 */
export function inkOn(hex: string): string {
  return 1.05 / (luminance(hex) + 0.05) >= 3 ? '#ffffff' : '#0b0d12';
}

/** The font stack for a page in `lang`: the chosen Latin face, then CJK faces. */
export function fontStack(font: FontKey, lang: string): string {
  const cjk = (CJK_FIRST[lang] ?? '') + CJK_SC;
  return FONTS[font].replace(/, (sans-serif|serif|monospace)$/, `, ${cjk}, $1`);
}

/** Inline custom properties for the stage; the rest of the palette lives in overlay.css. */
export function themeStyle(options: Pick<CommonOptions, 'accent' | 'font' | 'lang'>): string {
  return [
    `--fc-accent: ${options.accent}`,
    `--fc-accent-ink: ${inkOn(options.accent)}`,
    `--fc-font: ${fontStack(options.font, options.lang)}`,
  ].join('; ');
}
