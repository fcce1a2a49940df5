/**
 * The Live screen's preview, when it renders in the controller's own process (previewSite.ts:
 * two cores or fewer), is drawn still: no entrance, tick, price reveal or bar moves; each
 * element is shown as it ends. Each animating frame of the preview was a frame of the
 * controller's main thread — style, paint and a compositor commit — while sales came in.
 * Chromium's trace of 60 sales 150 ms apart (test/bench figure 7's loop, a loaded machine):
 * 373 commits with the preview animating, 313 with every animation shortened to 1 ms (the
 * overlays' reduced-motion rule: each still starts and ends in frames of its own), 135 with
 * none. The transport note keeps its own fade (it says its piece at load, then leaves).
 * The overlays in OBS keep their motion; a preview in its own process keeps it too (its frames
 * are not the controller's, and another site's document cannot be reached from here).
 */
export const STILL_ID = 'flashcue-still-preview';
export const STILL_CSS =
  '.fc-stage *:not(.fc-note), .fc-stage *::before, .fc-stage *::after' +
  ' { animation: none !important; transition: none !important; }';

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
