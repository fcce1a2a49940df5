/** Words for the Overlays screen: overlay names, set-up results and scene-switch outcomes. */
import type { SwitchOutcome } from '../../shared/obs/sceneMap';
import type { SetupAction } from '../../shared/obs/setup';
import { SEGMENT_KIND_LABELS } from '../../shared/runsheet/kindLabels';
import type { OverlayName } from './overlayTheme';

export const OVERLAY_INFO: Record<OverlayName, { label: string; blurb: string }> = {
  all: {
    label: 'Everything (composite)',
    blurb: 'Every card on one canvas, placed for you — one browser source is all most shows need.',
  },
  'lower-third': {
    label: 'Product card',
    blurb: 'Product, price anchor and reveal, FLASH DEAL badge, call to action, sold out.',
  },
  countdown: {
    label: 'Countdown',
    blurb: 'The flash deal’s clock (or the slot’s, or the show’s), urgent at the end.',
  },
  stock: { label: 'Stock counter', blurb: '“Only N left”, a bar of what remains, sold out.' },
  ticker: {
    label: 'Social-proof ticker',
    blurb: '“@anna just bought …” lines, and “N sold in the last minute” in a rush.',
  },
  'next-up': { label: 'Next up', blurb: 'The next product or segment, and when it starts.' },
};

export function actionText(action: SetupAction): string {
  switch (action.kind) {
    case 'createScene':
      return `Created the scene “${action.scene}”`;
    case 'createInput':
      return `Created the browser source “${action.input}”`;
    case 'repairSettings':
      return `Repaired “${action.input}” (${action.keys.join(', ')})`;
    case 'addToScene':
      return `Added “${action.input}” to the scene`;
  }
}

export function switchText(outcome: SwitchOutcome | null): string {
  if (!outcome) return 'Nothing switched yet in this session.';
  if (outcome.outcome === 'idle') {
    switch (outcome.why) {
      case 'disabled':
        return 'Scene switching is off.';
      case 'noSegment':
        return 'No segment on air, so no switch.';
      case 'unmapped':
        return 'The segment on air has no scene here, so OBS stays where it is.';
    }
  }
  const kind = SEGMENT_KIND_LABELS[outcome.kind];
  switch (outcome.outcome) {
    case 'switched':
      return `Switched to “${outcome.scene}” for ${kind}.`;
    case 'alreadyOn':
      return `“${outcome.scene}” was already on air for ${kind}.`;
    case 'missingScene':
      return `${outcome.message} Nothing switched for ${kind}.`;
    case 'error':
      return `Could not switch to “${outcome.scene}” for ${kind}: ${outcome.message}`;
  }
}
