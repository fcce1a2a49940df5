/**
 * "What changed in this show": the variables a seller deliberately changed against earlier
 * shows (the landscape seed's experiments: start time, length, order, offer structure, host
 * style — one per show), plus a free-text note.
 *
 * Stored in the show row's existing `changes` text field, so no schema change: a note alone is
 * kept as plain text (what older versions wrote and still read); with variables ticked it is a
 * small JSON object tagged `"flashcue": "changes"`. Anything else reads as a plain note.
 */
import { z } from 'zod';
import * as m from '../i18n/paraglide/messages.js';

/** Each label is a message: it reads in the controller's language when it is shown. */
export const CHANGE_VARIABLES = [
  { key: 'startTime', label: m.rep_var_start_time },
  { key: 'length', label: m.rep_var_length },
  { key: 'order', label: m.rep_var_order },
  { key: 'offer', label: m.rep_var_offer },
  { key: 'hostStyle', label: m.rep_var_host_style },
] as const;

export type ChangeVariable = (typeof CHANGE_VARIABLES)[number]['key'];

export interface ShowChanges {
  variables: ChangeVariable[];
  note: string;
}

export const MAX_NOTE = 2000;

const KEYS = CHANGE_VARIABLES.map((v) => v.key) as [ChangeVariable, ...ChangeVariable[]];

const Stored = z.object({
  flashcue: z.literal('changes'),
  v: z.literal(1),
  variables: z.array(z.enum(KEYS)).max(KEYS.length),
  note: z.string().max(MAX_NOTE * 2),
});

export function parseChanges(text: string | null | undefined): ShowChanges {
  const source = (text ?? '').trim();
  if (source.startsWith('{')) {
    try {
      const parsed = Stored.safeParse(JSON.parse(source));
      if (parsed.success)
        return { variables: ordered(parsed.data.variables), note: parsed.data.note };
    } catch {
      // Not our JSON: a note that happens to start with "{" stays a note.
    }
  }
  return { variables: [], note: source };
}

export function serializeChanges(changes: ShowChanges): string {
  const note = changes.note.trim().slice(0, MAX_NOTE);
  const variables = ordered(changes.variables);
  if (variables.length === 0) return note;
  return JSON.stringify({ flashcue: 'changes', v: 1, variables, note });
}

function ordered(variables: readonly string[]): ChangeVariable[] {
  return KEYS.filter((key) => variables.includes(key));
}

export function variableLabel(key: ChangeVariable): string {
  return CHANGE_VARIABLES.find((v) => v.key === key)?.label() ?? key;
}

/** One line for a table cell or a comparison header: "Changed: start time, length — note". */
export function describeChanges(changes: ShowChanges): string {
  const parts: string[] = [];
  if (changes.variables.length)
    parts.push(
      m.rep_changed({
        list: changes.variables
          .map((v) => variableLabel(v).toLowerCase())
          .join(m.rep_list_separator()),
      }),
    );
  if (changes.note) parts.push(changes.note);
  return parts.join(' — ');
}

export const isEmptyChanges = (changes: ShowChanges) =>
  changes.variables.length === 0 && changes.note === '';
