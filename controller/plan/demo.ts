/**
 * One click from an empty Live screen to a show ready to start: the demo run sheet shipped in
 * public/, saved without replacing anything (keepSheet), then loaded into Live.
 */
import { importAny } from '../../shared/import';
import { describeErrors } from '../../shared/validation';
import type { FlashcueDb } from '../db/db';
import { DEMO_URL } from './planActions.svelte';
import { keepSheet } from './keep';
import type { LiveSession } from '../show/liveSession.svelte';
import { refusal, type Refusal } from '../../shared/show/refusal';

export async function runDemoShow(
  db: FlashcueDb,
  live: LiveSession,
): Promise<{ ok: true } | Refusal> {
  const response = await fetch(DEMO_URL, { cache: 'no-cache' }).catch(() => null);
  if (!response?.ok)
    return refusal(
      `The demo show could not be loaded (${response ? response.status : 'no answer'} for ${DEMO_URL}).`,
      'sw_demo_unreachable',
      { url: DEMO_URL },
    );
  const imported = importAny(await response.text(), { fileName: 'demo-show.json' });
  if (!imported.result.ok)
    return refusal(
      `The demo show is invalid:\n${describeErrors(imported.result.errors)}`,
      'sw_demo_invalid',
    );
  const kept = await keepSheet(db, imported.result.value);
  if (!kept.ok) return refusal(describeErrors(kept.errors), 'sw_demo_invalid');
  return (await live.startFrom(kept.value.row.sheet))
    ? { ok: true }
    : refusal('The demo show could not be started.', 'sw_demo_not_started');
}
