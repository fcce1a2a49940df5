import { describe, expect, it } from 'vitest';
import {
  BAND_NAMES,
  CANVAS,
  TIKTOK_BANDS,
  anchor,
  bandsHit,
  intersects,
  safeRect,
  toPx,
} from '../../../../overlay/lib/safeZone';
import { POSITIONS } from '../../../../overlay/lib/options';

describe('TikTok bands', () => {
  it('are the documented fractions of a 1080×1920 canvas', () => {
    const px = Object.fromEntries(
      BAND_NAMES.map((n) => [n, toPx(TIKTOK_BANDS[n], CANVAS.portrait)]),
    );
    expect(px.top).toMatchObject({ x: 0, y: 0, w: 1080 });
    expect(px.top!.h).toBeCloseTo(230.4);
    expect(px.rightRail).toEqual({ x: 918, y: 672, w: 162, h: 960 });
    expect(px.bottom!.y).toBeCloseTo(1382.4);
    expect(px.bottom!.h).toBeCloseTo(537.6);
  });

  it('scale onto any on-screen box, e.g. a canvas fitted into a smaller source', () => {
    const box = { x: 10, y: 20, w: 540, h: 960 };
    expect(toPx(TIKTOK_BANDS.rightRail, box)).toEqual({ x: 10 + 459, y: 20 + 336, w: 81, h: 480 });
  });
});

describe('safe area', () => {
  it('in portrait with safe on, keeps clear of every band', () => {
    const r = safeRect('portrait', true);
    expect(bandsHit(r, CANVAS.portrait)).toEqual([]);
    expect(r.y).toBeGreaterThanOrEqual(0.12 * 1920);
    expect(r.y + r.h).toBeLessThanOrEqual(0.72 * 1920);
    expect(r.x + r.w).toBeLessThanOrEqual(0.85 * 1080);
  });

  it('without safe, only keeps the edge margin (and then overlaps the bands)', () => {
    const r = safeRect('portrait', false);
    expect(bandsHit(r, CANVAS.portrait)).toEqual(['top', 'rightRail', 'bottom']);
    expect(safeRect('landscape', false)).toEqual({ x: 96, y: 54, w: 1728, h: 972 });
  });

  it('treats touching edges as clear', () => {
    expect(intersects({ x: 0, y: 0, w: 10, h: 10 }, { x: 10, y: 0, w: 5, h: 5 })).toBe(false);
    expect(intersects({ x: 0, y: 0, w: 10, h: 10 }, { x: 9, y: 9, w: 5, h: 5 })).toBe(true);
  });
});

describe('anchors', () => {
  it('places each position at its edge and slides in from the nearest side', () => {
    expect(anchor('bottom-left')).toEqual({
      justify: 'flex-start',
      align: 'flex-end',
      origin: 'bottom left',
      enterX: -48,
      enterY: 0,
    });
    expect(anchor('top-right')).toMatchObject({
      justify: 'flex-end',
      align: 'flex-start',
      origin: 'top right',
      enterX: 48,
    });
    expect(anchor('bottom-center')).toMatchObject({ justify: 'center', enterX: 0, enterY: 32 });
    expect(anchor('top-center')).toMatchObject({ enterY: -32 });
    expect(anchor('center-left')).toMatchObject({ align: 'center', origin: 'center left' });
    for (const p of POSITIONS) expect(anchor(p).justify).toBeTruthy();
  });
});
