// The command API's query refusals (state.get, report.get, orders.import, runsheet.load…) carry
// a code, so a zh-CN controller answers them in Chinese; English keeps the old sentences.
import { describe, expect, it } from 'vitest';
import { liveCommandTarget } from '../../../../controller/api/liveTarget';
import { refusalText } from '../../../../controller/i18n/refusal';
import type { FlashcueDb } from '../../../../controller/db/db';
import type { LiveSession } from '../../../../controller/show/liveSession.svelte';

const noShow = { view: null, snapshot: null, show: null, state: null, role: 'primary' };

describe('query refusals in the controller’s language', () => {
  it('no show loaded, a backup asked to load, a run sheet refused', async () => {
    const target = liveCommandTarget(noShow as unknown as LiveSession, {} as FlashcueDb);
    const state = await target.query('state.get', {}, 'q1');
    expect(refusalText(state as never, 'en')).toBe('No show is loaded: load a run sheet first.');
    expect(refusalText(state as never, 'zh-CN')).toBe('尚未加载节目：请先加载节目单。');
    const advice = await target.query('show.advice', {}, 'q2');
    expect(refusalText(advice as never, 'zh-CN')).toBe(
      '没有正在直播的节目：建议只针对接下来的环节。',
    );
    const backup = liveCommandTarget(
      { ...noShow, role: 'backup' } as unknown as LiveSession,
      {} as FlashcueDb,
    );
    const load = await backup.query('runsheet.load', { runSheet: {} }, 'q3');
    expect(refusalText(load as never, 'zh-CN')).toBe(
      '本控制器是另一台设备上节目的备用设备：请在那台设备上加载节目单，或先接管。',
    );
    const sheet = await target.query('runsheet.load', { runSheet: { nonsense: true } }, 'q4');
    expect(refusalText(sheet as never, 'en')).toMatch(/^The run sheet was refused:\n/);
    // A refused sheet is worded when refused, in the controller's language then (apiRefusals.test).
  });
});
