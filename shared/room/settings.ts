/**
 * The producer's room settings (issue 17), kept in the controller's settings table: TikFinity's
 * address and whether to connect, the question words (any language), keyword orders on or off,
 * and which thanks go to the ticker. Checked with zod when read, since storage may hold a row
 * from an older build; anything wrong falls back to the defaults for that field only.
 */
import { z } from 'zod';
import { DEFAULT_ROOM_SETTINGS, type RoomSettings } from './room.js';

/** Question words kept at most, and the longest one: a list a person types, not a dictionary. */
export const MAX_QUESTION_WORDS = 60;
export const MAX_QUESTION_WORD = 40;

export interface StoredRoomSettings extends RoomSettings {
  /** TikFinity's WebSocket address, as last entered on the Integrations page. */
  tikfinityUrl: string;
  /** Whether the producer asked to connect (a reload reconnects by itself). */
  tikfinityOn: boolean;
}

export const DEFAULT_STORED_ROOM: StoredRoomSettings = {
  ...DEFAULT_ROOM_SETTINGS,
  tikfinityUrl: 'ws://localhost:21213/',
  tikfinityOn: false,
};

const Schema = z.object({
  tikfinityUrl: z.string().max(300).catch(DEFAULT_STORED_ROOM.tikfinityUrl),
  tikfinityOn: z.boolean().catch(false),
  questionWords: z
    .array(z.string().max(MAX_QUESTION_WORD))
    .max(MAX_QUESTION_WORDS)
    .catch(DEFAULT_ROOM_SETTINGS.questionWords),
  keywordOrders: z.boolean().catch(false),
  thanks: z
    .object({ gift: z.boolean(), follow: z.boolean(), share: z.boolean() })
    .catch(DEFAULT_ROOM_SETTINGS.thanks),
});

export function readRoomSettings(raw: unknown): StoredRoomSettings {
  if (typeof raw !== 'object' || raw === null) return DEFAULT_STORED_ROOM;
  const parsed = Schema.safeParse({ ...DEFAULT_STORED_ROOM, ...raw });
  return parsed.success ? parsed.data : DEFAULT_STORED_ROOM;
}

export type WordsProblem = { code: 'too_many'; max: number } | { code: 'too_long'; word: string };

/**
 * The producer's question words from a text field: one per line or comma-separated (`,`, `，`,
 * `、`), trimmed, blanks and repeats dropped. Too many or too long is refused whole, named.
 */
export function parseQuestionWords(
  text: string,
): { ok: true; words: string[] } | { ok: false; problem: WordsProblem } {
  const words: string[] = [];
  const seen = new Set<string>();
  for (const part of text.split(/[\n,，、]/u)) {
    const word = part.replace(/\s+/gu, ' ').trim();
    if (!word) continue;
    if ([...word].length > MAX_QUESTION_WORD)
      return { ok: false, problem: { code: 'too_long', word: word.slice(0, MAX_QUESTION_WORD) } };
    const key = word.toLocaleLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  if (words.length > MAX_QUESTION_WORDS)
    return { ok: false, problem: { code: 'too_many', max: MAX_QUESTION_WORDS } };
  return { ok: true, words };
}
