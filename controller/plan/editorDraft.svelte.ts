/**
 * One run sheet being edited: the form as $state, its validation derived from it on every
 * keystroke, and the row operations. Saving goes through `saveRunSheet`, which validates
 * again, so a refused save never touches what is stored.
 */
import { parseRunSheet, type RunSheet, type SegmentKind } from '../../shared/runsheet';
import type { LocatedError } from '../../shared/validation';
import type { FlashcueDb, RunSheetRow } from '../db/db';
import { saveRunSheet } from '../db/runSheets';
import { formFromSheet, mergeErrors, type SheetForm } from './form';
import { sheetFromForm } from './sheetFromForm';
import { errorsByPath, messagesFor } from './paths';
import { copyRow, newProductForm, newSegmentForm, plannedSummary } from './sheets';

type SaveOutcome = { ok: true; row: RunSheetRow } | { ok: false; errors: LocatedError[] };

export class EditorDraft {
  form: SheetForm = $state() as SheetForm;
  /** Errors from the last refused save (the database's own check), shown until the next save or revert. */
  refused = $state.raw<LocatedError[] | null>(null);
  saving = $state(false);
  savedAt = $state(0);
  #baseline = $state('');

  readonly converted = $derived(sheetFromForm(this.form));
  readonly errors: LocatedError[] = $derived.by(() => {
    const parsed = parseRunSheet(this.converted.input);
    return mergeErrors(this.converted.errors, parsed.ok ? [] : parsed.errors);
  });
  readonly valid = $derived(this.errors.length === 0);
  readonly dirty = $derived(JSON.stringify(this.form) !== this.#baseline);
  readonly byPath = $derived(errorsByPath(this.errors));
  readonly plannedSec = $derived.by(() =>
    this.converted.input.segments.reduce((sum, s) => sum + (s.durationSec ?? 0), 0),
  );
  readonly lengthSec = $derived(this.converted.input.show.durationSec ?? 0);
  readonly planned = $derived(plannedSummary(this.plannedSec, this.lengthSec));

  constructor(row: RunSheetRow) {
    this.#load(row.sheet);
    this.savedAt = row.updatedAt;
  }

  #load(sheet: RunSheet) {
    this.form = formFromSheet(sheet);
    this.#baseline = JSON.stringify(this.form);
  }

  messages(path: string, nested = false): string[] {
    return messagesFor(this.byPath, path, nested);
  }

  revert() {
    this.form = JSON.parse(this.#baseline) as SheetForm;
    this.refused = null;
  }

  async save(db: FlashcueDb): Promise<SaveOutcome> {
    this.saving = true;
    try {
      const result = await saveRunSheet(db, this.converted.input);
      if (!result.ok) {
        this.refused = result.errors;
        return { ok: false, errors: result.errors };
      }
      this.refused = null;
      this.savedAt = result.value.updatedAt;
      // The stored sheet is normalised (trimmed, upper-cased): show exactly what was saved.
      this.#load(result.value.sheet);
      return { ok: true, row: result.value };
    } finally {
      this.saving = false;
    }
  }

  // Products

  addProduct() {
    this.form.products.push(newProductForm(this.form.products.map((p) => p.id)));
  }

  duplicateProduct(index: number) {
    const source = this.form.products[index];
    if (!source) return;
    const copy = copyRow(
      $state.snapshot(source),
      this.form.products.map((p) => p.id),
    );
    this.form.products.splice(index + 1, 0, copy);
  }

  /** How many segments point at a product: removing it leaves them to be re-pointed. */
  usesOf(productId: string): number {
    return this.form.segments.filter((s) => s.productId === productId).length;
  }

  removeProduct(index: number) {
    this.form.products.splice(index, 1);
  }

  /** Renaming a product's id carries its segments along, so a rename never breaks the plan. */
  setProductId(index: number, id: string) {
    const product = this.form.products[index];
    if (!product) return;
    const old = product.id;
    const unique = this.form.products.filter((p) => p.id === old).length === 1;
    if (unique) for (const s of this.form.segments) if (s.productId === old) s.productId = id;
    product.id = id;
  }

  // Segments

  addSegment(kind: SegmentKind) {
    const first = this.form.products[0]?.id ?? '';
    this.form.segments.push(
      newSegmentForm(
        kind,
        this.form.segments.map((s) => s.id),
        first,
      ),
    );
  }

  duplicateSegment(index: number) {
    const source = this.form.segments[index];
    if (!source) return;
    this.form.segments.splice(
      index + 1,
      0,
      copyRow(
        $state.snapshot(source),
        this.form.segments.map((s) => s.id),
      ),
    );
  }

  removeSegment(index: number) {
    this.form.segments.splice(index, 1);
  }

  moveSegment(from: number, to: number) {
    const list = this.form.segments;
    if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return;
    const [moved] = list.splice(from, 1);
    if (moved) list.splice(to, 0, moved);
  }

  /** Applies an order given as row keys (what a drag-and-drop zone hands back). */
  reorder(keys: readonly string[]) {
    const byKey = new Map(this.form.segments.map((s) => [s.key, s]));
    const next = keys.map((k) => byKey.get(k)).filter((s) => s !== undefined);
    if (next.length !== this.form.segments.length) return;
    this.form.segments = next;
  }
}
