/** Theme tokens as CSS custom properties (the font stacks live in fonts.ts). */
import { FONTS } from './fonts';
import type { CommonOptions } from './options';

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

/** Inline custom properties for the stage; the rest of the palette lives in overlay.css. */
export function themeStyle(options: Pick<CommonOptions, 'accent' | 'font'>): string {
  return [
    `--fc-accent: ${options.accent}`,
    `--fc-accent-ink: ${inkOn(options.accent)}`,
    `--fc-font: ${FONTS[options.font]}`,
  ].join('; ');
}
