import { describe, expect, test } from 'vitest';
import { parseRunSheet, plannedTotalSec } from '../../../../shared/runsheet';
import { templateById, templates } from '../../../../shared/runsheet/templates';

describe('templates', () => {
  test('four templates with unique ids, each building a valid run sheet that fills its show', () => {
    expect(templates.map((t) => t.id)).toEqual([
      'product-showcase-flash-sales',
      'launch-premiere',
      'weekly-flash-sale',
      'educational-qa',
    ]);
    for (const t of templates) {
      const sheet = t.build();
      expect(parseRunSheet(sheet)).toEqual({ ok: true, value: sheet });
      expect(plannedTotalSec(sheet)).toBe(sheet.show.durationSec);
      expect(sheet.show.currency).toBe('CNY');
      expect(sheet.show.commission?.basePayment).toBeGreaterThan(0);
      for (const p of sheet.products) {
        expect(p.livePrice).toBeLessThan(p.retailPrice);
        expect(p.talkingPoints.length).toBeGreaterThan(0);
      }
    }
  });

  test('each build is a fresh object', () => {
    const t = templateById('launch-premiere')!;
    const a = t.build();
    a.products[0]!.stock = 0;
    expect(t.build().products[0]!.stock).toBe(300);
  });

  test('shapes match the skill: 8 products / 2 h, 3 launch products at 30/25/40% off, fast rotation, 60% education', () => {
    const showcase = templateById('product-showcase-flash-sales')!.build();
    expect([showcase.products.length, showcase.show.durationSec]).toEqual([8, 7200]);
    expect(showcase.show.commission?.gmvBonuses.map((b) => b.amount)).toEqual([
      80000, 200000, 500000,
    ]);

    const launch = templateById('launch-premiere')!.build();
    expect(launch.products.map((p) => [p.name, p.retailPrice, p.livePrice])).toEqual([
      ['Vitamin C Serum', 19900, 13930],
      ['Retinol Night Cream', 24900, 18675],
      ['Hydrating Face Mask', 8900, 5340],
    ]);
    expect(launch.segments.find((s) => s.kind === 'engagement')).toMatchObject({
      activity: 'mystery',
    });

    const weekly = templateById('weekly-flash-sale')!.build();
    const perHour = weekly.products.length / (weekly.show.durationSec / 3600);
    expect(perHour).toBeGreaterThanOrEqual(10);
    expect(perHour).toBeLessThanOrEqual(15);
    expect(weekly.show.commission?.viewerBonuses).toEqual([
      expect.objectContaining({ metric: 'peakConcurrent', threshold: 3000 }),
    ]);

    const qa = templateById('educational-qa')!.build();
    expect(qa.products.map((p) => p.name)).toEqual([
      'Smart Speaker',
      'Smart Light Bulbs (4-pack)',
      'Smart Plug Set',
    ]);
    const teaching = qa.segments.filter(
      (s) => s.kind === 'product' || (s.kind === 'engagement' && s.activity === 'qa'),
    );
    expect(
      teaching.reduce((sum, s) => sum + s.durationSec, 0) / qa.show.durationSec,
    ).toBeGreaterThanOrEqual(0.6);
  });
});
