/**
 * One hand-driven show on the base sheet (test/support/sheets.ts) whose figures the report
 * tests work out by hand. Times are seconds from T0.
 *
 *   0 start (opening)         60 sale buds ×1 @ retail 299.00 (not revealed yet)
 * 120 next → s-buds          150 sale buds ×2 @ live 199.00        180 viewers 100
 * 200 pause … 230 resume (30 s paused in s-buds)
 * 420 next → f-buds, deal.start (plan: 129.00, 90 s, cap 10)
 * 430 sale buds ×3 @ deal    440 viewers 300     450 sale buds ×1 @ deal, 455 undo it
 * 460 deal.extend 30 s (deadline 540)   480 pause freezing the deal … 500 resume (deadline 560)
 * 560 deal expires           570 next → s-mask  600 sale mask ×5 @ 59.00 (stock 0)
 * 610 stock.set mask 3       620 sale mask ×1   640 goto 1 (s-buds again)
 * 700 sale buds ×1 @ live    760 viewers 200, unique 1000       800 end
 */
import type { RunSheet } from '../../shared/runsheet';
import { drive } from './driver';
import { makeSheet } from './sheets';

export const S = 1000;

export function mainShow(sheet: RunSheet = makeSheet()) {
  const s = drive(sheet);
  const t0 = s.now();
  // Moves the simulated clock to `sec` seconds after the start.
  const to = (sec: number) => s.advance(t0 + sec * S - s.now());
  s.ok({ type: 'show.start' });
  to(60);
  s.ok({ type: 'sale', productId: 'buds' });
  to(120);
  s.ok({ type: 'show.next' });
  to(150);
  s.ok({ type: 'sale', quantity: 2 });
  to(180);
  s.ok({ type: 'viewers', concurrent: 100 });
  to(200);
  s.ok({ type: 'show.pause' });
  to(230);
  s.ok({ type: 'show.resume' });
  to(420);
  s.ok({ type: 'show.next' });
  s.ok({ type: 'deal.start' });
  to(430);
  s.ok({ type: 'sale', quantity: 3 });
  to(440);
  s.ok({ type: 'viewers', concurrent: 300 });
  to(450);
  s.ok({ type: 'sale' });
  to(455);
  s.ok({ type: 'sale.undo' });
  to(460);
  s.ok({ type: 'deal.extend', seconds: 30 });
  to(480);
  s.ok({ type: 'show.pause', freezeDeal: true });
  to(500);
  s.ok({ type: 'show.resume' });
  to(570);
  s.ok({ type: 'show.next' });
  to(600);
  s.ok({ type: 'sale', quantity: 5 });
  to(610);
  s.ok({ type: 'stock.set', productId: 'mask', remaining: 3 });
  to(620);
  s.ok({ type: 'sale' });
  to(640);
  s.ok({ type: 'show.goto', index: 1 });
  to(700);
  s.ok({ type: 'sale' });
  to(760);
  s.ok({ type: 'viewers', concurrent: 200, unique: 1000 });
  to(800);
  s.ok({ type: 'show.end' });
  return { ...s, t0, to };
}
