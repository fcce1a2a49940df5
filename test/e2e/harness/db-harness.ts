/**
 * Test-only entry for test/e2e/010-indexeddb.spec.ts: puts the real controller storage and
 * show runner modules within reach of `page.evaluate`, in real Chromium IndexedDB, without
 * depending on the controller UI (rebuilt elsewhere) or shipping a hook in the product build.
 */
import { FlashcueDb } from '../../../controller/db/db';
import { createShow, getShow, loadEvents } from '../../../controller/db/eventLog';
import { createShowRunner } from '../../../controller/show/showRunner';

const api = { FlashcueDb, createShow, getShow, loadEvents, createShowRunner };

export type FlashcueHarness = typeof api;

declare global {
  interface Window {
    __flashcue?: FlashcueHarness;
  }
}

window.__flashcue = api;
document.body.dataset.ready = 'true';
