/**
 * A whole show as one file ("flashcue.show", version 2): the frozen run sheet it ran, its
 * event log in order (viewer samples included), its status, its experiment notes, and since
 * version 2 the live room's kept counts and question log. The report is rebuilt from it, so
 * an archive re-imported anywhere gives the same report. Version 1 files (no room) still open.
 *
 * Nothing in a file is trusted: the shape is checked with zod, then the log is replayed
 * through the show's own `decide`, so a hand-edited or hostile file (a sale after the end, a
 * deal above the live price, a seq twice, time running backwards) is refused with the place
 * of the first problem, instead of being stored and breaking the report later.
 */
import { exportRunSheetJson } from '../../shared/import';
import { parseJson } from '../../shared/import/json';
import { RunSheet as RunSheetSchema, type RunSheet } from '../../shared/runsheet';
import { located, zodErrors, type ErrorParams, type Result } from '../../shared/validation';
import type { EventRow, ShowRow } from '../db/db';
import {
  ArchiveSchema,
  SHOW_ARCHIVE_FORMAT,
  SHOW_ARCHIVE_VERSION,
} from '../../shared/show/eventSchema';
import type { StoredPlatform } from '../../shared/orders/platformReport';
import { termsFromCurrent } from '../../shared/replica/terms';
import type { SavedRoom } from '../../shared/room/saved';
import type { ArchivedHealthMinute } from '../../shared/obs/healthArchive';

export { SHOW_ARCHIVE_FORMAT, SHOW_ARCHIVE_VERSION } from '../../shared/show/eventSchema';

export type { ArchivedEvent } from './archiveLog';
import { checkLog, type ArchivedEvent } from './archiveLog';

export interface ShowArchive {
  format: typeof SHOW_ARCHIVE_FORMAT;
  version: typeof SHOW_ARCHIVE_VERSION;
  exportedAt: string;
  show: {
    id: string;
    runSheetId: string;
    status: ShowRow['status'];
    createdAt: number;
    startedAt: number | null;
    endedAt: number | null;
    changes: string;
    /** The show row's term history (files from before version 11 of the database say `term`). */
    terms: ShowRow['terms'];
  };
  sheet: RunSheet;
  events: ArchivedEvent[];
  /** The platform's orders imported for this show, kept beside the log. */
  platform?: StoredPlatform;
  /** The per-minute stream-health record (issue 19), kept beside the log like the orders. */
  health?: ArchivedHealthMinute[];
  /** The live room's kept aggregates (shared/room/saved.ts), when the show heard a room. */
  room?: SavedRoom;
}

export function toArchive(
  show: ShowRow,
  rows: readonly EventRow[],
  exportedAt: number = Date.now(),
  platform?: StoredPlatform,
  room?: SavedRoom,
): ShowArchive {
  const withPlatform = platform && (platform.lines.length || platform.meta) ? { platform } : {};
  return {
    ...withPlatform,
    format: SHOW_ARCHIVE_FORMAT,
    version: SHOW_ARCHIVE_VERSION,
    exportedAt: new Date(exportedAt).toISOString(),
    show: {
      id: show.id,
      runSheetId: show.runSheetId,
      status: show.status,
      createdAt: show.createdAt,
      startedAt: show.startedAt,
      endedAt: show.endedAt,
      changes: show.changes,
      terms: show.terms,
    },
    sheet: show.sheet,
    events: rows.map((r) => ({ seq: r.seq, commandId: r.commandId, event: r.event })),
    ...(room ? { room } : {}),
  };
}

/** The file's text: the sheet in the run-sheet export's fixed key order, so files diff cleanly. */
export function archiveJson(archive: ShowArchive): string {
  const sheet = JSON.parse(exportRunSheetJson(archive.sheet)) as unknown;
  return `${JSON.stringify({ ...archive, sheet }, null, 2)}\n`;
}

// ── reading ──────────────────────────────────────────────────────────────────────────────

export function parseShowArchive(text: string): Result<ShowArchive> {
  const parsed = parseJson(text);
  return parsed.ok ? parseShowArchiveValue(parsed.value) : parsed;
}

export function parseShowArchiveValue(value: unknown): Result<ShowArchive> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return fail(
      '(top level)',
      `must be an object: a Flashcue show file starts with {"format": "${SHOW_ARCHIVE_FORMAT}", …}`,
      'arch_not_object',
      { start: `{"format": "${SHOW_ARCHIVE_FORMAT}", …}` },
    );
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== SHOW_ARCHIVE_FORMAT) {
    const hint =
      format === 'flashcue.runsheet' ? ': this is a run sheet — import it on the Plan screen' : '';
    return fail(
      'format',
      `is ${JSON.stringify(format ?? null)}, not a Flashcue show file ("${SHOW_ARCHIVE_FORMAT}")${hint}`,
      hint ? 'arch_format_runsheet' : 'arch_format',
      { got: JSON.stringify(format ?? null), format: SHOW_ARCHIVE_FORMAT },
    );
  }
  if (typeof version === 'number' && version > SHOW_ARCHIVE_VERSION) {
    return fail(
      'version',
      `is ${version}: this file was made by a newer Flashcue, which this one (reading version ${SHOW_ARCHIVE_VERSION}) cannot open safely. Update Flashcue`,
      'arch_newer',
      { version, reads: SHOW_ARCHIVE_VERSION },
    );
  }
  const shape = ArchiveSchema.safeParse(value);
  const sheet = RunSheetSchema.safeParse((value as { sheet?: unknown }).sheet);
  const errors = [
    ...(shape.success ? [] : zodErrors(shape.error)),
    ...(sheet.success ? [] : zodErrors(sheet.error, ['sheet'])),
  ];
  if (!shape.success || !sheet.success) return { ok: false, errors };
  if (shape.data.version === 1 && shape.data.room)
    return fail(
      'room',
      'is not part of a version 1 file: the live room came with version 2',
      'arch_room_v1',
      {},
    );
  const { term, terms, ...show } = shape.data.show;
  // Read as the current version: a version 1 file is a version 2 file without a room.
  const archive: ShowArchive = {
    ...shape.data,
    version: SHOW_ARCHIVE_VERSION,
    show: { ...show, terms: terms ?? termsFromCurrent(term) },
    sheet: sheet.data,
  };
  const problems = checkLog(archive);
  return problems.length ? { ok: false, errors: problems } : { ok: true, value: archive };
}

/** Each problem carries a code (controller message `imp_<code>`) and its values. */
const fail = (path: string, message: string, code: string, params: ErrorParams): Result<never> => ({
  ok: false,
  errors: [located(path, message, code, params)],
});

// ── comparing ────────────────────────────────────────────────────────────────────────────

/** JSON with sorted keys and undefined left out: equal values give equal text. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

/** Same show, same log, same notes; when it was exported and under which id do not count. */
export function sameContent(a: ShowArchive, b: ShowArchive): boolean {
  const body = (x: ShowArchive) =>
    stableJson({ show: { ...x.show, id: null }, sheet: x.sheet, events: x.events });
  return body(a) === body(b);
}
