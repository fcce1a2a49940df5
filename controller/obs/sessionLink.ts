/**
 * The OBS link of this tab, kept in the tab's sessionStorage so a reload (F5, a crash whose
 * tab the browser restores) reconnects at once — even when the password came from the URL
 * fragment (removed from the address bar once read) or was typed without "Remember the
 * password". sessionStorage lives and dies with the tab: it is never exported, never in
 * IndexedDB, never shared with other tabs. Read back through the same zod schema as any input.
 */
import { z } from 'zod';

export const SESSION_LINK_KEY = 'flashcue.obsLink';

export const SessionLink = z.object({
  url: z.string().regex(/^wss?:\/\/[^\s/]+(:\d+)?\/?$/),
  password: z.string().max(256).optional(),
  rememberPassword: z.boolean().default(false),
  autoConnect: z.boolean().default(true),
});
export type SessionLink = z.infer<typeof SessionLink>;

/** The part of `Storage` used here (a test passes a Map-backed one). */
export type TabStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** The tab's storage, or null where there is none (a sandboxed frame, storage disabled). */
export function tabStorage(): TabStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // reading `sessionStorage` throws where storage is blocked
  }
}

export function readSessionLink(storage: TabStorage | null): SessionLink | null {
  let text: string | null;
  try {
    text = storage?.getItem(SESSION_LINK_KEY) ?? null;
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    const parsed = SessionLink.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // not JSON: someone else's value under our key; ignored like any bad input
  }
}

export function writeSessionLink(storage: TabStorage | null, link: SessionLink): void {
  try {
    storage?.setItem(SESSION_LINK_KEY, JSON.stringify(link));
  } catch {
    // Quota or blocked storage: the link still works now, it just will not survive a reload.
  }
}

export function forgetSessionLink(storage: TabStorage | null): void {
  try {
    storage?.removeItem(SESSION_LINK_KEY);
  } catch {
    // nothing kept, nothing to forget
  }
}
