/**
 * The command API under hostile traffic: a flood of foreign, malformed and valid messages, the
 * same id re-sent in a burst (before the first answer), arguments that try to change the
 * command, and a target that throws. Acks only for valid envelopes; nothing applied twice.
 */
import { describe, expect, test } from 'vitest';
import { createCommandServer, type CommandTarget } from '../../../../controller/api/commandServer';
import { createShow, loadEvents } from '../../../../controller/db/eventLog';
import { createShowRunner } from '../../../../controller/show/showRunner';
import { translateApiCommand } from '../../../../shared/protocol/commandApi';
import { loopbackPair } from '../../../../shared/protocol/transport';
import { openTestDb } from '../../../support/db';
import { makeSheet } from '../../../support/sheets';
import { floodable, hostileMessages } from '../../../fixtures/hostile/messages';

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

/** The command server in front of a real show runner on an in-memory IndexedDB. */
async function realServer(query?: CommandTarget['query']) {
  const db = openTestDb();
  const show = await createShow(db, makeSheet());
  const runner = await createShowRunner({ db, showId: show.id });
  const target: CommandTarget = {
    currency: () => 'CNY',
    send: (command, { commandId }) => runner.dispatch(command, { commandId }),
    query: query ?? (async () => ({ ok: true, result: null })),
  };
  const [controllerSide, toolSide] = loopbackPair();
  const server = createCommandServer([controllerSide], target);
  const acks: Array<{ id: string; ok: boolean; error?: string }> = [];
  toolSide.subscribe((data) => acks.push(data as (typeof acks)[number]));
  const events = async () => (await loadEvents(db, show.id)).map((r) => r.event.type);
  return { db, show, runner, server, acks, tool: toolSide, events };
}

const cmd = (id: string, command: string, args: Record<string, unknown> = {}) => ({
  app: 'flashcue',
  v: 1,
  kind: 'command',
  id,
  command,
  args,
});

describe('command server under hostile traffic', () => {
  test('a flood of 5,000 mixed messages: acks exactly for the valid envelopes, the show applies each valid one once', async () => {
    const s = await realServer();
    s.tool.send(cmd('start', 'show.start'));
    await until(() => s.acks.length === 1);
    // The megabyte ones once each, the rest round and round.
    for (const big of hostileMessages().filter((m) => !floodable().some((f) => f.name === m.name)))
      s.tool.send(big.data);
    const junk = floodable();
    let sales = 0;
    let answeredJunk = 0;
    for (let i = 0; i < 5_000; i++) {
      if (i % 50 === 0) {
        // A valid sale, each with its own id: 100 in all (the buds have 100 in stock).
        s.tool.send(cmd(`sale-${i}`, 'sale', { productId: 'buds' }));
        sales++;
      } else {
        const m = junk[i % junk.length]!;
        s.tool.send(m.data);
        if (m.answered) answeredJunk++;
      }
    }
    await until(() => s.acks.length === 1 + sales + answeredJunk, 9_000);
    await new Promise((r) => setTimeout(r, 50));
    expect(s.acks).toHaveLength(1 + sales + answeredJunk);
    const saleAcks = s.acks.filter((a) => a.id.startsWith('sale-'));
    expect(saleAcks).toHaveLength(sales);
    expect(saleAcks.every((a) => a.ok)).toBe(true);
    expect((await s.events()).filter((t) => t === 'sale')).toHaveLength(sales);
    expect(await s.events()).not.toContain('show.end');
    expect(s.server.stats().ignored).toBeGreaterThan(1_000);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('one id re-sent 50 times in a burst is applied once and answered 50 times, identically', async () => {
    const s = await realServer();
    s.tool.send(cmd('start', 'show.start'));
    for (let i = 0; i < 50; i++)
      s.tool.send(cmd('press-1', 'sale', { productId: 'mask', quantity: 2 }));
    await until(() => s.acks.length === 51);
    expect((await s.events()).filter((t) => t === 'sale')).toHaveLength(1);
    const replies = s.acks.filter((a) => a.id === 'press-1');
    expect(new Set(replies.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(s.runner.getSnapshot().context.stock.mask).toBe(3);
  });

  test('runsheet.load re-sent before the first finished loads once (it loaded twice before)', async () => {
    let loads = 0;
    const s = await realServer(async (command) => {
      if (command !== 'runsheet.load') return { ok: true, result: null };
      loads += 1;
      await new Promise((r) => setTimeout(r, 30)); // saving takes a moment
      return { ok: true, result: { showId: `show-${loads}` } };
    });
    for (let i = 0; i < 10; i++)
      s.tool.send(cmd('load-1', 'runsheet.load', { runSheet: makeSheet() }));
    await until(() => s.acks.length === 10);
    expect(loads).toBe(1);
    expect(new Set(s.acks.map((a) => JSON.stringify(a))).size).toBe(1);
  });

  test('a target that throws still answers, with a sentence, and the next command works', async () => {
    const s = await realServer(async () => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    s.tool.send(cmd('q1', 'runsheet.load', { runSheet: {} }));
    s.tool.send(cmd('q2', 'show.start'));
    await until(() => s.acks.length === 2);
    expect(s.acks.find((a) => a.id === 'q1')).toMatchObject({
      ok: false,
      error: 'The command could not be run: Maximum call stack size exceeded.',
    });
    expect(s.acks.find((a) => a.id === 'q2')).toMatchObject({ ok: true });
  });

  test('a "type" among the arguments cannot turn one command into another', async () => {
    expect(translateApiCommand('cue', { type: 'show.end', text: 'hi' }, 'CNY')).toEqual({
      ok: true,
      kind: 'show',
      command: { type: 'cue', text: 'hi' },
    });
    const s = await realServer();
    s.tool.send(cmd('start', 'show.start'));
    s.tool.send(cmd('sneaky', 'lowerThird.show', { type: 'show.end' }));
    await until(() => s.acks.length === 2);
    // Taken as what it says it is: the product card comes in, the show goes on.
    expect(s.acks[1]).toMatchObject({ id: 'sneaky', ok: true });
    expect(await s.events()).toEqual(['show.start', 'lowerThird.show']);
  });
});
