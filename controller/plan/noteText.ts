/**
 * A playbook note (shared/playbook/check.ts) in the controller's language. English keeps the
 * sentence shared/ wrote, word for word; another language renders the note's code with its
 * values (`pbn_<code>`), and the list a note names item by item (`pbn_<code>_item`), joined
 * the language's way. A code this catalogue lacks stays English rather than saying nothing.
 */
import type { NoteParams, PlaybookNote } from '../../shared/playbook/check';
import * as m from '../i18n/paraglide/messages.js';
import { getLocale, type Locale } from '../i18n/paraglide/runtime.js';

type Message = (params: NoteParams, options?: { locale?: Locale }) => string;
const catalogue = m as unknown as Record<string, Message | undefined>;

const join = (parts: string[], locale: Locale, type: Intl.ListFormatType) =>
  new Intl.ListFormat(locale, { type }).format(parts);

export function noteText(
  note: Pick<PlaybookNote, 'message' | 'code' | 'params' | 'items'>,
  locale: Locale = getLocale(),
): string {
  const message = catalogue[`pbn_${note.code}`];
  if (locale === 'en' || !message) return note.message;
  const o = { locale };
  const items = note.items ?? [];
  const params: NoteParams = { ...note.params };
  switch (note.code) {
    case 'slot_length':
    case 'slot_length_edu':
      params.list = join(
        items.map((i) =>
          m.pbn_slot_item(
            { label: i.label || m.pbn_segment({ n: i.n ?? 0 }, o), min: i.min ?? 0 },
            o,
          ),
        ),
        locale,
        'conjunction',
      );
      break;
    case 'engagement':
      params.marks = join(
        items.map((i) => String(i.mark)),
        locale,
        'disjunction',
      );
      break;
    case 'stock':
      params.list = items.map((i) => catalogue.pbn_stock_item!(i, o)).join(m.pbn_clause_sep({}, o));
      break;
  }
  return message(params, o);
}
