/**
 * The overlay view, selected once per snapshot and clock tick: after every change the Live
 * screen and the OBS scene switcher both read the session's view (issue 13 §3: one select
 * where there were three per sale, besides the one the publisher sends).
 */
import { selectOverlayView, type OverlayView } from '../../shared/view/overlayView';
import type { ShowSnapshot } from '../../shared/show';

type Next = Parameters<typeof selectOverlayView>[2];

export function keptView(): (snapshot: ShowSnapshot, now: number, next: Next) => OverlayView {
  let kept: { snapshot: ShowSnapshot; now: number; next: Next; view: OverlayView } | null = null;
  return (snapshot, now, next) => {
    if (kept?.snapshot === snapshot && kept.now === now && kept.next === next) return kept.view;
    kept = { snapshot, now, next, view: selectOverlayView(snapshot, now, next) };
    return kept.view;
  };
}
