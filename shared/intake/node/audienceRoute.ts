/**
 * `POST /api/audience`: the generic input for the live room (shared/room/generic.ts). Same gate
 * as the order door — the same bearer token, this computer only unless opened, the same rate
 * limit and 1 MiB cap — and the same road to the primary controller: the events go as one
 * `room.events` command over the relay (the events as sent, checked again by the controller),
 * answered by the primary's ack. The events are not
 * show events: the controller counts and samples them (controller/room/), it does not log them.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseAudienceBody } from '../../room/generic.js';
import { bearerToken, sameSecret } from '../secrets.js';
import type { Forwarder } from './forwarder.js';
import { sendError, sendJson } from './http.js';

export const AUDIENCE_PATH = '/api/audience';
export const ROOM_COMMAND = 'room.events';

export interface AudienceDeps {
  admitted(req: IncomingMessage, res: ServerResponse): boolean;
  body(req: IncomingMessage, res: ServerResponse): Promise<Buffer | null>;
  token(): string;
  forwarder: Forwarder;
  noShow(res: ServerResponse): void;
}

export function audienceRoute(deps: AudienceDeps) {
  let batch = 0;
  const stamp = Date.now().toString(36);
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (!deps.admitted(req, res)) return;
    if (!sameSecret(bearerToken(req.headers.authorization), deps.token()))
      return sendError(
        res,
        401,
        'Missing or wrong token: send "Authorization: Bearer <token>" with the token from the Integrations page (the same as for /api/orders).',
        { 'WWW-Authenticate': 'Bearer' },
      );
    const raw = await deps.body(req, res);
    if (!raw) return;
    const parsed = parseAudienceBody(raw.toString('utf8'));
    if (!parsed.ok) return sendError(res, 400, parsed.error);
    if (parsed.events.length === 0)
      return sendJson(res, 200, { taken: 0, ignored: parsed.ignored });
    if (!deps.forwarder.liveShow()) return deps.noShow(res);
    const id = `audience:${stamp}:${++batch}`;
    const [outcome] = await deps.forwarder.forward([
      { id, command: ROOM_COMMAND, args: { events: parsed.known }, orderId: id },
    ]);
    if (outcome?.status === 'applied' || outcome?.status === 'duplicate')
      return sendJson(res, 200, { taken: parsed.events.length, ignored: parsed.ignored });
    if (outcome?.status === 'refused') return sendError(res, 400, outcome.message);
    return sendError(res, 503, 'The controller did not answer in time: send again.', {
      'Retry-After': '5',
    });
  };
}
