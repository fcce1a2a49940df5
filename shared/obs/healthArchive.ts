/**
 * The stream-health record in a show file (issue 19): the show's per-minute rows without the
 * show id (the file's show is theirs), checked like every other field of a file — whole
 * minutes, counts that are whole and not negative, each minute once.
 */
import { z } from 'zod';
import { MINUTE_MS, type HealthMinute } from './healthRecord';

/** A day of minutes and more: far above any show, low enough to refuse a runaway file. */
const MAX_ARCHIVED_MINUTES = 2_000;

const Count = z
  .number({ error: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(1e9, 'is too large');

const ArchivedHealthMinuteSchema = z.strictObject({
  minute: z
    .number({ error: 'must be a time in milliseconds' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(8.64e15, 'is not a time')
    .refine((ms) => ms % MINUTE_MS === 0, 'must be the start of a minute'),
  frames: Count,
  dropped: Count,
  renderFrames: Count,
  renderSkipped: Count,
  congestion: z
    .number({ error: 'must be a number' })
    .min(0, 'must be 0 to 1')
    .max(1, 'must be 0 to 1'),
  reconnecting: z.boolean({ error: 'must be true or false' }),
  streaming: z.boolean({ error: 'must be true or false' }),
  recording: z.boolean({ error: 'must be true or false' }),
});

export const HealthArchiveSchema = z
  .array(ArchivedHealthMinuteSchema, { error: 'must be a list of minutes' })
  .max(MAX_ARCHIVED_MINUTES, `holds more than ${MAX_ARCHIVED_MINUTES.toLocaleString('en')} minutes`)
  .superRefine((rows, ctx) => {
    const seen = new Set<number>();
    rows.forEach((row, i) => {
      if (seen.has(row.minute))
        ctx.addIssue({ code: 'custom', path: [i, 'minute'], message: 'is listed twice' });
      seen.add(row.minute);
    });
  });

export type ArchivedHealthMinute = Omit<HealthMinute, 'showId'>;

/** The show's rows as the file keeps them: oldest first, without the show id. */
export function toArchivedHealth(rows: readonly HealthMinute[]): ArchivedHealthMinute[] {
  return [...rows].sort((a, b) => a.minute - b.minute).map(({ showId: _showId, ...row }) => row);
}
