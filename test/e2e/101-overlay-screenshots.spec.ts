/**
 * Every overlay in both layouts, plus the styles and states a producer puts on air, checked
 * for what a viewer would notice, from the DOM's own geometry: no text cut off (a name
 * shortened with "…" is allowed: the viewer sees it was shortened) or spilling out of its card, every card inside the canvas, and clear of TikTok's UI bands when the safe
 * zone is on (the default in portrait). `npm run screenshots` runs the same cases and also
 * writes a picture of each into test-results/screenshots/ for a reviewer (a backdrop is added
 * for the picture only).
 */
import type { Page } from '@playwright/test';
import { bandsHit, type Rect } from '../../overlay/lib/safeZone';
import { VIEWPORTS, backdrop, settleEntrances } from './fixtures/overlay/harness';
import { expect, test } from './fixtures/overlay/stage';
import { dealView, liveView, product, richView } from './fixtures/overlay/views';
import { expectCardsInside, ourText } from './fixtures/overlay/languageChecks';
import { SELLERS, localView } from './fixtures/overlay/localViews';
import { lastCallView, soldOutView } from './fixtures/overlay/cardViews';
import type { OverlayView } from '../../shared/view/overlayView';

const DIR = 'test-results/screenshots';
const PICTURES = !!process.env.SCREENSHOTS;
const PAGES = ['lower-third', 'countdown', 'stock', 'ticker', 'next-up', 'all'] as const;

interface Layout {
  canvas: Rect;
  /** Each visible card (and deal badge) with its box and what it says. */
  cards: { what: string; box: Rect }[];
  /** Sentences naming each piece of text that is cut off or outside its card. */
  problems: string[];
}

/** Reads the page as a viewer sees it: cards, their text, and where the text ends up. */
function readLayout(page: Page): Promise<Layout> {
  return page.evaluate(() => {
    const box = (r: DOMRect) => ({ x: r.x, y: r.y, w: r.width, h: r.height });
    const visible = (el: Element) =>
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
    const canvasEl = document.querySelector('.fc-canvas');
    const canvas = canvasEl
      ? box(canvasEl.getBoundingClientRect())
      : { x: 0, y: 0, w: innerWidth, h: innerHeight };
    const cards = [...document.querySelectorAll<HTMLElement>('.fc-card, .fc-badge')].filter(
      visible,
    );
    const problems: string[] = [];
    // Half a pixel of slack for sub-pixel layout; anything more is seen on a 1080p stream.
    const SLACK = 0.5;
    for (const card of cards) {
      const c = card.getBoundingClientRect();
      const name = `${card.className} "${card.innerText.replace(/\s+/g, ' ').slice(0, 40)}"`;
      for (const el of [card, ...card.querySelectorAll<HTMLElement>('*')]) {
        // A deal badge is a card of its own, placed over its card's edge on purpose.
        if (el.closest('.fc-card, .fc-badge') !== card) continue;
        const ownText = [...el.childNodes].some(
          (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
        );
        if (!ownText || !visible(el)) continue;
        const text = `"${el.innerText.replace(/\s+/g, ' ').slice(0, 40)}" in ${name}`;
        const style = getComputedStyle(el);
        const clipsX = style.overflowX !== 'visible';
        const clipsY = style.overflowY !== 'visible';
        // A long name may end in "…" (text-overflow or a line clamp): the viewer sees it was
        // shortened. Text cut off with no such sign is what must never happen.
        const marked = style.textOverflow === 'ellipsis' || style.webkitLineClamp !== 'none';
        const cut =
          (clipsX && el.scrollWidth > el.clientWidth + 1) ||
          (clipsY && el.scrollHeight > el.clientHeight + 1);
        if (cut && !marked)
          problems.push(
            `cut off: ${text} (${el.scrollWidth}×${el.scrollHeight} in ${el.clientWidth}×${el.clientHeight})`,
          );
        // Where the glyphs are drawn: the element's own box when it clips them, else the text.
        const range = document.createRange();
        range.selectNodeContents(el);
        let clip: HTMLElement | null = el;
        while (clip && clip !== card && getComputedStyle(clip).overflow === 'visible')
          clip = clip.parentElement;
        const t =
          clip && clip !== card ? clip.getBoundingClientRect() : range.getBoundingClientRect();
        if (
          t.left < c.left - SLACK ||
          t.top < c.top - SLACK ||
          t.right > c.right + SLACK ||
          t.bottom > c.bottom + SLACK
        )
          problems.push(`outside its card: ${text}`);
      }
    }
    return {
      canvas,
      cards: cards.map((card) => ({
        what: card.className,
        box: box(card.getBoundingClientRect()),
      })),
      problems,
    };
  });
}

/** What a viewer would notice on this page: every card in the canvas, no text cut or spilling. */
async function expectClean(page: Page, { safe }: { safe: boolean }): Promise<void> {
  const { canvas, cards, problems } = await readLayout(page);
  expect(cards.length, 'cards on screen').toBeGreaterThan(0);
  expect(problems).toEqual([]);
  for (const { what, box } of cards) {
    expect.soft(box.x, `${what} left edge`).toBeGreaterThanOrEqual(canvas.x - 0.5);
    expect.soft(box.y, `${what} top edge`).toBeGreaterThanOrEqual(canvas.y - 0.5);
    expect.soft(box.x + box.w, `${what} right edge`).toBeLessThanOrEqual(canvas.x + canvas.w + 0.5);
    expect
      .soft(box.y + box.h, `${what} bottom edge`)
      .toBeLessThanOrEqual(canvas.y + canvas.h + 0.5);
    if (safe) expect.soft(bandsHit(box, canvas), `${what} in TikTok's UI bands`).toEqual([]);
  }
}

/** Checks the settled page, and takes its picture when asked to. */
async function look(page: Page, file: string, safe: boolean): Promise<void> {
  // toBeVisible() already passes for a card still at opacity 0, before its entrance has begun
  // (seen on a loaded machine): wait for a card a viewer sees, then for the entrances to end.
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.fc-card, .fc-badge')].some((el) =>
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    ),
  );
  await settleEntrances(page);
  await expectClean(page, { safe });
  if (!PICTURES) return;
  await backdrop(page);
  await page.screenshot({ path: `${DIR}/${file}.png` });
}

for (const layout of ['landscape', 'portrait'] as const) {
  for (const name of PAGES) {
    test(`${name} ${layout}: text whole, cards inside the canvas${layout === 'portrait' ? ' and the safe zone' : ''}`, async ({
      stage: { page, open },
    }) => {
      await page.setViewportSize(VIEWPORTS[layout]);
      const { publisher, errors } = await open(name, `?layout=${layout}`);
      await publisher.send(richView());
      await expect(page.locator('.fc-card').first()).toBeVisible();
      await look(page, `${name}-${layout}`, layout === 'portrait');
      expect(errors).toEqual([]);
    });
  }
}

// The audience's language (issue 16): every page in Chinese and Thai, a local seller's own
// names and prices, both layouts. One test per page, so the two workers share them out.
for (const lang of ['zh-CN', 'th'] as const) {
  for (const layout of ['landscape', 'portrait'] as const) {
    for (const name of PAGES) {
      test(`${name} in ${lang}, ${layout}: text whole, cards inside the canvas${layout === 'portrait' ? ' and the safe zone' : ''}`, async ({
        stage: { page, open },
      }) => {
        await page.setViewportSize(VIEWPORTS[layout]);
        const query = `?layout=${layout}&lang=${lang}`;
        const { publisher, errors } = await open(name, query);
        await publisher.send(localView(SELLERS[lang]));
        await expect(page.locator('html')).toHaveAttribute('lang', lang);
        await expect(page.locator('.fc-card').first()).toBeVisible();
        await look(page, `${name}-${layout}-${lang}`, layout === 'portrait');
        // The language spec's own checks of the same page (111 kept a copy of each case).
        await expectCardsInside(page);
        if (lang === 'zh-CN') expect(await ourText(page, SELLERS[lang])).not.toMatch(/[A-Za-z]/);
        expect(errors).toEqual([]);
      });
    }
  }
}

const variants: {
  file: string;
  page: string;
  query: string;
  view: () => OverlayView;
  layout?: 'portrait';
}[] = [
  { file: 'lower-third-light', page: 'lower-third', query: '?theme=light', view: richView },
  {
    file: 'lower-third-glass',
    page: 'lower-third',
    query: '?style=glass&accent=fe2c55',
    view: () => liveView(),
  },
  {
    file: 'lower-third-outline',
    page: 'lower-third',
    query: '?style=outline&font=condensed',
    view: () => liveView(),
  },
  {
    file: 'lower-third-soldout',
    page: 'lower-third',
    query: '',
    view: () => liveView({ product: product({ stock: 0 }) }),
  },
  { file: 'countdown-urgent', page: 'countdown', query: '', view: () => dealView(7_400) },
  {
    file: 'countdown-paused',
    page: 'countdown',
    query: '',
    view: () => dealView(30_000, { frozen: true }),
  },
  {
    file: 'countdown-slot-overtime',
    page: 'countdown',
    query: '?mode=slot',
    view: () => {
      const live = liveView();
      return liveView({ segment: live.segment && { ...live.segment, remainingMs: -65_000 } });
    },
  },
  {
    file: 'stock-soldout',
    page: 'stock',
    query: '',
    view: () => liveView({ product: product({ stock: 0 }) }),
  },
  { file: 'next-up-soon', page: 'next-up', query: '', view: () => liveView({ phase: 'paused' }) },
  {
    file: 'all-portrait-mask',
    page: 'all',
    query: '?layout=portrait&mask=1',
    view: richView,
    layout: 'portrait',
  },
  {
    file: 'all-landscape-light-glass',
    page: 'all',
    query: '?theme=light&style=glass',
    view: richView,
  },
];

for (const v of variants) {
  test(`${v.file}: text whole, cards inside the canvas${v.layout ? ' and the safe zone' : ''}`, async ({
    stage: { page, open },
  }) => {
    await page.setViewportSize(VIEWPORTS[v.layout ?? 'landscape']);
    const { publisher, errors } = await open(v.page, v.query);
    await publisher.send(v.view());
    await expect(page.locator('.fc-card').first()).toBeVisible();
    await look(page, v.file, v.layout === 'portrait');
    expect(errors).toEqual([]);
  });
}

// The closing cards (issue 19): the SOLD OUT card and the last call's recap on their own page
// and in the composite (where they take the ticker's place), in English, Chinese and Thai,
// 16:9 and 9:16. One test per language and layout: the three pictures share one page.
for (const lang of ['en', 'zh-CN', 'th'] as const) {
  for (const layout of ['landscape', 'portrait'] as const) {
    test(`closing cards in ${lang}, ${layout}: text whole, cards inside the canvas${layout === 'portrait' ? ' and the safe zone' : ''}`, async ({
      stage: { page, open },
    }) => {
      test.slow(); // three pages looked at (and pictured) in one test
      await page.setViewportSize(VIEWPORTS[layout]);
      const seller = lang === 'en' ? undefined : SELLERS[lang];
      const query = `?layout=${layout}&lang=${lang}&soldHold=60`;
      const suffix = `${layout}${lang === 'en' ? '' : `-${lang}`}`;
      const { publisher, errors } = await open('cards', query);
      for (const [file, view, card] of [
        [`cards-soldout-${suffix}`, soldOutView(seller), 'sold-out'],
        [`cards-recap-${suffix}`, lastCallView(seller), 'recap'],
      ] as const) {
        await publisher.send(view);
        await expect(page.locator(`[data-overlay="${card}"]`)).toHaveAttribute('data-state', 'in');
        await look(page, file, layout === 'portrait');
      }
      await page.goto(`/overlay/all.html${query}`);
      await publisher.send(lastCallView(seller));
      await expect(page.locator('[data-overlay="recap"]')).toHaveAttribute('data-state', 'in');
      await look(page, `all-last-call-${suffix}`, layout === 'portrait');
      expect(errors).toEqual([]);
    });
  }
}

test('a broken URL shows its error box whole, inside the canvas', async ({ stage: { page } }) => {
  await page.setViewportSize(VIEWPORTS.landscape);
  await page.goto('/overlay/lower-third.html?accent=zzz&postion=top-left&scale=9');
  const box = page.locator('.fc-error');
  await expect(box).toBeVisible();
  await expect(box).toContainText('accent');
  const fits = await box.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return {
      inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
      clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1,
    };
  });
  expect(fits).toEqual({ inside: true, clipped: false });
  if (!PICTURES) return;
  await backdrop(page);
  await page.screenshot({ path: `${DIR}/error-box.png` });
});
