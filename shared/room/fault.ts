/**
 * Why a live-room message (TikFinity, Euler Stream) or frame was refused, as data: the
 * controller words it in the producer's language (controller/room/roomFaultText.ts), and
 * `faultDetail` keeps the English words the status line always had. A field's path and the
 * schema's phrase stay separate, so the place is kept as the source spells it.
 */
import type { z } from 'zod';

export type RoomFault =
  | { code: 'field'; path: string; phrase: string }
  | { code: 'no_name' }
  | { code: 'not_message'; shape: string }
  | { code: 'not_frame'; path: string; phrase: string }
  | { code: 'binary' }
  | { code: 'not_json' }
  | { code: 'network'; error: string }
  | { code: 'failed' };

/** The first problem zod found, path (`data` when the whole value is wrong) and phrase. */
export function firstIssue(error: z.ZodError): { path: string; phrase: string } {
  const issue = error.issues[0];
  return issue
    ? { path: issue.path.join('.') || 'data', phrase: issue.message }
    : { path: 'data', phrase: 'wrong shape' };
}

export const fieldFault = (error: z.ZodError): RoomFault => ({
  code: 'field',
  ...firstIssue(error),
});

/** The English words of a fault (the logs', the tests' and an older page's). */
export function faultDetail(fault: RoomFault): string {
  switch (fault.code) {
    case 'field':
      return fault.phrase === 'wrong shape' ? 'wrong shape' : `${fault.path}: ${fault.phrase}`;
    case 'no_name':
      return 'the viewer has no name';
    case 'not_message':
      return `not a ${fault.shape} message`;
    case 'not_frame': {
      const inner =
        fault.phrase === 'wrong shape' ? 'wrong shape' : `${fault.path}: ${fault.phrase}`;
      return `not an Euler frame (${inner})`;
    }
    case 'binary':
      return 'a binary frame (Flashcue asks Euler for JSON)';
    case 'not_json':
      return 'a frame that is not JSON';
    case 'network':
      return `network: ${fault.error}`;
    case 'failed':
      return 'the connection failed';
  }
}
