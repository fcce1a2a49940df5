/**
 * Replay cost against log length (figure 6: a reloaded controller replays its whole log).
 * Not a test: `npx vitest bench --run --project unit test/unit/shared/show/replay.bench.ts`.
 */
import { bench, describe } from 'vitest';
import { replay } from '../../../../shared/show';
import { busyLog } from '../../../support/busyShow';

describe('replay', () => {
  for (const sales of [2_500, 20_000]) {
    const { sheet, log, now } = busyLog(sales);
    bench(
      `${sales.toLocaleString('en')} sales (${log.length.toLocaleString('en')} events)`,
      () => void replay(sheet, log, now),
      {
        iterations: 5,
        warmupIterations: 1,
      },
    );
  }
});
