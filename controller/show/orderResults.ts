/**
 * The log entry that recorded each order id (and each cancellation), so a second `sale` or
 * `sale.cancel` for it is answered with the first one's result — same seq, same event — marked
 * as a duplicate. Built from the log the runner replays at start (a reload, a backup taking
 * over), then kept up to date with each append.
 */
import type { Duplicate, ShowEvent } from '../../shared/show';

interface Entry {
  seq: number;
  event: ShowEvent;
}

export function createOrderResults(rows: Iterable<Entry>) {
  const byKey = new Map<string, Entry>();
  const keyOf = (event: ShowEvent): string | null =>
    event.type === 'sale' && event.orderId !== undefined
      ? `sale:${event.orderId}`
      : event.type === 'sale.cancel'
        ? `sale.cancel:${event.orderId}`
        : null;
  const note = (entry: Entry) => {
    const key = keyOf(entry.event);
    if (key !== null && !byKey.has(key)) byKey.set(key, { seq: entry.seq, event: entry.event });
  };
  for (const row of rows) note(row);
  return {
    note,
    find: (duplicate: Duplicate): Entry | undefined =>
      byKey.get(`${duplicate.type}:${duplicate.orderId}`),
  };
}
