/** The live room's status and problems in the controller's language (data in, sentences out). */
import * as m from '../i18n/paraglide/messages.js';
import type { WordsProblem } from '../../shared/room/settings';
import { roomFaultText } from './roomFaultText';
import {
  TIKFINITY_DEFAULT,
  type SourceProblem,
  type SourceStatus,
  type UrlProblem,
} from './tikfinitySource';

export function stateWord(state: SourceStatus['state']): string {
  switch (state) {
    case 'off':
      return m.room_state_off();
    case 'connecting':
      return m.room_state_connecting();
    case 'live':
      return m.room_state_live();
    case 'closed':
      return m.room_state_closed();
  }
}

export function sourceProblem(problem: SourceProblem): string {
  switch (problem.code) {
    case 'closed':
      return m.room_problem_closed({ url: problem.url, status: problem.status });
    case 'unreachable':
      return m.room_problem_unreachable({ url: problem.url });
    case 'not_text':
      return m.room_problem_not_text();
    case 'not_json':
      return m.room_problem_not_json();
    case 'refused':
      return m.room_problem_refused({
        detail: problem.fault ? roomFaultText(problem.fault) : problem.detail,
      });
  }
}

export const urlProblem = (problem: UrlProblem): string =>
  problem.code === 'not_ws'
    ? m.room_url_not_ws({ example: TIKFINITY_DEFAULT })
    : m.room_url_not_address({ raw: problem.raw, example: TIKFINITY_DEFAULT });

export const wordsProblem = (problem: WordsProblem): string =>
  problem.code === 'too_many'
    ? m.room_words_too_many({ max: problem.max })
    : m.room_words_too_long({ word: problem.word });
