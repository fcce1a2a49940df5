import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSeriesTask, looksLikeSeries } from '../../../../shared/import/series';
import { importValue } from '../../../../shared/import';

const fixture = () =>
  JSON.parse(
    readFileSync(
      new URL('../../../fixtures/pinghuman/weekly-series.json', import.meta.url),
      'utf8',
    ),
  ) as Record<string, unknown> & { live_session_details: Record<string, unknown> };

describe('importSeriesTask', () => {
  it('turns the weekly-series task into four linked run sheets titled by theme', () => {
    const { result, warnings } = importSeriesTask(fixture());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const { series, sheets } = result.value;
    expect(sheets.map((s) => s.show.title)).toEqual([
      'Week 1: Hydration basics',
      'Week 2: Sun care',
      'Week 3: Night repair',
      'Week 4: Best of the series',
    ]);
    expect(series.sessions.map((s) => s.sheetId)).toEqual(sheets.map((s) => s.id));
    expect(new Set(sheets.map((s) => s.id)).size).toBe(4);
    expect(sheets[3]!.show.scheduledStart).toBe('2026-04-28T19:00:00+08:00');
    for (const sheet of sheets) {
      expect(sheet.products).toHaveLength(5);
      expect(sheet.products[0]!.name).toBe('Product 1');
      expect(sheet.segments.filter((s) => s.kind === 'product')).toHaveLength(5);
      expect(sheet.show.durationSec).toBe(90 * 60);
      expect(sheet.show.timeZone).toBe('Asia/Shanghai');
      expect(sheet.show.commission?.basePayment).toBe(150000);
    }
    expect(series).toMatchObject({
      currency: 'CNY',
      basePerSession: 150000,
      productsPerSession: 5,
    });
    expect(series.bonuses.map((b) => b.key)).toEqual([
      'audience_growth',
      'series_gmv',
      'week_2_orders',
    ]);
    expect(series.bonuses[0]!.condition).toMatchObject({ kind: 'growth', session: 4, base: 1 });
    // The placeholder products are said once, on the series' own field.
    expect(warnings.filter((w) => w.path.includes('products_per_session'))).toHaveLength(1);
  });

  it('locates a wrong count, a bad date and a missing schedule on the series task', () => {
    const task = fixture();
    task.live_session_details.sessions_count = 5;
    (task.live_session_details.schedule as Array<Record<string, unknown>>)[2]!.date =
      'next Tuesday';
    const { result } = importSeriesTask(task);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path)).toEqual([
      'live_session_details.sessions_count',
      'live_session_details.schedule[2].date',
    ]);
    delete task.live_session_details.schedule;
    const missing = importSeriesTask(task).result;
    expect(!missing.ok && missing.errors[0]!.path).toBe('live_session_details.schedule');
  });

  it('keeps an unreadable bonus as a note with a warning', () => {
    const task = fixture();
    (task.commission_structure as { series_bonuses: object }).series_bonuses = {
      questions: '300 CNY if 50+ questions answered',
    };
    const { result, warnings } = importSeriesTask(task);
    expect(result.ok && result.value.series.bonuses[0]!.condition).toBeNull();
    expect(warnings.some((w) => w.path === 'commission_structure.series_bonuses.questions')).toBe(
      true,
    );
  });

  it('is told apart from a one-show task, and refused by the one-show path with a way forward', () => {
    expect(looksLikeSeries(fixture())).toBe(true);
    expect(looksLikeSeries({ live_session_details: { duration_hours: 2 } })).toBe(false);
    const one = importValue(fixture());
    expect(one.result.ok).toBe(false);
    expect(!one.result.ok && one.result.errors[0]!.message).toMatch(/series/);
  });
});
