import { describe, expect, test } from 'vitest';
import { translateApiCommand } from '../../../../shared/protocol/commandApi';
import { loopbackPair } from '../../../../shared/protocol/transport';
import { createCommandServer, type CommandTarget } from '../../../../controller/api/commandServer';
import type { ShowCommandInput } from '../../../../shared/show';

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('translateApiCommand', () => {
  test('decimal prices become minor units of the show currency', () => {
    expect(translateApiCommand('deal.start', { price: 99.5, seconds: 60 }, 'CNY')).toEqual({
      ok: true,
      kind: 'show',
      command: { type: 'deal.start', price: 9950, seconds: 60 },
    });
    expect(translateApiCommand('deal.start', { price: 1500, seconds: 60 }, 'JPY')).toMatchObject({
      command: { price: 1500 },
    });
  });

  test('bad prices, unknown commands and queries', () => {
    expect(translateApiCommand('deal.start', { price: 9.999, seconds: 60 }, 'CNY')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/not an amount in CNY/),
    });
    expect(translateApiCommand('deal.start', { price: '9', seconds: 60 }, 'CNY')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/must be a number/),
    });
    expect(translateApiCommand('deal.start', { price: -1, seconds: 60 }, 'CNY')).toMatchObject({
      ok: false,
    });
    expect(translateApiCommand('rm -rf', {}, 'CNY')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/Unknown command "rm -rf"/),
    });
    expect(translateApiCommand('state.get', undefined, null)).toEqual({
      ok: true,
      kind: 'query',
      command: 'state.get',
      args: {},
    });
    expect(translateApiCommand('sale', { quantity: 2, buyer: 'anna' }, 'CNY')).toEqual({
      ok: true,
      kind: 'show',
      command: { type: 'sale', quantity: 2, buyer: 'anna' },
    });
  });
});

describe('command server', () => {
  function setup() {
    const sent: Array<{ command: ShowCommandInput; commandId: string }> = [];
    let loads = 0;
    const target: CommandTarget = {
      currency: () => 'CNY',
      async send(command, { commandId }) {
        sent.push({ command, commandId });
        if (command.type === 'sale.undo')
          return { ok: false, error: 'Nothing to undo: no sale has been recorded.' };
        return { ok: true, seq: sent.length, event: { type: 'show.start', at: 1 } };
      },
      async query(command) {
        if (command === 'runsheet.load') loads += 1;
        return { ok: true, result: { command } };
      },
    };
    const [controllerSide, toolSide] = loopbackPair();
    const server = createCommandServer([controllerSide], target);
    const acks: unknown[] = [];
    toolSide.subscribe((data) => acks.push(data));
    return { sent, acks, toolSide, server, loads: () => loads };
  }

  test('every command gets one ack with its id; refusals carry a sentence', async () => {
    const s = setup();
    s.toolSide.send({
      app: 'flashcue',
      v: 1,
      kind: 'command',
      id: 'a1',
      command: 'deal.start',
      args: { price: 12.5, seconds: 60 },
    });
    s.toolSide.send({ app: 'flashcue', v: 1, kind: 'command', id: 'a2', command: 'sale.undo' });
    s.toolSide.send({ app: 'flashcue', v: 1, kind: 'command', id: 'a3', command: 'state.get' });
    s.toolSide.send({ app: 'flashcue', v: 1, kind: 'command', id: 'a4', command: 'explode' });
    await flush();
    await flush();
    expect(s.sent).toEqual([
      { command: { type: 'deal.start', price: 1250, seconds: 60 }, commandId: 'a1' },
      { command: { type: 'sale.undo' }, commandId: 'a2' },
    ]);
    const byId = (s.acks as Array<{ id: string }>).slice().sort((a, b) => a.id.localeCompare(b.id));
    expect(byId).toEqual([
      expect.objectContaining({ kind: 'ack', id: 'a1', ok: true }),
      {
        app: 'flashcue',
        v: 1,
        kind: 'ack',
        id: 'a2',
        ok: false,
        error: 'Nothing to undo: no sale has been recorded.',
      },
      { app: 'flashcue', v: 1, kind: 'ack', id: 'a3', ok: true, result: { command: 'state.get' } },
      expect.objectContaining({
        id: 'a4',
        ok: false,
        error: expect.stringMatching(/Unknown command/),
      }),
    ]);
  });

  test('foreign and malformed messages get no ack and change nothing; a re-sent load is answered, not re-run', async () => {
    const s = setup();
    s.toolSide.send({ app: 'streamerbot', kind: 'command', id: 'x', command: 'show.start' });
    s.toolSide.send({ app: 'flashcue', v: 1, kind: 'command', command: 'show.start' });
    s.toolSide.send({
      app: 'flashcue',
      v: 1,
      kind: 'command',
      id: 'L',
      command: 'runsheet.load',
      args: { runSheet: {} },
    });
    await flush();
    s.toolSide.send({
      app: 'flashcue',
      v: 1,
      kind: 'command',
      id: 'L',
      command: 'runsheet.load',
      args: { runSheet: {} },
    });
    await flush();
    await flush();
    expect(s.sent).toEqual([]);
    expect(s.loads()).toBe(1);
    expect(s.acks).toHaveLength(2);
    expect(s.server.stats()).toEqual({ answered: 2, refused: 0, ignored: 1 });
  });

  test('a refused poll command sent again under its id is decided again; an accepted one is answered, not re-run', async () => {
    let windowOpen = true;
    let draws = 0;
    const [controllerSide, toolSide] = loopbackPair();
    const acks: Array<{ id: string; ok: boolean }> = [];
    toolSide.subscribe((data) => acks.push(data as { id: string; ok: boolean }));
    createCommandServer([controllerSide], {
      currency: () => 'CNY',
      send: async () => ({ ok: false, error: 'not used' }),
      query: async () => ({ ok: false, error: 'not used' }),
      poll() {
        draws += 1;
        return windowOpen
          ? {
              ok: false,
              error: 'The giveaway takes entries for 2 s more: draw when the window ends.',
            }
          : { ok: true, events: [] };
      },
    });
    const draw = () =>
      toolSide.send({ app: 'flashcue', v: 1, kind: 'command', id: 'd1', command: 'giveaway.draw' });
    draw();
    await flush();
    await flush();
    windowOpen = false;
    draw();
    await flush();
    await flush();
    draw();
    await flush();
    await flush();
    expect(acks.map((a) => a.ok)).toEqual([false, true, true]);
    expect(draws).toBe(2);
  });
});
