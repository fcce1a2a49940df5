/**
 * The Integrations page's link to `/api/euler` on the `npm start` server (this computer only):
 * the Euler Stream key is only ever sent, the answer says `keySet`, the creator's @name and
 * the server-side link's status. Checked with zod like any outside input; polled every 2 s
 * while the page is open.
 */
import { z } from 'zod';
import { RoomFaultSchema } from '../room/roomFaultText';
import { ServerSettings } from './serverSettings.svelte';

const Count = z.number().int().nonnegative();
const View = z.object({
  keySet: z.boolean(),
  creator: z.string().nullable(),
  on: z.boolean(),
  status: z.object({
    state: z.enum([
      'off',
      'connecting',
      'live',
      'offline',
      'bad-key',
      'bad-creator',
      'rate-limited',
    ]),
    taken: Count,
    ignored: Count,
    refused: Count,
    dropped: Count,
    lastClose: z.number().nullable(),
    lastProblem: z.string().max(500).nullable(),
    // Absent from a server older than the page: `lastProblem` is shown as it is.
    lastFault: RoomFaultSchema.nullable().optional(),
  }),
});
export type EulerView = z.output<typeof View>;
export type EulerPatch = { apiKey?: string | null; creator?: string; on?: boolean };

const PATH = '/api/euler';

export class EulerClient extends ServerSettings<EulerView, EulerPatch> {
  constructor() {
    super(PATH, View);
  }
}
