/** The report's downloads and its import of show files, through the plan's file helpers. */
import { reportCsv, type ReportCsvKind } from '../../shared/report/csv';
import type { LocatedError } from '../../shared/validation';
import { errorText, placeText } from '../i18n/located';
import * as m from '../i18n/paraglide/messages.js';
import { exportShowArchive, importShowArchiveText, type ArchiveImport } from '../db/showArchive';
import type { FlashcueDb } from '../db/db';
import { download, readText, tooLarge } from '../plan/files';
import { archiveJson } from './archive';
import { localDateTime } from '../../shared/report/csv';
import { slug } from './format';
import { csvHeader } from './csvHeaders';
import type { ShowEntry } from './reportStore.svelte';

/** "spring-glow-live-2026-03-15": the title and the show's own date. */
export function fileStem(entry: Pick<ShowEntry, 'row'>): string {
  const { sheet, startedAt, createdAt } = entry.row;
  const day = localDateTime(startedAt ?? createdAt, sheet.show.timeZone).slice(0, 10);
  return `${slug(sheet.show.title)}-${day}`;
}

export async function downloadShowJson(db: FlashcueDb, entry: ShowEntry): Promise<void> {
  const archive = await exportShowArchive(db, entry.row.id);
  download(`${fileStem(entry)}.flashcue-show.json`, archiveJson(archive), 'application/json');
}

export function downloadReportCsv(entry: ShowEntry, kind: ReportCsvKind): void {
  download(
    `${fileStem(entry)}-${kind}.csv`,
    reportCsv(entry.report, kind, {}, csvHeader()),
    'text/csv;charset=utf-8',
  );
}

export interface FileOutcome {
  file: string;
  ok: boolean;
  /** Worded when shown, so a switch of language rewords a result already on screen. */
  message: () => string;
  imported: ArchiveImport | null;
}

const OUTCOME_WORDS: Record<ArchiveImport['outcome'], (p: { title: string }) => string> = {
  added: m.rep_file_added,
  reused: m.rep_file_reused,
  copied: m.rep_file_copied,
};

/** A refused file's problems, each where it is, in the controller's language (8 at most). */
function problems(errors: LocatedError[], limit = 8): string {
  const lines = errors.slice(0, limit).map((e) => `${placeText(e.path)}: ${errorText(e)}`);
  if (errors.length > limit) lines.push(m.rep_file_more({ count: errors.length - limit }));
  return lines.join('\n');
}

/** Reads and imports each file in turn; a refused file is reported with where it went wrong. */
export async function importShowFiles(
  db: FlashcueDb,
  files: readonly File[],
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const big = tooLarge(file.size);
    if (big) {
      outcomes.push({
        file: file.name,
        ok: false,
        message: () => `${file.name} ${big}`,
        imported: null,
      });
      continue;
    }
    try {
      const text = await readText(file, () => {});
      const result = await importShowArchiveText(db, text);
      outcomes.push(
        result.ok
          ? {
              file: file.name,
              ok: true,
              message: () => OUTCOME_WORDS[result.outcome]({ title: result.title }),
              imported: result,
            }
          : {
              file: file.name,
              ok: false,
              message: () =>
                m.rep_file_refused({ file: file.name, problems: problems(result.errors) }),
              imported: null,
            },
      );
    } catch (error) {
      outcomes.push({
        file: file.name,
        ok: false,
        message: () => m.rep_file_failed({ file: file.name, error: String(error) }),
        imported: null,
      });
    }
  }
  return outcomes;
}
