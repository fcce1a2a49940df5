// The one registry of command names: what the "Unknown command … Known commands: …" sentence
// lists, and what the command server dispatches, cannot drift apart.
import { describe, expect, it } from 'vitest';
import { POLL_COMMANDS } from '../../../../shared/poll/decide';
import {
  API_COMMANDS,
  QUERY_COMMANDS,
  ROOM_COMMANDS,
  SHOW_COMMANDS,
  translateApiCommand,
} from '../../../../shared/protocol/commandApi';

const knownList = (): string[] => {
  const refused = translateApiCommand('nope', {}, 'CNY');
  if (refused.ok) throw new Error('nope was accepted');
  return String(refused.params?.known).split(', ');
};

describe('the command registry', () => {
  it('names every show, poll, giveaway, marker, room and query command once', () => {
    const all = [...SHOW_COMMANDS, ...POLL_COMMANDS, ...ROOM_COMMANDS, ...QUERY_COMMANDS];
    expect([...API_COMMANDS].sort()).toEqual([...all].sort());
    expect(new Set(API_COMMANDS).size).toBe(API_COMMANDS.length);
    for (const name of [
      'poll.open',
      'poll.close',
      'poll.confirm',
      'poll.clear',
      'giveaway.open',
      'giveaway.draw',
      'giveaway.clear',
      'marker.add',
      'room.events',
      'report.get',
    ])
      expect(API_COMMANDS).toContain(name);
  });

  it('the Unknown-command sentence lists exactly the registry', () => {
    expect(knownList()).toEqual([...API_COMMANDS]);
    const refused = translateApiCommand('nope', {}, 'CNY');
    expect(refused).toMatchObject({
      ok: false,
      code: 'unknown_command',
      error: `Unknown command "nope". Known commands: ${API_COMMANDS.join(', ')}.`,
    });
  });

  it('never calls a registered command unknown', () => {
    for (const name of API_COMMANDS) {
      const t = translateApiCommand(name, {}, 'CNY');
      expect(t.ok || t.code !== 'unknown_command', name).toBe(true);
    }
    // A poll command with no poll handler wired is refused as unavailable, not unknown.
    expect(translateApiCommand('poll.open', {}, 'CNY')).toMatchObject({
      ok: false,
      code: 'command_unavailable',
    });
  });
});
