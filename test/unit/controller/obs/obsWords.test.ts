import { describe, expect, it } from 'vitest';
import { ObsSettings } from '../../../../controller/obs/obsManager.svelte';
import { ObsCallError, callFault } from '../../../../shared/obs/callError';
import { parseObsFragment } from '../../../../shared/obs/fragment';
import { causeSentence, type ObsCause } from '../../../../shared/obs/policy';
import {
  callFaultText,
  causeText,
  fragmentText,
  obsProblemText,
  obsErrorText,
} from '../../../../controller/obs/obsWords';

const CAUSES: ObsCause[] = [
  { code: 'wrong_password' },
  { code: 'needs_password' },
  { code: 'unsupported_rpc' },
  { code: 'session_ended' },
  { code: 'shutting_down' },
  { code: 'lost' },
  { code: 'unreachable', url: 'ws://127.0.0.1:4455' },
  { code: 'silent', seconds: 3 },
  { code: 'no_hello', url: 'ws://127.0.0.1:4455', seconds: 5 },
  { code: 'closed_by_us' },
];

describe('the OBS link’s problems in the controller’s language', () => {
  it('says every cause in English exactly as shared/ does, and in Chinese without our English', () => {
    for (const cause of CAUSES) {
      expect(causeText(cause, 'en')).toBe(causeSentence(cause));
      const zh = causeText(cause, 'zh-CN');
      // Left in Latin letters: OBS, Flashcue, the address and OBS's own protocol name.
      expect(zh.replace(/ws:\/\/[\d.:]+|OBS|Flashcue|obs-websocket|WebSocket/g, '')).not.toMatch(
        /[A-Za-z]{2,}/,
      );
    }
    expect(causeText({ code: 'unreachable', url: 'ws://127.0.0.1:4455' }, 'zh-CN')).toContain(
      '无法连接 ws://127.0.0.1:4455 上的 OBS',
    );
  });

  it('words a failed call by its data; OBS’s own comment stays as OBS wrote it', () => {
    const refused = new ObsCallError('status', 'CreateScene', 'OBS refused CreateScene: x', 601, {
      comment: 'A scene with that name already exists.',
    });
    expect(obsErrorText(refused, 'en')).toBe('OBS refused CreateScene: x');
    expect(obsErrorText(refused, 'zh-CN')).toBe(
      'OBS 拒绝了 CreateScene：A scene with that name already exists.（状态 601）。',
    );
    const timeout = new ObsCallError('timeout', 'GetSceneList', 'late', undefined, {
      timeoutMs: 3000,
    });
    expect(obsErrorText(timeout, 'zh-CN')).toBe('OBS 在 3000 毫秒内没有回答 GetSceneList。');
    const down = callFault(
      new ObsCallError('notConnected', 'GetSceneList', 'Not connected', undefined, {
        cause: { code: 'lost' },
      }),
    );
    expect(callFaultText(down, 'Not connected', 'zh-CN')).toBe(
      '未连接到 OBS：与 OBS 的连接断开了（OBS 已关闭或崩溃）。',
    );
    expect(obsErrorText(new Error('odd'), 'zh-CN')).toBe('odd');
  });

  it('words a bad #obs= address', () => {
    const bad = parseObsFragment('#obs=http://127.0.0.1:4455');
    if (bad.ok || bad.reason !== 'invalid') throw new Error('expected a refusal');
    expect(fragmentText(bad, 'en')).toBe(bad.message);
    expect(fragmentText(bad, 'zh-CN')).toBe(
      'OBS 地址必须以 ws:// 或 wss:// 开头（收到的是“http://127.0.0.1:4455”）。',
    );
  });

  it('keeps the problem as data, so the panel words it in the language of the moment', () => {
    const bad = parseObsFragment('#obs=http://127.0.0.1:4455');
    if (bad.ok || bad.reason !== 'invalid') throw new Error('expected a refusal');
    const fragment = { kind: 'fragment' as const, fragment: bad };
    expect(obsProblemText(fragment, 'en')).toBe(bad.message);
    expect(obsProblemText(fragment, 'zh-CN')).toMatch(/^OBS 地址必须以 ws:\/\//);
    const typed = ObsSettings.safeParse({ url: 'localhost' });
    if (typed.success) throw new Error('expected a refusal');
    const settings = { kind: 'settings' as const, phrase: typed.error.issues[0]!.message };
    expect(obsProblemText(settings, 'en')).toBe('OBS address must look like ws://127.0.0.1:4455.');
    expect(obsProblemText(settings, 'zh-CN')).toBe('OBS 地址无效：应形如 ws://127.0.0.1:4455。');
    expect(obsProblemText({ kind: 'settings', phrase: null }, 'zh-CN')).toBe(
      'OBS 地址无效：格式不对。',
    );
  });
});
