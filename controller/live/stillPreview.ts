/**
 * The Live screen's preview, when it renders in the controller's own process (previewSite.ts:
 * two cores or fewer), is drawn still: every entrance, tick and bar of the `all` page moves in
 * 1 ms, as for a viewer who asked for reduced motion (overlay/lib/overlay.css has the same
 * rule). Each animating frame of the preview was a frame of the controller's main thread —
 * style, paint and a compositor commit — while sales came in: Chromium's trace of 60 sales
 * 150 ms apart counted 373 commits with the preview animating and 135 with it still, and the
 * main thread's style, pre-paint and commit time fell from 992 to 305 ms (README, Benchmarks).
 * The overlays in OBS keep their motion; a preview in its own process keeps it too (its frames
 * are not the controller's, and another site's document cannot be reached from here).
 */
export const STILL_ID = 'flashcue-still-preview';
export const STILL_CSS =
  '.fc-stage *, .fc-stage *::before, .fc-stage *::after {' +
  ' animation-duration: 1ms !important;' +
  ' animation-delay: 0s !important;' +
  ' transition-duration: 1ms !important; }';

/** Makes the preview's document still, if it is this page's own origin (else leaves it). */
export function stillPreview(frame: HTMLIFrameElement): void {
  let doc: Document | null = null;
  try {
    doc = frame.contentDocument;
  } catch {
    // Another site: its own process, not ours to draw.
  }
  if (!doc?.head || doc.getElementById(STILL_ID)) return;
  const style = doc.createElement('style');
  style.id = STILL_ID;
  style.textContent = STILL_CSS;
  doc.head.append(style);
}
