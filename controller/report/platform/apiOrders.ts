/**
 * The command API's side of platform orders: `orders.import` into the show loaded on this
 * controller, and the `platform` block of `report.get`. Arguments are checked with zod and
 * every refusal is a sentence a tool's user can act on.
 */
import { z } from 'zod';
import { apiPlatform, platformReport, showWindow } from '../../../shared/orders/platformReport';
import { ORDER_FORMATS } from '../../../shared/orders/types';
import type { ShowReport } from '../../../shared/report/types';
import type { ShowContext } from '../../../shared/show/types';
import type { RunSheet } from '../../../shared/runsheet';
import { isValidTimeZone } from '../../../shared/time';
import { describeErrors, zodErrors } from '../../../shared/validation';
import type { FlashcueDb } from '../../db/db';
import { loadPlatform, rememberedAssignments } from '../../db/platformOrders';
import { commitImport, describeCommit, parseRows } from './orderImport';
import { rowsFromPayload } from './readExport';
import { argsRefusal, exportRefusal, notStarted } from './apiOrderWords';

const Args = z.strictObject({
  text: z.string({ error: 'must be the CSV as text' }).optional(),
  base64: z.string({ error: 'must be the file as base64' }).optional(),
  format: z.enum(ORDER_FORMATS, { error: 'must be "tiktok" or "shopify"' }).optional(),
  timeZone: z
    .string({ error: 'must be a time zone' })
    .refine(isValidTimeZone, 'must be an IANA time zone such as America/New_York')
    .optional(),
  file: z.string().max(260).optional(),
});

export async function platformBlock(
  db: FlashcueDb,
  showId: string,
  sheet: RunSheet,
  report: ShowReport,
  context?: ShowContext,
) {
  const [stored, remembered] = await Promise.all([
    loadPlatform(db, showId),
    rememberedAssignments(db),
  ]);
  const p = platformReport(report, sheet.products, stored.lines, stored.meta, remembered, context);
  return apiPlatform(p, sheet.show.currency);
}

export async function ordersImport(
  db: FlashcueDb,
  show: { id: string; sheet: RunSheet; report: ShowReport; context?: ShowContext },
  rawArgs: Record<string, unknown>,
): Promise<{ ok: true; result: unknown } | { ok: false; error: string }> {
  const args = Args.safeParse(rawArgs);
  if (!args.success) {
    const errors = zodErrors(args.error);
    const english = `orders.import was refused:\n${describeErrors(errors)}`;
    return { ok: false, error: argsRefusal(english, errors) };
  }
  const { sheet, report } = show;
  const stored = await loadPlatform(db, show.id);
  const window = stored.meta?.window ?? showWindow(report);
  if (!window)
    return {
      ok: false,
      error: notStarted('The show has not started: orders are imported into a show that ran.'),
    };
  const timeZone = args.data.timeZone ?? stored.meta?.timeZone ?? sheet.show.timeZone;
  const read = await rowsFromPayload(args.data);
  if ('error' in read)
    return {
      ok: false,
      error: exportRefusal(`orders.import was refused: ${read.error}`, [read.problem]),
    };
  const parsed = parseRows(read.rows, {
    currency: sheet.show.currency,
    timeZone,
    ...(args.data.format ? { format: args.data.format } : {}),
  });
  if (!parsed.ok)
    return {
      ok: false,
      error: exportRefusal(
        `orders.import was refused:\n${parsed.errors.map((e) => `• ${e.message}`).join('\n')}`,
        parsed.errors,
      ),
    };
  const outcome = await commitImport(db, show.id, parsed.value, {
    window,
    timeZone,
    file: args.data.file ?? 'orders.import',
  });
  return {
    ok: true,
    result: {
      message: describeCommit(outcome),
      ...outcome,
      window,
      timeZone,
      warnings: parsed.value.warnings.slice(0, 20).map((w) => w.message),
      ignoredColumns: parsed.value.ignoredColumns,
      platform: await platformBlock(db, show.id, sheet, report, show.context),
    },
  };
}
