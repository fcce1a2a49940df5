/**
 * The runner's decision step (decideCommand): a malformed command is refused with located
 * errors before any decision, and a clock stepped back never dates an event before the show's
 * own moment.
 */
import { describe, expect, test } from 'vitest';
import { decideCommand } from '../../../../shared/show';
import { drive, T0 } from '../../../support/driver';

describe('decideCommand', () => {
  test('a malformed command gets located errors, not a decision', () => {
    const s = drive();
    const decided = decideCommand(s.snapshot(), { type: 'deal.start', seconds: -5 }, s.now());
    expect(decided.valid).toBe(false);
    if (decided.valid) return;
    expect(decided.errors.map((e) => e.path)).toContain('seconds');
  });

  test('a valid command is decided at the clock’s moment', () => {
    const s = drive();
    s.advance(5_000);
    const decided = decideCommand(s.snapshot(), { type: 'show.start' }, s.now());
    expect(decided.valid && decided.decision.ok && decided.decision.event.at).toBe(T0 + 5_000);
  });

  test('a wall clock stepped back decides at the show’s own moment, never before it', () => {
    const s = drive();
    s.advance(60_000);
    s.ok({ type: 'show.start' });
    const decided = decideCommand(s.snapshot(), { type: 'show.next' }, T0);
    expect(decided.valid && decided.decision.ok && decided.decision.event.at).toBe(T0 + 60_000);
  });

  test('a refusal is the decision itself', () => {
    const s = drive();
    const decided = decideCommand(s.snapshot(), { type: 'show.next' }, s.now());
    expect(decided.valid && !decided.decision.ok && decided.decision.error).toMatch(
      /Start the show/,
    );
  });
});
