/** The order intake's acks come back batched (`acks`); every other client keeps one `ack` each. */
import { describe, expect, test } from 'vitest';
import { createCommandServer, type CommandTarget } from '../../../../controller/api/commandServer';
import { INTAKE_SENDER } from '../../../../shared/protocol/messages';
import { loopbackPair } from '../../../../shared/protocol/transport';

const flush = () => new Promise((r) => setTimeout(r, 0));

function setup() {
  let seq = 0;
  // A target that answers every sale of one task together, as the runner's batch does.
  let release: () => void = () => undefined;
  let gate = new Promise<void>((r) => (release = r));
  const target: CommandTarget = {
    currency: () => 'CNY',
    async send() {
      await gate;
      return { ok: true, event: { type: 'sale', at: 0 } as never, seq: ++seq };
    },
    query: async () => ({ ok: true, result: null }),
  };
  const [tool, controller] = loopbackPair();
  createCommandServer([controller], target);
  const heard: Array<{ kind: string; id?: string; acks?: Array<{ id: string; ok: boolean }> }> = [];
  tool.subscribe((m) => heard.push(m as (typeof heard)[number]));
  const command = (id: string, sender?: string) =>
    tool.send({ app: 'flashcue', v: 1, kind: 'command', id, command: 'sale', args: {}, sender });
  return {
    heard,
    command,
    open: () => {
      release();
      gate = new Promise<void>((r) => (release = r));
    },
  };
}

describe('acks for the order intake', () => {
  test('acks ready together go to the intake as one acks message, in order', async () => {
    const s = setup();
    for (const id of ['order:1', 'order:2', 'order:3']) s.command(id, INTAKE_SENDER);
    await flush();
    s.open();
    await flush();
    expect(s.heard).toHaveLength(1);
    expect(s.heard[0]).toMatchObject({ kind: 'acks' });
    expect(s.heard[0]!.acks!.map((a) => [a.id, a.ok])).toEqual([
      ['order:1', true],
      ['order:2', true],
      ['order:3', true],
    ]);
  });

  test('any other sender gets one ack per command', async () => {
    const s = setup();
    s.command('a');
    s.command('b', 'streamer.bot');
    await flush();
    s.open();
    await flush();
    expect(s.heard.map((m) => [m.kind, m.id])).toEqual([
      ['ack', 'a'],
      ['ack', 'b'],
    ]);
  });
});
