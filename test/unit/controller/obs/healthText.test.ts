import { describe, expect, it } from 'vitest';
import { healthReadText } from '../../../../controller/obs/healthText';

describe('OBS’s figures that could not be read, in the controller’s language', () => {
  const fault = {
    figures: 'stream' as const,
    path: 'outputActive',
    phrase: 'Invalid input: expected boolean, received string',
  };

  it('keeps the poller’s English sentence word for word', () => {
    expect(healthReadText(fault, 'en')).toBe(
      "OBS's stream figures could not be read (outputActive: Invalid input: expected boolean, received string).",
    );
  });

  it('says which figures and what in Chinese, OBS’s field name kept', () => {
    expect(healthReadText(fault, 'zh-CN')).toBe(
      '无法读取 OBS 的推流数据（outputActive：应为布尔值（true 或 false），而不是文本）。',
    );
    expect(healthReadText({ figures: 'stats', path: 'answer', phrase: 'invalid' }, 'zh-CN')).toBe(
      '无法读取 OBS 的性能数据（无效）。',
    );
  });
});
