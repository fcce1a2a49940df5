/**
 * Overlay URLs from the producer's theme. Only values that differ from a page's default are
 * written, so a plain set-up gives a plain URL and a URL says at a glance what was changed.
 * Each page gets only the options it reads (its parser calls any other key a typo).
 * There is deliberately no way to put an OBS password here: OBS stores browser-source URLs in
 * plain text, and inside OBS the overlays need none (they hear the show via emit_event).
 */
import { CANVAS } from '../../overlay/lib/safeZone';
import {
  DEFAULT_THEME,
  DEFAULT_POSITIONS,
  defaultSafe,
  type OverlayName,
  type OverlayTheme,
} from './overlayTheme';

/** What each page reads beyond the common options. */
const READS: Record<OverlayName, ReadonlySet<string>> = {
  'lower-third': new Set(['cta', 'currencyDisplay', 'decimals']),
  countdown: new Set(['mode', 'urgent', 'label', 'teaser']),
  stock: new Set(['low']),
  ticker: new Set(['max', 'hold', 'minBurst']),
  'next-up': new Set(['soon', 'label']),
  all: new Set([
    'cta',
    'currencyDisplay',
    'decimals',
    'mode',
    'urgent',
    'low',
    'max',
    'hold',
    'minBurst',
    'soon',
    'teaser',
    'soldHold',
  ]),
  cards: new Set(['soldHold', 'soldOut', 'recap']),
  poll: new Set(['show']),
};

export interface UrlExtras {
  /** Draw TikTok's UI bands: for lining up a preview, never for a source on air. */
  mask?: boolean;
}

export function overlayQuery(
  name: OverlayName,
  theme: OverlayTheme,
  extras: UrlExtras = {},
): string {
  const q = new URLSearchParams();
  const d = DEFAULT_THEME;
  const reads = READS[name];
  if (theme.layout !== d.layout) q.set('layout', theme.layout);
  if (theme.theme !== d.theme) q.set('theme', theme.theme);
  // Without "#": it would start the URL fragment.
  if (theme.accent !== d.accent) q.set('accent', theme.accent.replace('#', ''));
  if (theme.font !== d.font) q.set('font', theme.font);
  if (theme.style !== d.style) q.set('style', theme.style);
  if (name !== 'all' && theme.positions[name] !== DEFAULT_POSITIONS[name])
    q.set('position', theme.positions[name]);
  if (theme.scale !== d.scale) q.set('scale', String(theme.scale));
  if (theme.safe !== defaultSafe(theme.layout)) q.set('safe', theme.safe ? '1' : '0');
  if (extras.mask) q.set('mask', '1');
  if (theme.lang !== d.lang) q.set('lang', theme.lang);

  if (reads.has('cta') && theme.cta !== d.cta) q.set('cta', theme.cta);
  if (reads.has('currencyDisplay') && theme.currencyDisplay !== d.currencyDisplay)
    q.set('currencyDisplay', theme.currencyDisplay);
  if (reads.has('decimals') && theme.decimals !== d.decimals) q.set('decimals', theme.decimals);
  if (reads.has('mode') && theme.mode !== d.mode) q.set('mode', theme.mode);
  if (reads.has('urgent') && theme.urgent !== d.urgent) q.set('urgent', String(theme.urgent));
  const label = name === 'countdown' ? theme.countdownLabel : theme.nextUpLabel;
  if (reads.has('label') && label !== null) q.set('label', label);
  if (reads.has('low') && lowText(theme.low) !== lowText(d.low)) q.set('low', lowText(theme.low));
  if (reads.has('max') && theme.max !== d.max) q.set('max', String(theme.max));
  if (reads.has('hold') && theme.hold !== d.hold) q.set('hold', String(theme.hold));
  if (reads.has('minBurst') && theme.minBurst !== d.minBurst)
    q.set('minBurst', String(theme.minBurst));
  if (reads.has('soon') && theme.soon !== d.soon) q.set('soon', String(theme.soon));
  if (reads.has('teaser') && theme.teaser !== d.teaser) q.set('teaser', theme.teaser ? '1' : '0');
  if (reads.has('soldHold') && theme.soldHold !== d.soldHold)
    q.set('soldHold', String(theme.soldHold));
  if (reads.has('soldOut') && theme.soldOut !== d.soldOut)
    q.set('soldOut', theme.soldOut ? '1' : '0');
  if (reads.has('recap') && theme.recap !== d.recap) q.set('recap', theme.recap ? '1' : '0');
  if (reads.has('show') && theme.pollShow !== d.pollShow) q.set('show', theme.pollShow);
  return q.toString();
}

/** `10` units or `20%` of the starting stock (the URL shows `20%25`). */
export function lowText(low: OverlayTheme['low']): string {
  return 'percent' in low ? `${low.percent}%` : String(low.units);
}

/** The page's address on this server (`location.origin`), with the theme as its query. */
export function overlayUrl(
  origin: string,
  name: OverlayName,
  theme: OverlayTheme,
  extras: UrlExtras = {},
): string {
  const query = overlayQuery(name, theme, extras);
  return `${origin.replace(/\/$/, '')}/overlay/${name}.html${query ? `?${query}` : ''}`;
}

/** The design canvas for the layout: what the browser source (and OBS's canvas) should be. */
export function sourceSize(layout: OverlayTheme['layout']): { width: number; height: number } {
  const { w, h } = CANVAS[layout];
  return { width: w, height: h };
}

/** Every overlay's URL, in the shape one-click set-up takes. */
export function overlaySources(
  origin: string,
  names: readonly OverlayName[],
  theme: OverlayTheme,
): Array<{ name: OverlayName; url: string }> {
  return names.map((name) => ({ name, url: overlayUrl(origin, name, theme) }));
}
