/**
 * The XSS corpus (test/fixtures/hostile/xss.ts) as every text a show carries — product names,
 * SKUs, categories, talking points, segment titles, engagement labels, buyer names, cues, file
 * names, refusals that quote them — driven through the command API and through the Plan
 * screen's import, on every page. The CSP is bypassed here on purpose: what is tested is that
 * every page renders the text as text; test 801 tests the policy, the second line.
 */
import { OVERLAY_PAGES } from '../../overlay/pages';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { command, openTool } from './support/tool';
import { quick } from './support/poll';
import { pwned, watch, type Watch } from '../fixtures/hostile/browser';
import {
  HOSTILE_IMAGE_URLS,
  LIMITS,
  XSS_PAYLOADS,
  fitText as clip,
  hostileSheet,
  injectedMarkup,
} from '../fixtures/hostile/xss';

test.use({ bypassCSP: true });

// Every page overlay/pages.ts serves (the order there: lower-third first, ticker fourth).
const OVERLAYS = Object.keys(OVERLAY_PAGES);

/**
 * Everything a person can read in a frame: text nodes, form field values, and titles (a product
 * name cut to fit the lower third shows whole in its title).
 */
const readable = (frame: Page | Frame) =>
  frame.evaluate(() => {
    const values = Array.from(document.querySelectorAll('input, textarea, select')).map(
      (el) => (el as HTMLInputElement).value,
    );
    const titles = Array.from(document.querySelectorAll('[title]')).map(
      (el) => el.getAttribute('title') ?? '',
    );
    return `${document.body.textContent ?? ''}\n${values.join('\n')}\n${titles.join('\n')}`;
  });

async function expectClean(page: Page, seen: Watch, label: string) {
  for (const frame of page.frames()) {
    expect(
      await frame.evaluate(injectedMarkup).catch(() => []),
      `${label}: markup from a payload in ${frame.url()}`,
    ).toEqual([]);
  }
  expect(await pwned(page), `${label}: window.__pwned`).toEqual([]);
  expect(seen.dialogs, `${label}: dialogs`).toEqual([]);
}

/** Payload texts (fitted to `max`) missing from what the page shows. */
async function missing(
  frame: Page | Frame,
  max: number,
  pick = XSS_PAYLOADS.map((p) => p.text),
): Promise<string[]> {
  const text = await readable(frame);
  return pick.map((t) => clip(t, max)).filter((t) => !text.includes(t));
}

test('payloads driven through the command API render as text on every page', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const seen = watch(page);
  await page.goto('/controller/');
  const tool = await openTool(context);
  watch(tool, seen);
  const loaded = await command(tool, 'runsheet.load', { runSheet: hostileSheet() });
  expect(loaded).toMatchObject({ ok: true });
  const { runSheetId } = loaded.result as { runSheetId: string };

  const pages: Record<string, Page> = {};
  for (const name of OVERLAYS) {
    pages[name] = await context.newPage();
    watch(pages[name], seen);
    await pages[name].goto(`/overlay/${name}.html`);
  }
  const host = await context.newPage();
  watch(host, seen);
  await host.goto('/controller/#/host');

  expect(await command(tool, 'show.start')).toMatchObject({ ok: true });
  for (const [i, payload] of XSS_PAYLOADS.entries()) {
    const name = clip(payload.text, LIMITS.productName);
    const buyer = clip(payload.text, LIMITS.buyer);
    const cue = clip(payload.text, LIMITS.cue);
    expect(await command(tool, 'show.goto', { index: 1 + 2 * i })).toMatchObject({ ok: true });
    expect(await command(tool, 'sale', { buyer })).toMatchObject({ ok: true });
    expect(await command(tool, 'cue', { text: cue })).toMatchObject({ ok: true });
    // The card fits a long name (shrinks, then cuts at a grapheme with "…"); the whole name
    // is its title. Either way it is text: the same characters, never markup.
    const card = pages['lower-third']!.locator('.fc-name');
    await expect
      .poll(() => card.getAttribute('title'), { ...quick, message: payload.name })
      .toBe(name);
    const shown = (await card.textContent()) ?? '';
    expect(shown === name || (shown.endsWith('…') && name.startsWith(shown.slice(0, -1)))).toBe(
      true,
    );
    await expect
      .poll(
        () => pages.ticker!.locator('.fc-ticker-entry').first().locator('.fc-buyer').textContent(),
        quick,
      )
      .toContain(buyer);
    await expect.poll(() => host.getByTestId('host-cue').textContent(), quick).toBe(cue);
    await expect
      .poll(() => host.getByRole('heading', { level: 1 }).textContent(), quick)
      .toBe(name);
    if (i % 5 === 0) {
      for (const p of [page, host, tool, ...Object.values(pages)])
        await expectClean(p, seen, `after payload ${i} (${payload.name})`);
    }
  }
  // A deal and the countdown, the next-up card on an engagement segment, refusals quoting payloads.
  expect(await command(tool, 'deal.start', { seconds: 60 })).toMatchObject({ ok: true });
  await expect(pages.countdown!.locator('.fc-card[data-overlay="countdown"]')).toHaveAttribute(
    'data-state',
    'in',
  );
  const last = XSS_PAYLOADS.length - 1;
  expect(await command(tool, 'sale', { quantity: 5000 })).toMatchObject({
    ok: false,
    error: expect.stringContaining(clip(XSS_PAYLOADS[last]!.text, LIMITS.productName)),
  });
  const ghost = clip(XSS_PAYLOADS[0]!.text, 64);
  expect(await command(tool, 'stock.set', { productId: ghost, remaining: 1 })).toMatchObject({
    ok: false,
    error: `There is no product "${ghost}" in this run sheet.`,
  });

  // Every page: nothing ran, nothing was parsed as markup, and the payloads are there as text.
  const all = { controller: page, host, tool, ...pages };
  for (const [label, p] of Object.entries(all)) await expectClean(p, seen, label);
  expect(
    await missing(pages['lower-third']!, LIMITS.productName, [XSS_PAYLOADS[last]!.text]),
  ).toEqual([]);
  expect(await missing(pages.all!, LIMITS.productName, [XSS_PAYLOADS[last]!.text])).toEqual([]);
  expect(
    await missing(
      pages.ticker!,
      LIMITS.buyer,
      XSS_PAYLOADS.slice(-3).map((p) => p.text),
    ),
  ).toEqual([]);
  expect(await missing(host, LIMITS.talkingPoint, [XSS_PAYLOADS[last]!.text])).toEqual([]);
  // The Live screen's rundown lists every segment title; its notices quote the refusals.
  await expect(page.getByTestId('notice').last()).toContainText(ghost);
  expect(await missing(page, LIMITS.segmentTitle)).toEqual([]);

  // The next-up card on an engagement segment: its label.
  expect(await command(tool, 'deal.end')).toMatchObject({ ok: true });
  expect(await command(tool, 'show.goto', { index: 1 })).toMatchObject({ ok: true });
  await expect
    .poll(() => pages['lower-third']!.locator('.fc-name').textContent())
    .toBe(clip(XSS_PAYLOADS[0]!.text, LIMITS.productName));
  await expect
    .poll(() => pages['next-up']!.locator('.fc-next-title').textContent())
    .toBe(hostileSheet().segments[2]!.title);

  // Plan: the library and the editor (every product field is an input value there).
  await page.goto('/controller/#/plan');
  await expect(page.getByTestId('sheet-row').first()).toBeVisible();
  await expectClean(page, seen, 'plan library');
  expect(await readable(page)).toContain(clip(`${XSS_PAYLOADS[0]!.text} show`, LIMITS.showTitle));
  await page.goto(`/controller/#/plan/${runSheetId}`);
  await expect(page.getByTestId('product-card')).toHaveCount(XSS_PAYLOADS.length);
  await page
    .locator('details:not([open]) > summary')
    .evaluateAll((all) => all.forEach((s) => (s as HTMLElement).click()));
  await expectClean(page, seen, 'plan editor');
  expect(await missing(page, LIMITS.productName)).toEqual([]);
  expect(await missing(page, LIMITS.sku)).toEqual([]);
  expect(await missing(page, LIMITS.category)).toEqual([]);
  expect(await missing(page, LIMITS.talkingPoint)).toEqual([]);
  expect(await missing(page, LIMITS.segmentTitle)).toEqual([]);
  expect(await missing(page, LIMITS.engagementLabel)).toEqual([]);

  // Setup: the live previews (the real overlay pages in iframes) show the hostile product.
  // Previews load lazily, when near the viewport: a viewport as tall as the screen brings
  // every one in at once (scrolled to one by one: 16 s for the eight; this way 8 s).
  await page.setViewportSize({ width: 1280, height: 9000 });
  await page.goto('/controller/#/setup');
  for (const name of OVERLAYS) {
    await expect(page.getByTestId(`preview-${name}`)).toBeInViewport();
    await expect(
      page.getByTestId(`preview-${name}`).contentFrame().locator('.fc-stage'),
    ).toBeAttached();
  }
  const shown = async () => {
    const preview = page.frames().find((f) => f.url().includes('/overlay/lower-third.html'));
    return preview
      ? missing(preview, LIMITS.productName, [XSS_PAYLOADS[0]!.text])
      : ['no preview frame yet'];
  };
  await expect.poll(shown).toEqual([]);
  await expectClean(page, seen, 'setup');

  expect(seen.errors).toEqual([]);
  test.info().annotations.push({
    type: 'corpus',
    description: `${XSS_PAYLOADS.length} payloads, ${Object.keys(all).length + 3} pages`,
  });
});

test('payloads through the Plan import: file names, JSON, CSV and errors that quote them', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const seen = watch(page);
  await page.goto('/controller/#/plan');
  const input = page.getByTestId('import-input');
  const report = page.getByTestId('import-report');
  const close = () => report.getByRole('button', { name: 'Close' }).click();

  // A run sheet file whose name and every text are payloads.
  const fileName = `${XSS_PAYLOADS[0]!.text}.json`;
  await input.setInputFiles({
    name: fileName,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...hostileSheet(), id: 'imported-hostile' })),
  });
  await expect(report.getByTestId('import-entry')).toHaveAttribute('data-outcome', 'saved');
  expect(await readable(page)).toContain(fileName);
  await expectClean(page, seen, 'import report (JSON)');
  await report.getByRole('link', { name: 'Open in editor' }).click();
  await expect(page.getByTestId('product-card')).toHaveCount(XSS_PAYLOADS.length);
  expect(await missing(page, LIMITS.productName)).toEqual([]);
  await expectClean(page, seen, 'editor of the imported sheet');

  // A CSV product list: names, categories and talking points are payloads (quoted as CSV).
  await page.goto('/controller/#/plan');
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const rows = XSS_PAYLOADS.map((p, i) =>
    [
      q(clip(p.text, 120)),
      '10.00',
      '5',
      q(clip(XSS_PAYLOADS[(i + 1) % XSS_PAYLOADS.length]!.text, 64)),
      q(clip(p.text, 200)),
    ].join(','),
  );
  const csv = ['name,price,stock,category,talking points', ...rows].join('\r\n');
  await input.setInputFiles({
    name: '"><svg onload=alert(1)>.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv),
  });
  const question = page.getByTestId('csv-question');
  await expect(question).toContainText('"><svg onload=alert(1)>.csv');
  await question.getByLabel('Prices are in').selectOption('USD');
  await question.getByLabel(/Show length in minutes/).fill('240');
  await question.getByRole('button', { name: 'Import' }).click();
  await expect(report.getByTestId('import-entry')).toHaveAttribute('data-outcome', 'saved');
  await report.getByRole('link', { name: 'Open in editor' }).click();
  await expect(page.getByTestId('product-card')).toHaveCount(XSS_PAYLOADS.length);
  expect(await missing(page, LIMITS.productName)).toEqual([]);
  await expectClean(page, seen, 'editor of the imported CSV');

  // Refused files: the error quotes the hostile value, as text.
  await page.goto('/controller/#/plan');
  await input.setInputFiles({
    name: 'format.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ format: '<img src=x onerror=alert(1)>' })),
  });
  await expect(report.getByTestId('error-list')).toContainText(
    'is "<img src=x onerror=alert(1)>": not a Flashcue run sheet',
  );
  await expectClean(page, seen, 'import report quoting a payload');
  await close();

  // Image references that could run or navigate: refused, located, nothing saved.
  const before = await page.getByTestId('sheet-row').count();
  for (const [i, url] of HOSTILE_IMAGE_URLS.entries()) {
    const sheet = hostileSheet() as unknown as {
      id: string;
      products: Array<Record<string, unknown>>;
    };
    sheet.id = `bad-image-${i}`;
    sheet.products[1]!.image = url;
    await input.setInputFiles({
      name: `image-${i}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(sheet)),
    });
    await expect(report.getByTestId('import-entry')).toHaveAttribute('data-outcome', 'refused');
    await expect(report.getByTestId('error-list')).toHaveText(
      'products[1].image must be an http(s) URL, a path starting with /, or an uploaded image',
    );
    await close();
  }
  await expect(page.getByTestId('sheet-row')).toHaveCount(before);
  await expectClean(page, seen, 'refused images');
  expect(seen.errors).toEqual([]);
});

test('image references through the command API are refused with where', async ({
  page,
  context,
}) => {
  await page.goto('/controller/');
  const tool = await openTool(context);
  for (const url of HOSTILE_IMAGE_URLS) {
    const sheet = hostileSheet() as unknown as { products: Array<Record<string, unknown>> };
    sheet.products[3]!.image = url;
    expect(await command(tool, 'runsheet.load', { runSheet: sheet })).toEqual({
      app: 'flashcue',
      v: 1,
      kind: 'ack',
      id: expect.any(String),
      ok: false,
      error:
        'The run sheet was refused:\nproducts[3].image: must be an http(s) URL, a path starting with /, or an uploaded image',
    });
  }
  await expect(page.getByTestId('no-show')).toBeVisible();
});

test('control: the same payloads parsed as HTML are caught by these checks', async ({ page }) => {
  // Proof that the checks above can fail: what a {@html} or innerHTML bug would do.
  const seen = watch(page);
  await page.goto('/overlay/lower-third.html');
  await page.evaluate(
    (texts) => {
      for (const text of texts) {
        const box = document.createElement('div');
        box.innerHTML = text;
        document.body.append(box);
      }
      // Not <base>: it would re-point every src=x at a javascript: URL that never errors.
    },
    XSS_PAYLOADS.filter((p) => p.name !== 'base href').map((p) => p.text),
  );
  await expect.poll(() => page.evaluate(() => window.__pwned)).toBeDefined();
  expect((await page.evaluate(injectedMarkup)).length).toBeGreaterThan(5);
  await expect.poll(() => seen.dialogs.length).toBeGreaterThan(0);
});
