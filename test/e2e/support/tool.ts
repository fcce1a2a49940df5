/**
 * A stand-in for an outside tool (Stream Deck, script) in the same browser: a page that speaks
 * the command API over BroadcastChannel and waits for the ack.
 */
import type { BrowserContext, Page } from '@playwright/test';

export interface Ack {
  id: string;
  ok: boolean;
  result?: unknown;
  error?: string;
}

export async function openTool(context: BrowserContext): Promise<Page> {
  const front = context.pages().at(-1);
  const tool = await context.newPage();
  // Any same-origin page will do; a missing overlay name answers 404 but keeps the origin.
  await tool.goto('/overlay/ticker.html?transport=broadcast');
  // The tool stands in for a Stream Deck, not for a window anyone looks at: the page the test
  // drives goes back in front. Behind the tool, a Live screen (its preview iframe from the
  // other loopback name) drew one frame a second in headless Chromium (rAF counted: 1,017 ms
  // apart; ~60 a second in front), and each click's stability check waits on frames: 1-2 s a
  // click in 301, 902 and every spec driving the Live screen beside a tool.
  await front?.bringToFront();
  return tool;
}

export async function command(
  tool: Page,
  command: string,
  args: Record<string, unknown> = {},
  commandId?: string,
  timeoutMs = 5000,
): Promise<Ack> {
  return tool.evaluate(
    ({ command, args, commandId, timeoutMs }) =>
      new Promise<Ack>((resolve, reject) => {
        const id = commandId ?? `t-${Math.random().toString(36).slice(2)}`;
        const channel = new BroadcastChannel('flashcue');
        const timer = setTimeout(() => reject(new Error(`no ack for ${command}`)), timeoutMs);
        channel.onmessage = (event) => {
          const data = event.data as Ack & { kind?: string };
          if (data?.kind === 'ack' && data.id === id) {
            clearTimeout(timer);
            channel.close();
            resolve(data);
          }
        };
        channel.postMessage({ app: 'flashcue', v: 1, kind: 'command', id, command, args });
      }),
    { command, args, commandId, timeoutMs },
  );
}
