/**
 * A Chromium process this test starts and kills itself (SIGKILL, as a crash), with a profile
 * that outlives it: the browser's own session restore brings the tab back on the next start.
 * Playwright's launch() always starts a fresh profile with restore off, so the process is
 * spawned here and driven over CDP (chromium.connectOverCDP).
 *
 * Measured in this setup (Chromium 156, --headless=new and headful under Xvfb alike):
 * - with `session.restore_on_startup = 1` ("Continue where you left off") and
 *   `--restore-last-session`, the tab comes back at its last URL WITH its sessionStorage;
 * - but once the profile has recorded the run as crashed (`profile.exit_type = "Crashed"`,
 *   written a few seconds after start), Chromium does not restore by itself: it offers
 *   "Restore pages?" and waits for a click. `restart()` stands in for that click by marking
 *   the last exit normal before starting; what the restore then brings back (tab, URL,
 *   sessionStorage) is Chromium's own, unchanged.
 * - the tab and its sessionStorage reach the disk lazily (seconds after a change), so
 *   `persisted()` waits until the profile holds both before a kill.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, type Browser, type Page } from '@playwright/test';

const executable = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function groupAlive(child: ChildProcess): boolean {
  try {
    process.kill(-child.pid!, 0);
    return true;
  } catch {
    return false;
  }
}

function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface OwnBrowser {
  browser: Browser;
  /** The app's tab (the first page of the default context not on a chrome:// page). */
  page(): Promise<Page>;
  /** Waits until the profile on disk holds the tab at a URL containing `urlPart`, and `sessionValue` in its sessionStorage. */
  persisted(urlPart: string, sessionValue: string): Promise<void>;
  /** SIGKILLs the browser process (every renderer dies with it). */
  kill(): Promise<void>;
  /** Starts Chromium again on the same profile, restoring the last session. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startOwnBrowser(firstUrl: string): Promise<OwnBrowser> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'flashcue-profile-'));
  mkdirSync(path.join(profile, 'Default'), { recursive: true });
  // "Continue where you left off": without it a crashed browser opens a new tab instead.
  writeFileSync(
    path.join(profile, 'Default', 'Preferences'),
    JSON.stringify({ session: { restore_on_startup: 1 } }),
  );
  let child: ChildProcess | null = null;
  let browser: Browser | null = null;

  const launch = async (extra: string[]) => {
    const port = await freePort();
    child = spawn(
      executable,
      [
        `--user-data-dir=${profile}`,
        `--remote-debugging-port=${port}`,
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--no-default-browser-check',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        ...extra,
      ],
      // Its own process group: the renderers and helpers it starts are ours to wait for.
      { stdio: 'ignore', detached: true },
    );
    const started = child;
    process.once('exit', () => killGroup(started));
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };

  const filesHolding = (dir: string, needles: Buffer[]) => {
    let found = false;
    try {
      for (const name of readdirSync(dir)) {
        const bytes = readFileSync(path.join(dir, name));
        if (needles.some((n) => bytes.includes(n))) found = true;
      }
    } catch {
      return false; // not written yet
    }
    return found;
  };

  await launch([firstUrl]);
  const own: OwnBrowser = {
    get browser() {
      return browser!;
    },
    async page() {
      const app = () =>
        browser!
          .contexts()[0]
          ?.pages()
          .find((p) => !p.url().startsWith('chrome://'));
      await expect
        .poll(
          () =>
            browser!
              .contexts()[0]
              ?.pages()
              .map((p) => p.url()),
          { timeout: 10_000 },
        )
        .toContainEqual(expect.not.stringMatching(/^chrome:/));
      return app()!;
    },
    async persisted(urlPart, sessionValue) {
      const sessions = path.join(profile, 'Default', 'Sessions');
      const storage = path.join(profile, 'Default', 'Session Storage');
      await expect
        .poll(
          () =>
            filesHolding(sessions, [Buffer.from(urlPart, 'latin1')]) &&
            // DOM storage keeps values as UTF-16 (or Latin-1 with a tag byte).
            filesHolding(storage, [
              Buffer.from(sessionValue, 'utf16le'),
              Buffer.from(sessionValue, 'latin1'),
            ]),
          { timeout: 20_000, message: 'the profile holds the tab and its session storage' },
        )
        .toBe(true);
    },
    async kill() {
      const c = child!;
      c.kill('SIGKILL');
      if (c.exitCode === null && c.signalCode === null) await new Promise((r) => c.once('exit', r));
      browser = null;
      // Its helpers end by themselves once it is gone; one still writing into the profile
      // would race the next start (or the removal): wait until the whole group is reaped.
      const until = Date.now() + 5000;
      while (groupAlive(c) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      killGroup(c);
      while (groupAlive(c) && Date.now() < until + 5000)
        await new Promise((r) => setTimeout(r, 50));
    },
    async restart() {
      const file = path.join(profile, 'Default', 'Preferences');
      const prefs = JSON.parse(readFileSync(file, 'utf8')) as { profile?: object };
      prefs.profile = { ...prefs.profile, exit_type: 'Normal', exited_cleanly: true };
      writeFileSync(file, JSON.stringify(prefs));
      await launch(['--restore-last-session']);
    },
    async close() {
      // Killed, not closed: a closing Chromium keeps writing into the profile being removed.
      if (child) await own.kill();
      rmSync(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
    },
  };
  return own;
}
