/**
 * Design canvases and TikTok LIVE's UI bands, as fractions of the canvas so the layout, the
 * `mask=1` debug overlay and the end-to-end tests all measure against the same numbers.
 * The bands are where TikTok draws over a vertical stream: top bar (host, viewers, close),
 * right rail (like, gift, share) and bottom band (chat, pinned product, "placing an order").
 */
import type { Layout, Position } from './options';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const CANVAS: Record<Layout, { w: number; h: number }> = {
  landscape: { w: 1920, h: 1080 },
  portrait: { w: 1080, h: 1920 },
};

export const TIKTOK_BANDS = {
  top: { x: 0, y: 0, w: 1, h: 0.12 },
  rightRail: { x: 0.85, y: 0.35, w: 0.15, h: 0.5 },
  bottom: { x: 0, y: 0.72, w: 1, h: 0.28 },
} as const satisfies Record<string, Rect>;

export type BandName = keyof typeof TIKTOK_BANDS;
export const BAND_NAMES = Object.keys(TIKTOK_BANDS) as BandName[];

/**
 * Distance from the canvas edge to any card, as a fraction of the canvas width / height:
 * broadcast title-safe in landscape, a phone-sized gutter in portrait.
 */
export const EDGE: Record<Layout, { x: number; y: number }> = {
  landscape: { x: 0.05, y: 0.05 },
  portrait: { x: 0.04, y: 0.0225 },
};

/** A fractional rect scaled to a canvas (or to any box, e.g. the canvas's on-screen rect). */
export function toPx(rect: Rect, box: Rect | { w: number; h: number }): Rect {
  const ox = 'x' in box ? box.x : 0;
  const oy = 'y' in box ? box.y : 0;
  return { x: ox + rect.x * box.w, y: oy + rect.y * box.h, w: rect.w * box.w, h: rect.h * box.h };
}

/** True when the two rects share area (touching edges do not count). */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Bands a rect overlaps, in the same coordinates as `box`. */
export function bandsHit(rect: Rect, box: Rect | { w: number; h: number }): BandName[] {
  return BAND_NAMES.filter((name) => intersects(rect, toPx(TIKTOK_BANDS[name], box)));
}

/**
 * Where cards may go on the design canvas. With `safe`, the largest rectangle clear of every
 * band: below the top bar, above the bottom band, left of the right rail (the rail is kept
 * clear over the whole height so a card can grow without sliding under it).
 */
export function safeRect(layout: Layout, safe: boolean): Rect {
  const { w, h } = CANVAS[layout];
  const mx = EDGE[layout].x * w;
  const my = EDGE[layout].y * h;
  const left = 0;
  let top = 0;
  let right = w;
  let bottom = h;
  if (safe && layout === 'portrait') {
    top = TIKTOK_BANDS.top.h * h;
    bottom = TIKTOK_BANDS.bottom.y * h;
    right = TIKTOK_BANDS.rightRail.x * w;
  }
  return { x: left + mx, y: top + my, w: right - left - 2 * mx, h: bottom - top - 2 * my };
}

/** Flexbox alignment for a position inside its region, and the corner a card scales from. */
export function anchor(position: Position): {
  justify: string;
  align: string;
  origin: string;
  enterX: number;
  enterY: number;
} {
  const [v, hz] = position.split('-') as ['top' | 'center' | 'bottom', 'left' | 'center' | 'right'];
  const flex = {
    top: 'flex-start',
    left: 'flex-start',
    center: 'center',
    bottom: 'flex-end',
    right: 'flex-end',
  };
  return {
    justify: flex[hz],
    align: flex[v],
    origin: `${v === 'center' ? 'center' : v} ${hz}`,
    // Cards slide in from the nearest edge; centred ones rise from below / drop from above.
    enterX: hz === 'left' ? -48 : hz === 'right' ? 48 : 0,
    enterY: hz === 'center' ? (v === 'top' ? -32 : 32) : 0,
  };
}
