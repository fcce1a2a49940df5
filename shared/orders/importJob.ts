/**
 * What the import worker does with a file's rows, pure so it is tested without a worker:
 * parse them (once per set of options: the preview is asked again whenever the person
 * changes the zone, the format or the window), sum what falls in the window, hand over the
 * lines to store, and reconcile a show with its stored lines. A 20,000-line export takes
 * hundreds of milliseconds through each of these — far too long for the page's own thread.
 */
import { buildReport } from '../report/showReport';
import { RunSheet } from '../runsheet/schema';
import { replay } from '../show';
import type { ShowEvent } from '../show/types';
import { parseOrderRows, type ExportOptions } from './parse';
import { platformReport, type PlatformMeta, type PlatformReport } from './platformReport';
import { inWindow, type Window } from './reconcile';
import { netFigures, type OrderFormat, type ParseOutcome, type PlatformLine } from './types';
import type { Preview } from './importProtocol';

export type Rows = ReadonlyArray<ReadonlyArray<string | null | undefined>>;

/** Warnings a preview carries; the count says how many more there were. */
const PREVIEW_WARNINGS = 10;

const optionsKey = (o: ExportOptions) => `${o.currency}|${o.timeZone}|${o.format ?? ''}`;

export class ImportJob {
  #rows: Rows | null = null;
  #parsed: { key: string; outcome: ParseOutcome } | null = null;

  hold(rows: Rows): void {
    this.#rows = rows;
    this.#parsed = null;
  }

  forget(): void {
    this.#rows = null;
    this.#parsed = null;
  }

  get holding(): boolean {
    return this.#rows !== null;
  }

  #parse(options: ExportOptions): ParseOutcome | null {
    if (!this.#rows) return null;
    const key = optionsKey(options);
    if (this.#parsed?.key !== key)
      this.#parsed = { key, outcome: parseOrderRows(this.#rows, options) };
    return this.#parsed.outcome;
  }

  preview(options: ExportOptions, window: Window | null): Preview | null {
    const outcome = this.#parse(options);
    if (!outcome) return null;
    if (!outcome.ok) return { ok: false, errors: outcome.errors.slice(0, 100) };
    const { value } = outcome;
    const kept = window ? inWindow(value.lines, window) : [];
    return {
      ok: true,
      format: value.format,
      lines: value.lines.length,
      kept: kept.length,
      figures: netFigures(kept),
      warnings: value.warnings.slice(0, PREVIEW_WARNINGS),
      warningCount: value.warnings.length,
      ignoredColumns: value.ignoredColumns.slice(0, 500).map((c) => c.slice(0, 200)),
    };
  }

  /** The lines placed within the window; null when nothing is held or the file does not parse. */
  take(
    options: ExportOptions,
    window: Window,
  ): { format: OrderFormat; lines: PlatformLine[]; outside: number } | null {
    const outcome = this.#parse(options);
    if (!outcome?.ok) return null;
    const lines = inWindow(outcome.value.lines, window);
    return {
      format: outcome.value.format,
      lines,
      outside: outcome.value.lines.length - lines.length,
    };
  }
}

export interface ReconcileInput {
  sheet: unknown;
  events: readonly ShowEvent[];
  now: number;
  lines: readonly PlatformLine[];
  meta: PlatformMeta | null;
  remembered: ReadonlyArray<readonly [string, string]>;
}

/**
 * The show's platform block from its own log: the report rebuilt exactly as the Report
 * screen builds it (shared/report/showReport.ts, up to `now`), and the orders attributed by
 * the show's context replayed to the same moment.
 */
export function reconcileShow(input: ReconcileInput): PlatformReport | null | string {
  const sheet = RunSheet.safeParse(input.sheet);
  if (!sheet.success) return 'The show’s run sheet could not be read for the reconciliation.';
  const report = buildReport(sheet.data, input.events, { now: input.now });
  const context = input.lines.length
    ? replay(sheet.data, input.events, report.show.asOf).context
    : undefined;
  return platformReport(
    report,
    sheet.data.products,
    input.lines,
    input.meta,
    new Map(input.remembered),
    context,
  );
}
