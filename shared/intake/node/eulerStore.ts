/**
 * Euler Stream's settings on the `npm start` server: the user's API key and the creator's
 * @uniqueId, in `euler.json` beside `intake.json` (the data folder), readable by this user
 * only (0600). The key goes in and never comes back out: the Integrations page learns only
 * that a key is set. Never part of a show export, never logged.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** A TikTok handle: letters, digits, `_` and `.`, at most 24 (TikTok's own rule), no `@`. */
export const Creator = z
  .string()
  .trim()
  .transform((s) => s.replace(/^@/, ''))
  .pipe(
    z
      .string()
      .min(2, 'must be the creator’s TikTok @name')
      .max(24, 'is longer than a TikTok @name (24 characters)')
      .regex(/^[A-Za-z0-9_.]+$/, 'may hold only letters, digits, "_" and "."'),
  );

export const ApiKey = z
  .string()
  .trim()
  .min(8, 'must be the API key from your Euler Stream dashboard')
  .max(512, 'is longer than an Euler Stream API key')
  .regex(/^[\x21-\x7e]+$/, 'must be the key as copied, without spaces');

const Settings = z.object({
  apiKey: z.string().nullable().default(null),
  creator: z.string().nullable().default(null),
  /** The producer pressed Connect (and not Disconnect since). */
  on: z.boolean().default(false),
});
export type EulerSettings = z.output<typeof Settings>;

export interface EulerStore {
  get(): EulerSettings;
  update(patch: Partial<EulerSettings>): EulerSettings;
}

export function openEulerStore(dataDir: string, warn: (line: string) => void = () => {}) {
  const file = join(dataDir, 'euler.json');
  let settings: EulerSettings;
  try {
    settings = Settings.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    if ((error as { code?: string }).code !== 'ENOENT')
      warn(`Flashcue: ${file} could not be read; Euler Stream starts unset.`);
    settings = Settings.parse({});
  }
  return {
    get: () => settings,
    update(patch: Partial<EulerSettings>) {
      settings = Settings.parse({ ...settings, ...patch });
      mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify(settings, null, 2), { mode: 0o600 });
      renameSync(tmp, file);
      return settings;
    },
  } satisfies EulerStore;
}
