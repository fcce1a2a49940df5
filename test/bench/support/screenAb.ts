/**
 * Figure 7's same-run A/B of the controller's screen (issue 13 §3): each variant is measured in
 * blocks that alternate with the others, so the machine's load falls on all alike.
 * - `7a`: the Live screen shown, catching up 40 ms after the view and the ack, once for all the
 *   sales meanwhile (controller/show/showOnScreen.svelte.ts, `settle`, the default since 6 Dec);
 * - `7a-task`: the Live screen catching up in a task of its own right after (the default before);
 * - `7a-sync`: the Live screen re-rendered in the command's own task, as at first;
 * - `7a-frame`: the Live screen re-rendered at the next animation frame;
 * - `7a-nopreview`: the Live screen shown, its preview's iframe not displayed (its renderer
 *   then draws nothing): the screen's own cost apart from the preview's;
 * - `7a-hidden`: the controller on another screen (Integrations), the Live screen and its
 *   preview not mounted: what the command path costs with no screen to draw at all;
 * - `7a-motion`: the Live preview with its Motion box ticked (it moves as the overlays in OBS
 *   do), against 7a's still preview (`still=1`, the default).
 * `__flashcueScreen` is the page's bench-only switch between the four timings.
 */
import type { Page } from '@playwright/test';

export interface ScreenVariant {
  id: string;
  /** Puts the controller in this variant (and waits until it is). */
  enter(controller: Page): Promise<void>;
  /** Back to the plain 7a state. */
  leave(controller: Page): Promise<void>;
}

const timing = (how: 'sync' | 'task' | 'frame' | 'settle') => (controller: Page) =>
  controller.evaluate((how) => {
    (window as unknown as { __flashcueScreen: string }).__flashcueScreen = how;
  }, how);

const noop = async () => undefined;

export const SCREEN_VARIANTS: ScreenVariant[] = [
  { id: '7a-task', enter: timing('task'), leave: timing('settle') },
  { id: '7a-sync', enter: timing('sync'), leave: timing('settle') },
  { id: '7a-frame', enter: timing('frame'), leave: timing('settle') },
  {
    id: '7a-nopreview',
    enter: (controller) =>
      controller.evaluate(() => {
        const style = document.createElement('style');
        style.id = 'bench-nopreview';
        style.textContent = 'iframe[title="Overlay preview"] { display: none !important; }';
        document.head.append(style);
      }),
    leave: async (controller) => {
      await controller.evaluate(() => document.getElementById('bench-nopreview')?.remove());
      await new Promise((ok) => setTimeout(ok, 1000));
    },
  },
  {
    id: '7a-hidden',
    async enter(controller) {
      await controller.evaluate(() => (location.hash = '#/integrations'));
      await controller
        .locator('[data-testid="live-screen"]')
        .waitFor({ state: 'detached', timeout: 30_000 });
    },
    async leave(controller) {
      await controller.evaluate(() => (location.hash = '#/live'));
      await controller.locator('[data-testid="live-screen"]').waitFor({ timeout: 30_000 });
      // The preview's own renderer loads again: let it settle before the next block.
      await controller
        .locator('iframe[title="Overlay preview"][src^="http://127.0.0.1:"]')
        .waitFor({ timeout: 30_000 });
      await new Promise((ok) => setTimeout(ok, 1500));
    },
  },
  {
    id: '7a-motion',
    enter: (controller) => previewMoving(controller, true),
    leave: (controller) => previewMoving(controller, false),
  },
];

/** The preview's address says whether it is still; its page is loaded again after a change. */
async function previewMoving(controller: Page, moving: boolean) {
  const box = controller.getByRole('checkbox', { name: 'Motion' });
  if (moving) await box.check();
  else await box.uncheck();
  const frame = controller.locator('iframe[title="Overlay preview"]');
  await frame
    .and(controller.locator(moving ? ':not([src*="still=1"])' : '[src*="still=1"]'))
    .waitFor();
  await controller
    .frameLocator('iframe[title="Overlay preview"]')
    .locator(moving ? '.fc-stage:not([data-motion])' : '.fc-stage[data-motion="still"]')
    .first()
    .waitFor({ timeout: 30_000 });
  await new Promise((ok) => setTimeout(ok, 1000));
}
export const PLAIN_VARIANT: ScreenVariant = { id: '7a', enter: noop, leave: noop };

export const SCREEN_NOTE: Record<string, string> = {
  '7a-task':
    'As 7a, but the Live screen catches up in a task of its own right after the view and the ack (the default before 6 Dec), not 40 ms later.',
  '7a-sync':
    "As 7a, but the Live screen re-renders in the command's own task (Svelte's microtask flush after the view is sent, before the ack), as at first (issue 13 §3).",
  '7a-frame':
    'As 7a, but the Live screen catches up at the next animation frame instead of 40 ms later.',
  '7a-nopreview':
    "As 7a, with the Live preview's iframe not displayed (display: none; its renderer draws nothing): the Live screen's own cost apart from the preview's.",
  '7a-hidden':
    'As 7a, with the controller on its Integrations screen: no Live screen and no preview mounted, so nothing to re-render per sale.',
  '7a-motion':
    "As 7a, with the Live preview's Motion box ticked: the preview's entrances, stock ticks and bars move as the overlays in OBS do (7a's preview is still, `still=1`).",
};
