import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkMessage } from '../../../../shared/protocol/messageCheck';
import { parseMessage } from '../../../../shared/protocol/messages';
import type { Transport } from '../../../../shared/protocol/transport';
import {
  WORDS_HEARTBEAT_MS,
  createWordsPublisher,
} from '../../../../shared/protocol/wordsPublisher';

/** Two ends of one wire: what the controller sends, what a page says. */
function wire() {
  const sent: unknown[] = [];
  const listeners = new Set<(data: unknown) => void>();
  const transport: Transport = {
    name: 'test',
    send: (message) => void sent.push(structuredClone(message)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {},
  };
  const hear = (data: unknown) => listeners.forEach((l) => l(data));
  return { sent, transport, hear };
}

const envelope = { app: 'flashcue', v: 1, kind: 'words' } as const;

describe('the words message', () => {
  it('is checked alike by zod (controller) and by the overlay’s small checks', () => {
    const cases: unknown[] = [
      { ...envelope, words: {} },
      { ...envelope, words: { 'zh-CN': { ov_stock_only_left: '仅剩 {count} 件！' } } },
      { ...envelope, words: { en: { 'ov_stock_only_left#one': 'Only one left!' } } },
      { ...envelope, words: { en: { 'ov_sold_out#lots': 'x' } } },
      { ...envelope, words: { en: { ov_sold_out: 'x'.repeat(121) } } },
      { ...envelope, words: { en: { ov_sold_out: 42 } } },
      { ...envelope, words: { EN: {} } },
      { ...envelope, words: { en: [] } },
      { ...envelope, words: [] },
      { ...envelope, words: { __proto__: { en: {} } } },
      {
        ...envelope,
        words: Object.fromEntries([...Array(17)].map((_, i) => [`e${'abcdefghijklmnopq'[i]}`, {}])),
      },
      { ...envelope },
    ];
    for (const data of cases) {
      const zod = parseMessage(data);
      const ours = checkMessage(data);
      expect(ours.ok, JSON.stringify(data)).toBe(zod.ok);
      if (ours.ok && zod.ok) expect(ours.message).toStrictEqual(zod.message);
    }
    expect(checkMessage(cases[1]).ok).toBe(true);
    expect(checkMessage(cases[3]).ok).toBe(false);
  });
});

describe('the words publisher', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  it('sends on change, answers an overlay’s hello (a flood once), and repeats for OBS', () => {
    const { sent, transport, hear } = wire();
    let words = {};
    const publisher = createWordsPublisher({ transports: [transport], words: () => words });
    expect(sent).toEqual([]);
    words = { en: { ov_sold_out: 'All gone' } };
    publisher.publish();
    expect(sent).toEqual([{ ...envelope, words }]);

    const hello = { app: 'flashcue', v: 1, kind: 'hello', sender: 'p', role: 'overlay' };
    for (let i = 0; i < 50; i++) hear({ ...hello });
    expect(sent).toHaveLength(2);
    vi.advanceTimersByTime(250);
    expect(sent).toHaveLength(3);
    hear({ ...hello, role: 'host' });
    expect(sent).toHaveLength(3);

    vi.advanceTimersByTime(WORDS_HEARTBEAT_MS);
    expect(sent).toHaveLength(4);
    publisher.stop();
    vi.advanceTimersByTime(WORDS_HEARTBEAT_MS * 3);
    expect(sent).toHaveLength(4);
  });
});
