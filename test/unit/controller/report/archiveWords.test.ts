/** A refused show file says why in the controller's language: each problem has a code. */
import { describe, expect, it } from 'vitest';
import { errorText } from '../../../../controller/i18n/located';
import { parseShowArchive } from '../../../../controller/report/archive';
import { skuShowArchive } from '../../../support/orderShow';

const refused = (value: unknown) => {
  const result = parseShowArchive(JSON.stringify(value));
  if (result.ok) throw new Error('expected a refusal');
  return result.errors;
};
const archive = () => JSON.parse(skuShowArchive()) as Record<string, unknown>;

describe('a refused show file in Chinese', () => {
  it('a newer file, a run sheet, a list: English as before, Chinese by code', () => {
    const [newer] = refused({ ...archive(), version: 99 });
    expect(newer!.message).toMatch(/^is 99: this file was made by a newer Flashcue/);
    expect(errorText(newer!, 'en')).toBe(newer!.message);
    expect(errorText(newer!, 'zh-CN')).toMatch(
      /^是 99：此文件由更新版本的 Flashcue 生成，当前版本（读取第 \d+ 版）无法安全打开。请更新 Flashcue$/,
    );
    const [sheet] = refused({ format: 'flashcue.runsheet' });
    expect(errorText(sheet!, 'zh-CN')).toMatch(/这是节目单，请在“策划”页导入$/);
    const [list] = refused([]);
    expect(errorText(list!, 'zh-CN')).toMatch(/^必须是对象：Flashcue 节目文件以 \{"format"/);
  });

  it('a log out of order, and an event the show would have refused, each by its code', () => {
    const file = archive() as { events: Array<{ seq: number; event: { type: string } }> };
    const swapped = structuredClone(file);
    swapped.events[1]!.seq = 1;
    const [taken] = refused(swapped);
    expect(taken!.code).toBe('arch_seq_taken');
    expect(errorText(taken!, 'zh-CN')).toBe(
      '是 1，但 events[0] 已使用该编号：每个事件都需要自己的编号',
    );

    // A second show.start: the machine refuses it, and says so in Chinese inside the reason.
    const twice = structuredClone(file);
    const start = twice.events.findIndex((e) => e.event.type === 'show.start');
    twice.events.splice(start + 1, 0, structuredClone(twice.events[start]!));
    twice.events.forEach((e, n) => (e.seq = n + 1));
    const [impossible] = refused(twice);
    expect(impossible!.code).toBe('arch_impossible');
    expect(impossible!.message).toMatch(/^could not have happened: /);
    expect(errorText(impossible!, 'zh-CN')).toMatch(/^不可能发生：/);
    expect(errorText(impossible!, 'zh-CN').replace(/^不可能发生：/, '')).not.toMatch(
      /[A-Za-z]{3,}/,
    );
  });
});
