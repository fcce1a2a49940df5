/**
 * What the library screen does: create, duplicate, delete, export, run, import and load the
 * demo. Holds the import's progress and report as $state for the dialogs to render.
 */
import {
  exportRunSheetJson,
  importAny,
  importSeriesText,
  type ImportKind,
} from '../../shared/import';
import { exportProductsCsv } from '../../shared/export/csv';
import type { RunSheet } from '../../shared/runsheet';
import { templateById } from '../../shared/runsheet/templates';
import { located, type LocatedError } from '../../shared/validation';
import { errorText } from '../i18n/located';
import type { RunSheetRow } from '../db/db';
import { deleteRunSheet, duplicateRunSheet } from '../db/runSheets';
import type { App } from '../app/appContext';
import { download, looksLikeCsv, nextPaint, readText, tooLarge } from './files';
import { keepSheet, type Kept } from './keep';
import { keepSeries, type KeptSeries } from './keepSeries';
import { blankSheet, localTimeZone, uniqueId } from './sheets';
import * as msg from '../i18n/paraglide/messages.js';
import { refusalText } from '../i18n/refusal';

export const DEMO_URL = '/demo/demo-show.json';

export interface ImportEntry {
  fileName: string;
  kind: ImportKind | null;
  bytes: number;
  /** Time spent checking the text (parse + validation), for the report and for honesty. */
  checkMs: number | null;
  errors: LocatedError[];
  warnings: LocatedError[];
  kept: Kept | null;
  /** A series task's linked run sheets (then `kept` is its first session's sheet). */
  series?: KeptSeries;
}

export interface ImportProgress {
  fileName: string;
  index: number;
  count: number;
  phase: 'reading' | 'checking' | 'saving';
  loaded: number;
  total: number;
}

export interface CsvAnswer {
  currency: string;
  /** Show length in seconds, or undefined for "suggest one from the product count". */
  durationSec?: number;
}

type Deps = Pick<App, 'db' | 'router' | 'live' | 'notices'>;

export class PlanActions {
  progress = $state<ImportProgress | null>(null);
  /** CSV files waiting for the producer to say which currency their prices are in. */
  csvQuestion = $state.raw<string[] | null>(null);
  report = $state.raw<{ title: string; entries: ImportEntry[] } | null>(null);
  #answer: ((answer: CsvAnswer | null) => void) | null = null;

  constructor(private readonly app: Deps) {}

  get busy(): boolean {
    return this.progress !== null || this.csvQuestion !== null;
  }

  async #create(sheet: RunSheet) {
    const kept = await keepSheet(this.app.db, sheet);
    if (!kept.ok)
      return void this.app.notices.error(
        msg.plan_create_failed({
          problem: kept.errors[0] ? errorText(kept.errors[0]) : msg.plan_invalid_sheet(),
        }),
      );
    this.app.router.go({ name: 'plan', sheetId: kept.value.row.id });
  }

  async createBlank() {
    const ids = new Set(await this.app.db.runSheets.toCollection().primaryKeys());
    await this.#create(
      blankSheet(
        uniqueId('untitled-show', (id) => ids.has(id)),
        localTimeZone(),
        // The seller's to change: in the controller's language from the start.
        { title: msg.plan_untitled(), opening: msg.sw_blank_opening(), closing: msg.seg_closing() },
      ),
    );
  }

  async createFromTemplate(templateId: string) {
    const template = templateById(templateId);
    if (!template) return void this.app.notices.error(msg.plan_no_template({ id: templateId }));
    // A template is a starting point: always a new sheet, never the one made from it last time.
    const sheet = template.build();
    const ids = new Set(await this.app.db.runSheets.toCollection().primaryKeys());
    await this.#create({ ...sheet, id: uniqueId(sheet.id, (id) => ids.has(id)) });
  }

  async duplicate(row: RunSheetRow) {
    const result = await duplicateRunSheet(this.app.db, row.id, Date.now(), msg.sw_copy_suffix());
    // The one refusal: the sheet was deleted meanwhile (another tab).
    if (!result.ok) return void this.app.notices.error(msg.plan_no_longer_saved());
    this.app.notices.push('success', msg.plan_duplicated({ title: result.value.title }));
  }

  /** Null when deleted, else the reason it was refused (a live show runs it). */
  async remove(row: RunSheetRow): Promise<string | null> {
    const result = await deleteRunSheet(this.app.db, row.id);
    if (!result.ok) return refusalText(result);
    this.app.notices.push('success', msg.plan_deleted({ title: row.title }));
    return null;
  }

  exportJson(row: RunSheetRow) {
    download(`${row.id}.flashcue.json`, exportRunSheetJson(row.sheet), 'application/json');
  }

  exportCsv(row: RunSheetRow) {
    download(
      `${row.id}-products.csv`,
      exportProductsCsv(row.sheet.products, row.sheet.show.currency),
      'text/csv;charset=utf-8',
    );
  }

  async run(sheet: RunSheet) {
    const show = await this.app.live.startFrom(sheet);
    if (show) this.app.router.go({ name: 'live' });
  }

  answerCsv(answer: CsvAnswer | null) {
    this.csvQuestion = null;
    this.#answer?.(answer);
    this.#answer = null;
  }

  async importFiles(files: readonly File[]) {
    if (this.busy || !files.length) return;
    const entries: ImportEntry[] = [];
    const texts: Array<{ entry: ImportEntry; text: string }> = [];
    try {
      for (const [index, file] of files.entries()) {
        const entry: ImportEntry = {
          fileName: file.name,
          kind: null,
          bytes: file.size,
          checkMs: null,
          errors: [],
          warnings: [],
          kept: null,
        };
        entries.push(entry);
        const big = tooLarge(file.size);
        if (big) {
          entry.errors.push({ path: '(file)', message: big });
          continue;
        }
        this.progress = {
          fileName: file.name,
          index,
          count: files.length,
          phase: 'reading',
          loaded: 0,
          total: file.size,
        };
        try {
          const text = await readText(
            file,
            (loaded, total) => this.progress && Object.assign(this.progress, { loaded, total }),
          );
          texts.push({ entry, text });
        } catch (error) {
          entry.errors.push(
            located('(file)', `could not be read: ${String(error)}`, 'read_failed', {
              error: String(error),
            }),
          );
        }
      }
      const csv = texts.filter((t) => looksLikeCsv(t.text, t.entry.fileName));
      const answer = csv.length ? await this.#ask(csv.map((t) => t.entry.fileName)) : null;
      for (const [index, { entry, text }] of texts.entries()) {
        if (csv.some((t) => t.entry === entry) && !answer) {
          entry.kind = 'csv';
          entry.errors.push({
            path: '(file)',
            message: 'was not imported: the currency question was cancelled',
            code: 'csv_cancelled',
          });
          continue;
        }
        await this.#check(entry, text, index, texts.length, answer);
      }
    } finally {
      this.progress = null;
    }
    this.report = {
      title: msg.plan_import_report({ count: entries.length }),
      entries,
    };
  }

  #ask(fileNames: string[]): Promise<CsvAnswer | null> {
    this.progress = null;
    this.csvQuestion = fileNames;
    return new Promise((resolve) => (this.#answer = resolve));
  }

  async #check(
    entry: ImportEntry,
    text: string,
    index: number,
    count: number,
    csv: CsvAnswer | null,
  ) {
    this.progress = {
      fileName: entry.fileName,
      index,
      count,
      phase: 'checking',
      loaded: entry.bytes,
      total: entry.bytes,
    };
    await nextPaint();
    const started = performance.now();
    const series = importSeriesText(text);
    if (series) return this.#keepSeries(entry, series, started);
    const outcome = importAny(text, { fileName: entry.fileName, ...(csv ?? {}) });
    entry.checkMs = Math.round(performance.now() - started);
    entry.kind = outcome.kind;
    entry.warnings = outcome.warnings;
    if (!outcome.result.ok) {
      entry.errors = outcome.result.errors;
      return;
    }
    this.progress = { ...this.progress, phase: 'saving' };
    const kept = await keepSheet(this.app.db, outcome.result.value);
    if (kept.ok) entry.kept = kept.value;
    else entry.errors = kept.errors;
  }

  async #keepSeries(
    entry: ImportEntry,
    outcome: NonNullable<ReturnType<typeof importSeriesText>>,
    started: number,
  ) {
    entry.checkMs = Math.round(performance.now() - started);
    entry.kind = 'pinghuman';
    entry.warnings = outcome.warnings;
    if (!outcome.result.ok) return void (entry.errors = outcome.result.errors);
    const kept = await keepSeries(this.app.db, outcome.result.value);
    if (!kept.ok) return void (entry.errors = kept.errors);
    entry.series = kept.value;
    entry.kept = kept.value.sheets[0] ?? null;
  }

  /** Fetches the shipped demo show, checks it like any import, and keeps it (reusing an identical one). */
  async loadDemo() {
    if (this.busy) return;
    const entry: ImportEntry = {
      fileName: msg.plan_demo_show(),
      kind: 'flashcue',
      bytes: 0,
      checkMs: null,
      errors: [],
      warnings: [],
      kept: null,
    };
    this.progress = {
      fileName: msg.plan_demo_show(),
      index: 0,
      count: 1,
      phase: 'reading',
      loaded: 0,
      total: 0,
    };
    try {
      const response = await fetch(DEMO_URL, { cache: 'no-cache' });
      if (!response.ok) throw new Error(`the server answered ${response.status} for ${DEMO_URL}`);
      const text = await response.text();
      entry.bytes = text.length;
      await this.#check(entry, text, 0, 1, null);
    } catch (error) {
      entry.errors.push({
        path: DEMO_URL,
        message: `could not be loaded: ${error instanceof Error ? error.message : String(error)}`,
        code: 'load_failed',
        params: { error: error instanceof Error ? error.message : String(error) },
      });
    } finally {
      this.progress = null;
    }
    this.report = { title: msg.plan_demo_show(), entries: [entry] };
  }
}
