/** Playbook notes in the controller's language: English word for word, Chinese from the code. */
import { describe, expect, test } from 'vitest';
import { noteText } from '../../../../controller/plan/noteText';

const note = (code: string, params = {}, items?: Record<string, string | number>[]) => ({
  message: 'The English sentence.',
  code,
  params,
  ...(items ? { items } : {}),
});

describe('noteText', () => {
  test('English keeps the sentence shared/ wrote', () => {
    expect(noteText(note('opening_long', { min: 12, max: 10 }), 'en')).toBe(
      'The English sentence.',
    );
  });

  test('Chinese renders each code with its values', () => {
    expect(noteText(note('opening_long', { min: 12, max: 10 }), 'zh-CN')).toBe(
      '开场时长 12 分钟：请控制在 10 分钟以内，并预告最佳优惠。',
    );
    expect(
      noteText(
        note('slot_length', { count: 2, min: 3, max: 5 }, [
          { label: '补水面膜', n: 4, min: 2 },
          { label: '', n: 5, min: 2.5 },
        ]),
        'zh-CN',
      ),
    ).toBe('2 个商品讲解时段不在 3–5 分钟之内：补水面膜（2 分钟）和第 5 段（2.5 分钟）。');
    expect(noteText(note('engagement', {}, [{ mark: 30 }, { mark: 60 }]), 'zh-CN')).toBe(
      '第 30或60 分钟前后没有互动环节（投票、抽奖、神秘揭晓、问答）：观众会期待那时有一个。',
    );
    const stock = { name: '耳机', stock: 40, minute: 24, viewers: 2000, percent: '4.0', units: 80 };
    expect(noteText(note('stock', {}, [stock, { ...stock, name: '台灯' }]), 'zh-CN')).toMatch(
      /^耳机（库存 40）可能在第 24 分钟前售罄：预计 2000 名观众 × 过往转化率 4.0% ≈ 80 件；台灯/,
    );
  });

  test('a code the catalogue lacks stays English rather than empty', () => {
    expect(noteText(note('no_such_code'), 'zh-CN')).toBe('The English sentence.');
  });
});
