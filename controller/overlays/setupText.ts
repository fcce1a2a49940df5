/** Words for the Overlays screen: overlay names, set-up results and scene-switch outcomes. */
import type { SwitchOutcome } from '../../shared/obs/sceneMap';
import type { SetupAction } from '../../shared/obs/setup';
import { kindLabel } from '../i18n/kindLabel';
import { getLocale } from '../i18n/paraglide/runtime.js';
import type { SetupOutcome } from './obsSetupFlow.svelte';
import type { OverlayName } from './overlayTheme';
import * as m from '../i18n/paraglide/messages.js';
import { callFaultText } from '../obs/obsWords';

const OVERLAY_INFO: Record<OverlayName, { label: () => string; blurb: () => string }> = {
  all: { label: m.ovl_name_all, blurb: m.ovl_blurb_all },
  'lower-third': { label: m.ovl_name_lower_third, blurb: m.ovl_blurb_lower_third },
  countdown: { label: m.ovl_name_countdown, blurb: m.ovl_blurb_countdown },
  stock: { label: m.ovl_name_stock, blurb: m.ovl_blurb_stock },
  ticker: { label: m.ovl_name_ticker, blurb: m.ovl_blurb_ticker },
  'next-up': { label: m.ovl_name_next_up, blurb: m.ovl_blurb_next_up },
  cards: { label: m.ovl_name_cards, blurb: m.ovl_blurb_cards },
  poll: { label: m.ovl_name_poll, blurb: m.ovl_blurb_poll },
};

/** An overlay's name and what it shows, in the controller's language. */
export function overlayInfo(name: OverlayName): { label: string; blurb: string } {
  const info = OVERLAY_INFO[name];
  return { label: info.label(), blurb: info.blurb() };
}

export function actionText(action: SetupAction): string {
  switch (action.kind) {
    case 'createScene':
      return m.ovl_action_create_scene({ scene: action.scene });
    case 'createInput':
      return m.ovl_action_create_input({ input: action.input });
    case 'repairSettings':
      return m.ovl_action_repair({ input: action.input, keys: action.keys.join(', ') });
    case 'addToScene':
      return m.ovl_action_add({ input: action.input });
  }
}

/**
 * Why set-up did nothing, in the controller's language. English keeps shared/obs/setup.ts's
 * sentence word for word; OBS's own comment on a refusal stays as OBS wrote it.
 */
export function setupProblemText(
  result: Extract<SetupOutcome, { ok: false }>,
  locale = getLocale(),
): string {
  if (locale === 'en') return result.message;
  if (result.reason === 'browserSourceMissing') return m.ovl_result_no_browser();
  if (result.reason === 'nameTaken')
    return m.ovl_result_name_taken({ names: result.names.map((n) => `“${n}”`).join('、') });
  if (result.reason === 'sceneMissing') return m.obsw_no_scene({ scene: result.scene });
  if (result.reason === 'obsError' && result.fault)
    return callFaultText(result.fault, result.message, locale);
  return result.message;
}

export function switchText(outcome: SwitchOutcome | null): string {
  if (!outcome) return m.ovl_switch_none();
  if (outcome.outcome === 'idle') {
    switch (outcome.why) {
      case 'disabled':
        return m.ovl_switch_disabled();
      case 'noSegment':
        return m.ovl_switch_no_segment();
      case 'unmapped':
        return m.ovl_switch_unmapped();
    }
  }
  const kind = kindLabel(outcome.kind);
  switch (outcome.outcome) {
    case 'switched':
      return m.ovl_switch_switched({ scene: outcome.scene, kind });
    case 'alreadyOn':
      return m.ovl_switch_already({ scene: outcome.scene, kind });
    case 'missingScene':
      return m.ovl_switch_missing({ message: m.obsw_no_scene({ scene: outcome.scene }), kind });
    case 'error': {
      const { fault, message, scene } = outcome;
      return m.ovl_switch_error({
        scene,
        kind,
        message: fault ? callFaultText(fault, message) : message,
      });
    }
  }
}
