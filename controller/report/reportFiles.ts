/** The report's downloads and its import of show files, through the plan's file helpers. */
import { reportCsv, type ReportCsvKind } from '../../shared/report/csv';
import { describeErrors } from '../../shared/validation';
import { exportShowArchive, importShowArchiveText, type ArchiveImport } from '../db/showArchive';
import type { FlashcueDb } from '../db/db';
import { download, readText, tooLarge } from '../plan/files';
import { archiveJson } from './archive';
import { localDateTime } from '../../shared/report/csv';
import { slug } from './format';
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
    reportCsv(entry.report, kind),
    'text/csv;charset=utf-8',
  );
}

export interface FileOutcome {
  file: string;
  ok: boolean;
  message: string;
  imported: ArchiveImport | null;
}

const OUTCOME_WORDS: Record<ArchiveImport['outcome'], string> = {
  added: 'imported',
  reused: 'is already here: nothing was added',
  copied:
    'imported as a copy (a different show with the same id was already here, and was kept as it is)',
};

/** Reads and imports each file in turn; a refused file is reported with where it went wrong. */
export async function importShowFiles(
  db: FlashcueDb,
  files: readonly File[],
): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const file of files) {
    const big = tooLarge(file.size);
    if (big) {
      outcomes.push({ file: file.name, ok: false, message: `${file.name} ${big}`, imported: null });
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
              message: `“${result.title}” ${OUTCOME_WORDS[result.outcome]}.`,
              imported: result,
            }
          : {
              file: file.name,
              ok: false,
              message: `${file.name} was refused:\n${describeErrors(result.errors, 8)}`,
              imported: null,
            },
      );
    } catch (error) {
      outcomes.push({
        file: file.name,
        ok: false,
        message: `${file.name} could not be imported: ${String(error)}`,
        imported: null,
      });
    }
  }
  return outcomes;
}
