/**
 * Text from the live room is hostile until proven otherwise: anyone in the room picks their
 * name and writes the comments. It is kept as plain text (never markup — the renderers use
 * text nodes), stripped of control characters, and cut at a grapheme boundary so a name never
 * breaks a card or the ticker. Anything far over the caps is refused outright: a 10 KB "name"
 * is an attack, not a viewer.
 */
import { truncateGraphemes } from '../text/fit.js';

/** Shown length of a viewer's name (graphemes). */
export const NAME_CAP = 32;
/** Shown length of a comment (graphemes). */
export const COMMENT_CAP = 200;
/** Longer raw text than this is refused, not cut (TikTok caps comments at ~150 characters). */
export const RAW_NAME_LIMIT = 256;
export const RAW_COMMENT_LIMIT = 1000;

// eslint-disable-next-line no-control-regex -- the point is to remove control characters
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Control and bidi-override characters out, whitespace folded, cut to `cap` graphemes. */
export function cleanText(raw: string, cap: number): string {
  const plain = raw.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
  return truncateGraphemes(plain, cap);
}
