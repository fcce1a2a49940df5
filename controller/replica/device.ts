/** This browser's identity among the show's controllers: a random id, kept, and a name the producer can change. */
import type { FlashcueDb } from '../db/db';
import type { Device } from './types';

const KEY = 'device';

export async function loadDevice(db: FlashcueDb): Promise<Device> {
  const row = await db.settings.get(KEY);
  const value = row?.value as Partial<Device> | undefined;
  if (
    value &&
    typeof value.id === 'string' &&
    /^[a-z0-9-]{8,64}$/.test(value.id) &&
    typeof value.name === 'string'
  ) {
    return { id: value.id, name: value.name };
  }
  const id = crypto.randomUUID();
  const device = { id, name: `Controller ${id.slice(0, 4).toUpperCase()}` };
  await db.settings.put({ key: KEY, value: device });
  return device;
}
