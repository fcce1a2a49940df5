/**
 * The room, as the primary controller keeps it: one pure reducer over the normalised events.
 * It decides what each event does — a viewer sample to record, a question to queue, a keyword
 * order to propose, a thanks for the ticker, counts per segment — and what it does NOT do: no
 * event reaches the show's log or the overlays by itself. The controller's room store
 * (controller/room/) runs this reducer, persists the counts and sends the effects.
 */
import type { RoomEvent } from './events.js';
import { keywordParser, noProposals, propose, type Proposals } from './keywords.js';
import {
  ask,
  emptyQueue,
  questionMatcher,
  type Question,
  type QuestionQueue,
} from './questions.js';
import {
  createSampler,
  offerViewers,
  type OnAirTag,
  type SamplerState,
  type ViewerSample,
} from './sampler.js';
import { countEvent, type RoomTally } from './tally.js';
import {
  openGate,
  thanksFor,
  THANKS_OFF,
  type Thanks,
  type ThanksGate,
  type ThanksSettings,
} from './thanks.js';

export interface RoomSettings {
  questionWords: string[];
  buyWords?: string[];
  /** Keyword orders proposed at all (off by default: most sellers have TikTok Shop's own feed). */
  keywordOrders: boolean;
  thanks: ThanksSettings;
}

export const DEFAULT_ROOM_SETTINGS: RoomSettings = {
  questionWords: ['how much', 'price', 'size', 'ship', '多少钱', '怎么', '吗'],
  keywordOrders: false,
  thanks: THANKS_OFF,
};

/** What is on air when an event arrives. */
export interface OnAir extends OnAirTag {
  /** The product a keyword order would be for (the one on air), if any. */
  productId: string | null;
}

export interface RoomState {
  sampler: SamplerState;
  questions: QuestionQueue;
  proposals: Proposals;
  tally: RoomTally;
  gate: ThanksGate;
  ended: boolean;
}

export const emptyRoom = (sampleEveryMs?: number): RoomState => ({
  sampler: createSampler(sampleEveryMs),
  questions: emptyQueue(),
  proposals: noProposals(),
  tally: {},
  gate: openGate(),
  ended: false,
});

export interface Effects {
  sample: ViewerSample | null;
  question: Question | null;
  thanks: Thanks | null;
}

/** Settings turned into matchers once (a busy room sends many comments a second). */
export function roomRules(settings: RoomSettings) {
  return {
    settings,
    isQuestion: questionMatcher(settings.questionWords).test,
    orderQuantity: keywordParser(settings.buyWords),
  };
}
export type RoomRules = ReturnType<typeof roomRules>;

export function ingest(
  state: RoomState,
  event: RoomEvent,
  at: number,
  onAir: OnAir,
  rules: RoomRules,
): { state: RoomState; effects: Effects } {
  const effects: Effects = { sample: null, question: null, thanks: null };
  const seg = onAir.segmentIndex;
  let next: RoomState = state;
  if (event.kind === 'viewers') {
    const offered = offerViewers(state.sampler, event.count, at, onAir);
    next = { ...next, sampler: offered.state };
    effects.sample = offered.sample;
  } else if (event.kind === 'streamEnd') {
    next = { ...next, ended: true };
  } else if (event.kind === 'chat') {
    const quantity =
      rules.settings.keywordOrders && onAir.productId ? rules.orderQuantity(event.text) : null;
    const isQuestion = quantity === null && rules.isQuestion(event.text);
    if (isQuestion) {
      const asked = ask(next.questions, {
        at,
        user: event.user,
        text: event.text,
        segmentIndex: seg,
      });
      next = { ...next, questions: asked.queue };
      effects.question = asked.question;
    }
    if (quantity !== null && onAir.productId)
      next = {
        ...next,
        proposals: propose(next.proposals, {
          at,
          user: event.user,
          text: event.text,
          quantity,
          productId: onAir.productId,
          segmentIndex: seg,
        }),
      };
    next = { ...next, tally: countEvent(next.tally, seg, event, isQuestion) };
  } else {
    const thanked = thanksFor(state.gate, rules.settings.thanks, event, at);
    effects.thanks = thanked.thanks;
    next = { ...next, gate: thanked.gate, tally: countEvent(next.tally, seg, event) };
  }
  return { state: next, effects };
}
