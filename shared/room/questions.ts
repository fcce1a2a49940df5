/**
 * Questions from the comments: a comment that asks something — a question mark in any script
 * (`?`, `？`, `¿`, `؟`) or one of the words the producer lists ("price", "多少钱", "how much") —
 * goes into a queue the producer works through: pin one to the host view, mark it answered.
 */
import type { RoomUser } from './events.js';

const QUESTION_MARKS = /[?？¿؟]/u;
/** Scripts written without spaces between words: a keyword matches anywhere in the text. */
const UNSPACED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

export interface QuestionMatcher {
  test: (text: string) => boolean;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A matcher for `?` marks and the producer's keywords (case-insensitive, whole words in spaced scripts). */
export function questionMatcher(keywords: readonly string[]): QuestionMatcher {
  const words = keywords.map((k) => k.trim().toLocaleLowerCase()).filter((k) => k.length > 0);
  const spaced = words.filter((w) => !UNSPACED.test(w));
  const unspaced = words.filter((w) => UNSPACED.test(w));
  const wordRe = spaced.length
    ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${spaced.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'u')
    : null;
  return {
    test: (text) => {
      if (QUESTION_MARKS.test(text)) return true;
      const lower = text.toLocaleLowerCase();
      return (wordRe?.test(lower) ?? false) || unspaced.some((w) => lower.includes(w));
    },
  };
}

export interface Question {
  id: string;
  at: number;
  user: RoomUser;
  text: string;
  segmentIndex: number | null;
  answered: boolean;
  answeredAt: number | null;
}

export interface QuestionQueue {
  items: Question[];
  pinnedId: string | null;
  nextId: number;
}

/** Open questions kept at most; the oldest unpinned open one goes first when it is full. */
export const QUEUE_LIMIT = 200;

export const emptyQueue = (): QuestionQueue => ({ items: [], pinnedId: null, nextId: 1 });

/** Queues a question; the same viewer asking the same thing again is not queued twice. */
export function ask(
  queue: QuestionQueue,
  q: { at: number; user: RoomUser; text: string; segmentIndex: number | null },
): { queue: QuestionQueue; question: Question | null } {
  const key = q.text.toLocaleLowerCase();
  const repeat = queue.items.some(
    (item) =>
      !item.answered &&
      item.user.id === q.user.id &&
      item.user.name === q.user.name &&
      item.text.toLocaleLowerCase() === key,
  );
  if (repeat) return { queue, question: null };
  const question: Question = { ...q, id: `q${queue.nextId}`, answered: false, answeredAt: null };
  let items = [...queue.items, question];
  const open = items.filter((item) => !item.answered);
  if (open.length > QUEUE_LIMIT) {
    const drop = open.find((item) => item.id !== queue.pinnedId);
    if (drop) items = items.filter((item) => item !== drop);
  }
  // Answered questions are kept for the report's counts, but not without end.
  if (items.length > QUEUE_LIMIT * 5) items = items.slice(items.length - QUEUE_LIMIT * 5);
  return { queue: { ...queue, items, nextId: queue.nextId + 1 }, question };
}

/** Pins a question to the host view (pinning the pinned one again takes it down). */
export function pin(queue: QuestionQueue, id: string): QuestionQueue {
  const item = queue.items.find((q) => q.id === id);
  if (!item || item.answered) return queue;
  return { ...queue, pinnedId: queue.pinnedId === id ? null : id };
}

/** Marks a question answered; an answered question leaves the host view. */
export function answer(queue: QuestionQueue, id: string, at: number): QuestionQueue {
  if (!queue.items.some((q) => q.id === id && !q.answered)) return queue;
  return {
    ...queue,
    items: queue.items.map((q) => (q.id === id ? { ...q, answered: true, answeredAt: at } : q)),
    pinnedId: queue.pinnedId === id ? null : queue.pinnedId,
  };
}

export const pinned = (queue: QuestionQueue): Question | null =>
  queue.items.find((q) => q.id === queue.pinnedId) ?? null;

export const openQuestions = (queue: QuestionQueue): Question[] =>
  queue.items.filter((q) => !q.answered);
