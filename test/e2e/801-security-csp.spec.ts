/**
 * Content-Security-Policy on every page: the header the server sends and the <meta> in each
 * HTML file; a whole show with every overlay, the plan, setup and host screens raises no
 * violation; and what the policy is for — an injected inline script, eval, inline handlers,
 * javascript: URLs and framing by another site — is blocked.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { OVERLAY_PAGES } from '../../overlay/pages';
import { expect, test, type Page } from '@playwright/test';
import { baseSheet } from '../support/sheets';
import { command, openTool } from './support/tool';
import { parsePolicy, recordViolations, violations, watch } from '../fixtures/hostile/browser';

// Every page overlay/pages.ts serves (the order there: lower-third first, ticker fourth).
const OVERLAYS = Object.keys(OVERLAY_PAGES);
const PAGES = ['/controller/', ...OVERLAYS.map((name) => `/overlay/${name}.html`)];

/** What every page's policy must say (the header adds frame-ancestors). */
const EXPECTED: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'http:', 'https:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'ws:', 'wss:'],
  'frame-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
};

test.describe('the policy', () => {
  for (const path of PAGES) {
    test(`${path}: header and <meta> say the same, strict policy`, async ({ request, baseURL }) => {
      const response = await request.get(path);
      expect(response.status()).toBe(200);
      const header = parsePolicy(response.headers()['content-security-policy'] ?? '');
      // The header adds the server's other loopback name on the same port, and only that: the
      // Live preview is loaded from there to render in its own process (shared/relay/twin.ts).
      const twin = `127.0.0.1:${new URL(baseURL!).port}`;
      expect(header).toMatchObject({
        ...EXPECTED,
        'frame-src': ["'self'", twin],
        'frame-ancestors': ["'self'", twin],
      });
      for (const sources of Object.values(header)) {
        expect(sources).not.toContain("'unsafe-eval'");
        expect(sources).not.toContain('*');
      }
      expect(header['script-src']).toEqual(["'self'"]);

      const html = await response.text();
      const metas = [
        ...html.matchAll(/<meta http-equiv="Content-Security-Policy" content="([^"]*)"/g),
      ];
      expect(metas).toHaveLength(1);
      const meta = parsePolicy(metas[0]![1]!.replace(/&#39;/g, "'"));
      // frame-ancestors is ignored (with a console error) in a <meta>: only the header has it.
      // Built without knowing the port, the <meta> allows loopback frames on any port; the
      // header above narrows it to the one twin.
      expect(meta).toEqual({ ...EXPECTED, 'frame-src': ["'self'", 'localhost:*', '127.0.0.1:*'] });
      // Before any script: a policy in <meta> applies only to what comes after it.
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<script'));
      expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    });
  }

  test('the root redirect and a 404 carry the header too', async ({ request }) => {
    const root = await request.get('/', { maxRedirects: 0 });
    expect(root.status()).toBe(302);
    expect(root.headers()['content-security-policy']).toContain("script-src 'self'");
    const missing = await request.get('/overlay/nope.html');
    expect(missing.status()).toBe(404);
    expect(missing.headers()['content-security-policy']).toContain("script-src 'self'");
  });
});

test('a whole show with every overlay, the plan, setup and host screens: no violation, no console error', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await recordViolations(context);
  const seen = watch(page);
  await page.goto('/controller/');
  const tool = await openTool(context);
  const loaded = await command(tool, 'runsheet.load', { runSheet: baseSheet() });
  expect(loaded).toMatchObject({ ok: true });

  const pages: Page[] = [page];
  const open = async (url: string) => {
    const p = await context.newPage();
    watch(p, seen);
    await p.goto(url);
    pages.push(p);
    return p;
  };
  const overlays = await Promise.all(OVERLAYS.map((name) => open(`/overlay/${name}.html`)));
  await open('/overlay/all.html?layout=portrait&mask=1&theme=light&style=glass&accent=00aa55');
  const host = await open('/controller/#/host');
  // The producer looks at the controller (behind the other pages it draws a frame a second,
  // and each click waits for frames: CONTRIBUTING.md "CI time").
  await page.bringToFront();

  await page.getByRole('button', { name: /Start show/ }).click();
  await page.getByRole('button', { name: /^Next/ }).click();
  await expect(overlays[0]!.locator('.fc-name')).toHaveText('Wireless Earbuds');
  await page.getByRole('button', { name: '⚡ 60 s' }).click();
  await page.getByLabel('Buyer name (optional, for a shout-out)').fill('anna');
  await page.getByRole('button', { name: /\+1 sold/ }).click();
  await expect(overlays[3]!.locator('.fc-ticker-entry').first()).toContainText('@anna');
  await page.getByRole('button', { name: 'Push the deal' }).click();
  await expect(host.getByTestId('host-cue')).toHaveText('Push the deal');
  await page.getByTestId('lower-third-toggle').click();
  await page.getByTestId('lower-third-toggle').click();
  await page.getByRole('button', { name: /End deal/ }).click();

  // Plan: library, then the editor of the sheet on air.
  await page.goto(`/controller/#/plan`);
  await expect(page.getByTestId('sheet-row').first()).toBeVisible();
  await page.goto(`/controller/#/plan/${(loaded.result as { runSheetId: string }).runSheetId}`);
  await expect(page.getByTestId('editor')).toBeVisible();
  // Setup: every overlay previewed in an iframe (framing our own pages is allowed).
  await page.goto('/controller/#/setup');
  await expect(page.getByTestId('overlay-list')).toBeVisible();
  for (const name of OVERLAYS) await expect(page.getByTestId(`preview-${name}`)).toBeVisible();
  await page.getByTestId('remote-link').locator('summary').click();
  await page.getByTestId('remote-password').fill('x');
  await page.goto('/controller/#/live');
  await page.getByRole('button', { name: /End show/ }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'End show' }).click();
  await expect(overlays[0]!.locator('.fc-card[data-overlay="lower-third"]')).toHaveAttribute(
    'data-state',
    'out',
  );

  const found: string[] = [];
  for (const p of pages) found.push(...(await violations(p)));
  expect(found).toEqual([]);
  expect(seen.errors).toEqual([]);
  expect(seen.console.filter((m) => /Content.Security.Policy|Refused to/i.test(m))).toEqual([]);
});

test('the report screen (Observable Plot charts) raises no violation', async ({
  page,
  context,
}) => {
  await recordViolations(context);
  await page.goto('/controller/');
  const tool = await openTool(context);
  expect(await command(tool, 'runsheet.load', { runSheet: baseSheet() })).toMatchObject({
    ok: true,
  });
  for (const c of ['show.start', 'show.next', 'sale', 'viewers']) {
    expect(await command(tool, c, c === 'viewers' ? { concurrent: 10 } : {})).toMatchObject({
      ok: true,
    });
  }
  expect(await command(tool, 'show.end')).toMatchObject({ ok: true });
  await page.goto('/controller/#/report');
  await page.getByTestId('show-link').first().click();
  // Every chart drawn (Observable Plot's SVG is what could trip the policy), then read: a
  // condition, not a second's sleep.
  await expect(page.locator('[data-rendered="true"] svg').first()).toBeVisible();
  await expect(
    page.locator('figure[data-empty="false"] [role="img"]:not([data-rendered="true"])'),
  ).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
});

test.describe('what the policy blocks', () => {
  test('an injected inline script, eval, an inline handler and a javascript: link do not run', async ({
    page,
    context,
  }) => {
    await recordViolations(context);
    const seen = watch(page);
    await page.goto('/overlay/lower-third.html');
    await page.addScriptTag({ content: 'window.__pwned = "inline script"' }).catch(() => undefined);
    // eval from the page's own code: a same-origin script (allowed) that tries eval and Function.
    // (Playwright's evaluate runs through DevTools, which CSP does not stop from compiling.)
    await page.route('**/__probe.js', (route) =>
      route.fulfill({
        contentType: 'text/javascript',
        body: `window.__probe = {};
          try { eval('window.__pwned = "eval"'); window.__probe.eval = 'ran'; } catch (e) { window.__probe.eval = e.name; }
          try { new Function('window.__pwned = "Function"')(); window.__probe.Function = 'ran'; } catch (e) { window.__probe.Function = e.name; }
          try { setTimeout('window.__pwned = "setTimeout string"', 0); } catch (e) {}`,
      }),
    );
    await page.addScriptTag({ url: '/__probe.js' }).catch(() => undefined); // Playwright reports the refused eval
    const outcome = await page.evaluate(() => {
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__pwned = "handler"');
      img.src = 'data:,x';
      document.body.append(img);
      const a = document.createElement('a');
      a.href = 'javascript:window.__pwned="link"';
      document.body.append(a);
      a.click();
      const object = document.createElement('object');
      object.data = '/favicon.svg';
      document.body.append(object);
      return (window as unknown as { __probe: unknown }).__probe;
    });
    expect(outcome).toEqual({ eval: 'EvalError', Function: 'EvalError' });
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
    const list = await violations(page);
    expect(list.some((v) => v.includes('script-src-elem') && v.includes('inline'))).toBe(true);
    expect(list.some((v) => v.includes('script-src') && v.includes('eval'))).toBe(true);
    expect(list.some((v) => v.includes('script-src-attr'))).toBe(true);
    expect(list.some((v) => v.includes('object-src'))).toBe(true);
    expect(seen.dialogs).toEqual([]);
  });

  test('another site cannot frame the controller; the controller frames its own overlays', async ({
    page,
    baseURL,
  }) => {
    const target = `${baseURL}/controller/`;
    const server: Server = createServer((_req, res) => {
      res.setHeader('Content-Type', 'text/html');
      res.end(
        `<!doctype html><title>evil</title><iframe id="f" src="${target}" width="800" height="600"></iframe>`,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const blocked = new Promise<string>((resolve) =>
        page.on('console', (m) => /frame-ancestors/.test(m.text()) && resolve(m.text())),
      );
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      expect(await blocked).toContain("frame-ancestors 'self'");
      const frame = page.frames().find((f) => f !== page.mainFrame());
      // The frame never gets our page: no controller markup inside it.
      expect(
        await frame?.evaluate(() => document.querySelector('#app')).catch(() => null),
      ).toBeFalsy();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    await page.goto('/controller/#/setup');
    const preview = page.frameLocator('iframe[data-testid="preview-all"]');
    await expect(preview.locator('[data-overlay="all"]').first()).toBeAttached();
  });
});
