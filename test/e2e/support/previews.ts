/**
 * The Overlays screen's eight previews are the real overlay pages, and every option that
 * changes their URL boots them all again in the controller's own process. A test about the
 * URLs, copying, the saved theme or the OBS panels (not about what a preview shows) answers
 * them with an empty page: 601-setup, one worker, ~2 s a test (6.3 → 4.5 s for opening the
 * screen and three theme changes). The tests about the previews keep the real pages.
 */
import type { Page } from '@playwright/test';

export async function blankPreviews(page: Page): Promise<void> {
  await page.route(/\/overlay\/[a-z-]+\.html(\?|$)/, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>preview</title>' }),
  );
}
