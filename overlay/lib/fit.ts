/**
 * `use:fit` — draws `text` in the element at the largest size that fits `lines` lines of the
 * element's width (shared/text/fit.ts), then truncates by grapheme. The element's own text is
 * the action's: give it no children. Re-fits when the text changes and once system fonts
 * (CJK, Thai) have settled.
 */
import type { Action } from 'svelte/action';
import { fitText, type FitLimits } from '../../shared/text/fit';

export interface FitParams extends FitLimits {
  text: string;
  lines: number;
  /** Line height as a multiple of the font size (the element's CSS must agree). */
  lineHeight: number;
  locale?: string;
}

export const fit: Action<HTMLElement, FitParams> = (node, params) => {
  let current = params;
  const apply = () => {
    const p = current;
    const fits = (size: number, text: string) => {
      node.style.fontSize = `${size}px`;
      node.textContent = text;
      // +1: sub-pixel line boxes round up in Chromium.
      return (
        node.scrollHeight <= Math.ceil(size * p.lineHeight * p.lines) + 1 &&
        node.scrollWidth <= node.clientWidth + 1
      );
    };
    const fitted = fitText(p.text, fits, p, p.locale);
    node.style.fontSize = `${fitted.fontSize}px`;
    node.textContent = fitted.text;
    node.toggleAttribute('data-truncated', fitted.truncated);
    node.dataset.fontSize = String(fitted.fontSize);
  };
  apply();
  void document.fonts?.ready.then(() => apply());
  return {
    update(next) {
      if (next.text === current.text && next.lines === current.lines && next.max === current.max)
        return;
      current = next;
      apply();
    },
  };
};
