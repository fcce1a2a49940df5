/**
 * The report tests' main show (test/support/reportScenario.ts) on a sheet whose products carry
 * seller SKUs — buds EB-01, mask MASK-1, lamp LAMP-01 — which the order export fixtures
 * (test/fixtures/orders) are timed and written for; and the same show as a show file.
 */
import { toArchive, archiveJson } from '../../controller/report/archive';
import { buildReport } from '../../shared/report/showReport';
import { mainShow } from './reportScenario';
import { makeSheet } from './sheets';

export function skuShow() {
  const sheet = makeSheet((s) => {
    s.products[0]!.sku = 'EB-01';
    s.products[1]!.sku = 'MASK-1';
    s.products[2]!.sku = 'LAMP-01';
    s.show.title = 'Orders Night';
  });
  const show = mainShow(sheet);
  const events = show.log;
  const report = buildReport(sheet, events, { now: events.at(-1)!.at });
  return { sheet, events, report, t0: show.t0 };
}

export function skuShowArchive(id = 'show-orders'): string {
  const { sheet, events } = skuShow();
  const start = events.find((e) => e.type === 'show.start')!.at;
  const end = events.find((e) => e.type === 'show.end')!.at;
  const row = {
    id,
    runSheetId: sheet.id,
    status: 'ended' as const,
    createdAt: start - 60_000,
    startedAt: start,
    endedAt: end,
    sheet,
    changes: '',
    term: 1,
  };
  const rows = events.map((event, i) => ({
    showId: id,
    seq: i + 1,
    at: event.at,
    event,
    commandId: null,
    loggedAt: 0,
  }));
  return archiveJson(toArchive(row, rows, end + 3_600_000));
}
