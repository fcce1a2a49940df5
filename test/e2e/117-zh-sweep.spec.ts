/**
 * Issue 16 "Done when", tried as a new zh-CN producer would: every screen reachable from the
 * navigation (Plan, Live, Overlays, Integrations, Report, the host view), their empty states,
 * dialogs, confirmations, the hotkey help and the toasts show no English word of ours — in the
 * text and in what is not text (tooltips, screen-reader names, placeholders). The show is the
 * seller's own, in Chinese, loaded through the command API, so any Latin word left is ours.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import type { RunSheetInput } from '../../shared/runsheet';
import { baseSheet } from '../support/sheets';
import { englishAttributeWords, englishWords } from './support/englishWords';
import { command, openTool } from './support/tool';

// One show walked from an empty library to its report: more than the default 30 s when busy.
test.describe.configure({ timeout: 120_000 });

/** The base show, named and worded by a Chinese seller (ids stay Latin, as a file keeps them). */
function chineseSheet(): RunSheetInput {
  const sheet = baseSheet();
  sheet.id = 'spring';
  sheet.show.title = '春季好物专场';
  const names = ['无线蓝牙耳机', '补水面膜', '护眼台灯'];
  sheet.products.forEach((p, i) => (p.name = names[i]!));
  sheet.products[0]!.talkingPoints = ['续航三十小时'];
  for (const s of sheet.segments) if ('label' in s) s.label = '下一个颜色？';
  return sheet;
}

/** Latin the seller's file keeps (ids, the currency, the zone) and the brands every page names. */
const THEIRS = [
  'spring buds mask lamp open s-buds f-buds s-mask poll close CNY Asia Shanghai',
  'TikTok Shop Shopify LIVE UTC PDF XLSX CPU',
  // Key caps as printed on a Chinese keyboard too; a show file's name ends as every one does.
  'Enter Shift Esc Space .flashcue-show.json',
];
/** Example values of machine fields in the editor: a show format key, an image address. */
const EXAMPLES = 'product_showcase_with_flash_sales https://example.com/demo/img';

/** On Live: the live room's source is typed as an address (TikFinity's, or /api/audience). */
const LIVE = ['看镜头 TikFinity ws://localhost /api/audience'];

/** Each place and the Latin words of ours found there; an empty record when all is Chinese. */
class Sweep {
  readonly found: Record<string, string[]> = {};
  async scan(place: string, area: Locator, data: string[] = []): Promise<void> {
    await expect(area.first(), place).toBeVisible();
    const words = [
      ...(await englishWords(area.first(), [...THEIRS, ...data])),
      ...(await englishAttributeWords(area.first(), [...THEIRS, ...data])).map((w) => `@${w}`),
    ];
    if (words.length > 0) this.found[place] = [...new Set(words)];
  }
}

async function openDetails(area: Locator): Promise<void> {
  for (const details of await area.locator('details').all())
    await details.evaluate((el) => ((el as HTMLDetailsElement).open = true));
}

/** A copy button names what it copies (a URL, a token, a command): the target is not ours. */
async function withoutCopyTargets(area: Locator): Promise<void> {
  await area.locator('.copy-url').evaluateAll((boxes) =>
    boxes.forEach((box) => {
      const code = box.querySelector('code');
      const button = box.querySelector('button');
      const label = button?.getAttribute('aria-label');
      if (label && code) button!.setAttribute('aria-label', label.replace(code.innerText, ''));
      code?.remove();
    }),
  );
}

async function removeAll(page: Page, selector: string): Promise<void> {
  await page.locator(selector).evaluateAll((els) => els.forEach((el) => el.remove()));
}

test('?lang=zh-CN: every screen, dialog, empty state, toast and tooltip in Chinese', async ({
  page,
  context,
}) => {
  const sweep = new Sweep();
  await page.goto('/controller/?lang=zh-CN#/plan');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // Empty states: no run sheet, no show, no report yet.
  await sweep.scan('header', page.locator('header'));
  await sweep.scan('plan: empty library', page.getByTestId('library-empty'));
  // A blank sheet starts with our words for its title and segments: Chinese ones.
  await page.getByTestId('library-empty').getByRole('button', { name: '空白节目单' }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await sweep.scan('plan: blank sheet', page.locator('main'), [
    'untitled-show opening closing',
    EXAMPLES,
  ]);
  await page.getByRole('navigation').getByRole('link', { name: '直播' }).click();
  await sweep.scan('live: no show', page.locator('main'));
  await page.getByRole('navigation').getByRole('link', { name: '报告' }).click();
  await sweep.scan('report: no show', page.locator('main'));

  // The seller's show, through the command API.
  const tool = await openTool(context);
  // The API's own refusals say why in Chinese too (its fields never change).
  expect(await command(tool, 'state.get')).toMatchObject({
    ok: false,
    error: '尚未加载节目：请先加载节目单。',
  });
  expect(await command(tool, 'runsheet.load', { runSheet: chineseSheet() })).toMatchObject({
    ok: true,
  });

  // Plan: the library, the template picker, a delete confirmation, a toast, the editor.
  await page.getByRole('navigation').getByRole('link', { name: '策划' }).click();
  await expect(page.getByTestId('sheet-row')).toHaveCount(2);
  const row = page.locator('[data-testid="sheet-row"][data-sheet-id="spring"]');
  await sweep.scan('plan: library', page.locator('main'), ['untitled-show']);
  await page.locator('section.library header').getByRole('button').first().click();
  await sweep.scan('plan: template picker', page.getByRole('dialog'));
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await row.locator('button.danger').click();
  await sweep.scan('plan: delete confirmation', page.getByTestId('confirm-dialog'));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  // A CSV asks its currency and length; cancelled, the import report says why.
  await page.getByTestId('import-input').setInputFiles({
    name: 'products.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('name,price\n无线蓝牙耳机,99\n'),
  });
  await sweep.scan('plan: CSV question', page.getByTestId('csv-question'), ['products']);
  await page.keyboard.press('Escape');
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('import-entry')).toHaveAttribute('data-outcome', 'refused');
  await sweep.scan('plan: import report', report, ['products']);
  await report.getByRole('button', { name: '关闭' }).click();
  await row.getByRole('button', { name: '复制' }).click();
  await sweep.scan('plan: toast', page.getByTestId('notice'), ['spring']);
  await row.getByRole('link', { name: '编辑' }).click();
  await expect(page.getByTestId('editor')).toBeVisible();
  await openDetails(page.locator('main'));
  await page
    .getByTestId('editor')
    .getByRole('button', { name: '移除', exact: true })
    .first()
    .click();
  await sweep.scan('plan: remove a product', page.getByTestId('confirm-dialog'));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('confirm-dialog')).toHaveCount(0);
  await sweep.scan('plan: editor', page.locator('main'), [EXAMPLES]);

  // Live: ready, then on air with a deal and a sale; the hotkey help.
  await page.getByRole('navigation').getByRole('link', { name: '直播' }).click();
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'ready');
  await sweep.scan('live: ready', page.getByTestId('live-screen'), LIVE);
  for (const [name, args] of [
    ['show.start', {}],
    ['show.next', {}],
    ['deal.start', { seconds: 60 }],
    ['sale', { quantity: 2 }],
    ['cue', { text: '看镜头' }],
  ] as const)
    expect(await command(tool, name, args), name).toMatchObject({ ok: true });
  await expect(page.getByTestId('live-screen')).toHaveAttribute('data-phase', 'live');
  await expect(page.getByTestId('deal-sold')).toHaveText(/已售 2/);
  expect(await command(tool, 'runsheet.load', { runSheet: chineseSheet() })).toMatchObject({
    ok: false,
    error: '节目正在直播：请先结束它，再加载下一份节目单。',
  });
  await openDetails(page.getByTestId('live-screen'));
  await sweep.scan('live: on air', page.getByTestId('live-screen'), LIVE);
  await page.locator('body').press('?');
  await sweep.scan('live: hotkey help', page.getByTestId('help'));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('help')).toHaveCount(0);
  // A marker's toast; a refused hotkey's toast (no deal left to end); the end-show prompt.
  await page.locator('body').press('m');
  await page.locator('body').press('x');
  await expect(page.getByTestId('deal-sold')).toHaveCount(0);
  await page.locator('body').press('x');
  await expect(page.getByTestId('notice')).toHaveCount(2);
  await sweep.scan('live: toasts', page.locator('.toasts'));
  await page.locator('body').press('Shift+E');
  await sweep.scan('live: end-show prompt', page.getByTestId('live-screen'), LIVE);
  await page.keyboard.press('Escape');
  // The poll segment: its panel and the giveaway's.
  expect(await command(tool, 'show.goto', { index: 4 })).toMatchObject({ ok: true });
  await sweep.scan('live: poll segment', page.getByTestId('live-screen'), LIVE);

  // The host view.
  const host = await context.newPage();
  await host.goto('/controller/?lang=zh-CN#/host');
  await expect(host.getByTestId('host-view')).toHaveAttribute('data-phase', 'live');
  await sweep.scan('host view', host.locator('body'), ['看镜头']);
  await host.close();
  // The controller back in front (closing the host view left the tool page there): behind it,
  // the Live screen draws a frame a second and every click waits for frames.
  await page.bringToFront();

  // Overlays (its folded panels opened; the URLs and each language's own name are not ours).
  await page.getByRole('navigation').getByRole('link', { name: '叠加层' }).click();
  const overlays = page.getByTestId('overlays-screen');
  await expect(overlays.getByRole('heading', { level: 1 })).toHaveText('叠加层');
  // A zh-CN producer puts Chinese on air too: the on-air words' hints then read Chinese.
  await page.locator('#opt-lang').selectOption('zh-CN');
  await openDetails(overlays);
  await withoutCopyTargets(overlays);
  await removeAll(page, '[data-testid="overlays-screen"] :is(code, .page, #opt-lang)');
  await sweep.scan('overlays', overlays, [
    'Inter CNY CN USD Ctrl Mac MB IP WebSocket JSON English',
    'count buyer product time name gift anna npm start host localhost',
    'numbers keyword seconds units date',
  ]);

  // Integrations (the server's own token, example and paths left out as in 112).
  await page.getByRole('navigation').getByRole('link', { name: '集成' }).click();
  await expect(page.getByTestId('integrations-show')).toBeVisible();
  await withoutCopyTargets(page.getByTestId('integrations'));
  await removeAll(page, '.integrations .small code');
  await sweep.scan('integrations', page.getByTestId('integrations'), [
    'POST /api/orders /api/shopify/orders FLASHCUE_INTAKE_OPEN FLASHCUE_SHOPIFY_SECRET http',
    'Streamer.bot Zapier curl webhook Webhooks JSON README anna Partner Center npm start',
    'App key App secret Access token Refresh token Shop cipher WebSocket TikFinity',
    'Euler Stream EULER STREAM ws localhost api audience shop_name',
  ]);

  // Report: the ended show, the overview, a delete confirmation.
  expect(await command(tool, 'show.end')).toMatchObject({ ok: true });
  await page.getByRole('navigation').getByRole('link', { name: '报告' }).click();
  await expect(page.getByTestId('shows-list')).toBeVisible();
  await sweep.scan('report: overview', page.getByTestId('report-screen'));
  await page.getByTestId('show-delete').first().click();
  await sweep.scan('report: delete confirmation', page.getByRole('dialog'));
  await page.keyboard.press('Escape');
  await page.getByTestId('show-link').first().click();
  await expect(page.getByTestId('report-status')).toHaveText('已结束');
  await openDetails(page.getByTestId('report-screen'));
  // The LIVE summary's example reads the dashboard's English labels, as its parser does
  // (README "Languages": still English on the Report screen).
  await sweep.scan('report: show', page.getByTestId('report-screen'), [
    'Unique viewers Product clicks',
  ]);

  expect(sweep.found).toEqual({});
});
