/**
 * The intake's settings and secrets, kept on the server side only: the door token, the
 * Shopify webhook secret, the TikTok Shop credentials, the buyer-name choice. One JSON file,
 * `intake.json` in the data folder (`FLASHCUE_DATA_DIR`, default `.flashcue/` in the project,
 * which git ignores), readable by this user only. It is never part of a show export: the
 * controller never sees the secrets, only whether each one is set.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const TikTokCredentials = z.strictObject({
  appKey: z.string().trim().min(1, 'is required').max(200),
  appSecret: z.string().trim().min(1, 'is required').max(500),
  accessToken: z.string().trim().min(1, 'is required').max(2000),
  refreshToken: z.string().trim().min(1, 'is required').max(2000),
  shopCipher: z.string().trim().min(1, 'is required').max(500),
  /** Unix seconds; null until the first refresh tells us. */
  accessExpiresAt: z.number().int().nullable().default(null),
});
export type TikTokCredentials = z.output<typeof TikTokCredentials>;

const Settings = z.object({
  token: z.string().min(16),
  shopifySecret: z.string().nullable().default(null),
  tiktok: TikTokCredentials.nullable().default(null),
  maskBuyers: z.boolean().default(false),
});
export type IntakeSettings = z.output<typeof Settings>;

export interface IntakeStore {
  get(): IntakeSettings;
  update(patch: Partial<IntakeSettings>): IntakeSettings;
  /** Where the file is, for the start-up message. */
  readonly file: string;
}

export const newToken = () => randomBytes(24).toString('base64url');

export function openStore(dataDir: string, warn: (line: string) => void = () => {}): IntakeStore {
  const file = join(dataDir, 'intake.json');
  let settings: IntakeSettings;
  try {
    settings = Settings.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    const missing = (error as { code?: string }).code === 'ENOENT';
    if (!missing)
      warn(`Flashcue intake: ${file} could not be read (${String(error)}); a new token is made.`);
    settings = Settings.parse({ token: newToken() });
    save(settings);
  }

  function save(next: IntakeSettings) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(next, null, 2), { mode: 0o600 });
    renameSync(tmp, file);
  }

  return {
    file,
    get: () => settings,
    update(patch) {
      settings = Settings.parse({ ...settings, ...patch });
      save(settings);
      return settings;
    },
  };
}
