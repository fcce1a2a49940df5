/**
 * Where OBS's recording is now: GetRecordStatus's `outputTimecode`, asked fresh for each
 * marker (the health poller's last sample may be a second old, and the chapters must match the
 * file within a second). Null when OBS is not connected, not recording, or slow to answer — a
 * marker is never held up or lost for want of a timecode.
 */
import { RecordStatusAnswer } from '../obs/health';
import type { ObsLink } from '../obs/types';
import { parseTimecode } from './marker';

/** Long enough for a loaded OBS on loopback (answers take ~1 ms), short for a hotkey. */
const ASK_MS = 500;

export async function readRecordMs(link: Pick<ObsLink, 'call' | 'status'>): Promise<number | null> {
  if (link.status().state !== 'connected') return null;
  try {
    const answer = RecordStatusAnswer.safeParse(
      await link.call('GetRecordStatus', undefined, { timeoutMs: ASK_MS }),
    );
    if (!answer.success || !answer.data.outputActive) return null;
    return parseTimecode(answer.data.outputTimecode);
  } catch {
    return null;
  }
}
