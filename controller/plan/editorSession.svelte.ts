/** Opens one saved run sheet for editing and carries out the editor's save and run. */
import type { App } from '../app/appContext';
import { getRunSheet } from '../db/runSheets';
import { EditorDraft } from './editorDraft.svelte';
import * as msg from '../i18n/paraglide/messages.js';

type Deps = Pick<App, 'db' | 'notices' | 'live' | 'router'>;

/**
 * Drafts by sheet id for this page's life: a producer who looks at the Live screen and comes
 * back finds their unsaved edits still there. Reused only while the stored sheet is the one the
 * draft started from, so a draft never saves over a change made since.
 */
const drafts = new Map<string, EditorDraft>();

export class EditorSession {
  status = $state<'loading' | 'missing' | 'ready' | 'failed'>('loading');
  draft = $state.raw<EditorDraft | null>(null);
  problem = $state('');

  constructor(
    private readonly app: Deps,
    readonly sheetId: string,
  ) {
    void this.#open();
  }

  async #open() {
    try {
      const row = await getRunSheet(this.app.db, this.sheetId);
      if (!row) {
        this.status = 'missing';
        return;
      }
      const kept = drafts.get(this.sheetId);
      this.draft =
        kept && kept.dirty && kept.savedAt === row.updatedAt ? kept : new EditorDraft(row);
      drafts.set(this.sheetId, this.draft);
      this.status = 'ready';
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      this.status = 'failed';
    }
  }

  async save() {
    const draft = this.draft;
    if (!draft || !draft.valid || draft.saving) return;
    const result = await draft.save(this.app.db);
    if (result.ok)
      this.app.notices.push('success', msg.plan_saved_notice({ title: result.row.title }));
    else this.app.notices.error(msg.plan_not_saved_notice({ count: result.errors.length }));
  }

  /** Runs what is saved: a show must never start from an unsaved half-edit. */
  async run() {
    const draft = this.draft;
    if (!draft || draft.dirty) return;
    const row = await getRunSheet(this.app.db, this.sheetId);
    if (!row) return void this.app.notices.error(msg.plan_no_longer_saved());
    const show = await this.app.live.startFrom(row.sheet);
    if (show) this.app.router.go({ name: 'live' });
  }
}
