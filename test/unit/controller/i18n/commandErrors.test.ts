import { describe, expect, test } from 'vitest';
import { refusalText } from '../../../../controller/i18n/refusal';
import { commandRefusal } from '../../../../controller/show/runnerErrors';
import { parseCommand } from '../../../../shared/show/commands';

const refusalOf = (input: unknown) => {
  const parsed = parseCommand(input);
  if (parsed.ok) throw new Error('expected a refusal');
  return commandRefusal(parsed.errors);
};

describe('a malformed command in the controller language', () => {
  test('English stays the sentence it always was; the code and problems ride along', () => {
    const r = refusalOf({ type: 'deal.extend', seconds: 'soon' });
    expect(r.error).toBe('Not a valid command: seconds must be a number of seconds.');
    expect(r).toMatchObject({ code: 'invalid_command', params: { n: 1, path0: 'seconds' } });
    expect(refusalText(r, 'en')).toBe(r.error);
  });

  test('Chinese words each known phrase and keeps the field as the API spells it', () => {
    expect(refusalText(refusalOf({ type: 'deal.extend', seconds: 'soon' }), 'zh-CN')).toBe(
      '命令无效：seconds 必须是秒数。',
    );
    expect(refusalText(refusalOf({ type: 'deal.extend', seconds: 0 }), 'zh-CN')).toBe(
      '命令无效：seconds 至少为 1 秒。',
    );
  });
});
