/** The advice panel in the controller's language: English as shared/ wrote it, Chinese by code. */
import { describe, expect, test } from 'vitest';
import { reasonsText, summaryText } from '../../../../controller/live/adviceText';
import { adviseReplan } from '../../../../shared/playbook/advice';
import type { ProductHistory } from '../../../../shared/report/history';
import { makeSheet } from '../../../support/sheets';

const MIN = 60_000;
const sheet = makeSheet((s) => {
  s.segments.splice(4, 0, { id: 'pause', kind: 'break', durationSec: 120 });
});
const history = [
  { productId: 'mask', gmv: 2_000_00, units: 40, onAirMs: 20 * MIN, currency: 'CNY' },
] as ProductHistory[];
const best = adviseReplan({
  sheet,
  onAirIndex: 2,
  now: 0,
  plannedEndAt: 60 * MIN,
  projectedEndAt: 63 * MIN,
  history,
}).proposals[0]!;

describe('advice words', () => {
  test('English keeps the sentences the command API answers with', () => {
    expect(summaryText(best, 'en')).toBe(best.summary);
    expect(reasonsText(best, 'en')).toEqual(best.reasons);
  });

  test('Chinese: the summary, each slot with money in Chinese form, the kind of a break', () => {
    expect(summaryText(best, 'zh-CN')).toBe('从最弱的时段里挤出时间');
    const lines = reasonsText(best, 'zh-CN');
    expect(lines).toContain('缩短“休息” 2:00 → 1:00：休息不产生销售');
    expect(lines.join('\n')).toMatch(
      /缩短“Hydrating Face Mask” 4:00 → 3:00：过往直播中每分钟 ¥100\.00、2\.00 件/,
    );
    expect(lines.at(-1)).toMatch(/^这样节目会(按计划|晚 \d+ 分钟)结束；最后召唤保留。$/);
    // No English word of ours: only the seller's product name is in Latin letters.
    expect(lines.join('').replace('Hydrating Face Mask', '')).not.toMatch(/[A-Za-z]/);
  });
});
