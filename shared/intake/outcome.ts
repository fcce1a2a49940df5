/**
 * What the door answers for each order: applied, duplicate or refused, with the controller's
 * own sentence, or unanswered when no controller answered in time (the whole request is then
 * a 503, and the sender retries: the command ids make the retry safe).
 */
export type OrderOutcome =
  | { orderId: string; status: 'applied'; seq: number | null }
  | { orderId: string; status: 'duplicate'; seq: number | null; message: string }
  | { orderId: string; status: 'refused'; message: string }
  | { orderId: string; status: 'unanswered'; message: string };

export interface AckLike {
  ok: boolean;
  result?: unknown;
  error?: string;
}

const seqOf = (result: unknown): number | null => {
  const seq = (result as { seq?: unknown } | null | undefined)?.seq;
  return typeof seq === 'number' ? seq : null;
};

/**
 * `seenBefore`: this server already had an "ok" for the same command id. The controller
 * answers a repeated id with the first result (never re-applied); with the orders-core
 * contract a repeated orderId under another id says `duplicate: true` itself.
 */
export function outcomeOf(orderId: string, ack: AckLike | null, seenBefore: boolean): OrderOutcome {
  if (!ack)
    return {
      orderId,
      status: 'unanswered',
      message: 'No controller answered in time: nothing was recorded here. Send it again.',
    };
  if (!ack.ok)
    return { orderId, status: 'refused', message: ack.error ?? 'The controller refused it.' };
  const duplicate = (ack.result as { duplicate?: unknown } | null | undefined)?.duplicate === true;
  if (duplicate || seenBefore)
    return {
      orderId,
      status: 'duplicate',
      seq: seqOf(ack.result),
      message: `Order ${orderId} was already recorded: not counted again.`,
    };
  return { orderId, status: 'applied', seq: seqOf(ack.result) };
}

export interface DoorAnswer {
  status: 200 | 503;
  body: {
    applied: number;
    duplicate: number;
    refused: number;
    unanswered: number;
    orders: OrderOutcome[];
    message?: string;
  };
}

export function doorAnswer(outcomes: OrderOutcome[]): DoorAnswer {
  const count = (status: OrderOutcome['status']) =>
    outcomes.filter((o) => o.status === status).length;
  const unanswered = count('unanswered');
  return {
    status: unanswered > 0 ? 503 : 200,
    body: {
      applied: count('applied'),
      duplicate: count('duplicate'),
      refused: count('refused'),
      unanswered,
      orders: outcomes,
      ...(unanswered > 0 && {
        message: `${unanswered} order(s) got no answer from the controller: send the same request again (orders already taken are answered as duplicates).`,
      }),
    },
  };
}
