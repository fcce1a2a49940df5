/**
 * The Live screen's keyboard map: one table, so the help overlay and the handler can never
 * disagree. Keys are ignored while typing in a field (except Escape).
 */
import * as m from '../i18n/paraglide/messages.js';
import type { ShowCommandInput } from '../../shared/show';

export type HotkeyAction =
  | { kind: 'command'; command: ShowCommandInput }
  | { kind: 'focus'; target: 'sell-n' | 'buyer' | 'viewers' | 'cue' | 'stock' }
  | { kind: 'deal-preset'; seconds: number }
  | { kind: 'marker' }
  | { kind: 'toggle-pause' }
  | { kind: 'toggle-lower-third' }
  | { kind: 'end-show' }
  | { kind: 'confirm-chat-order' }
  | { kind: 'help' };

export interface Hotkey {
  key: string;
  /** The help line, in the controller's language (read when shown). */
  label: () => string;
  action: HotkeyAction;
}

export const HOTKEYS: Hotkey[] = [
  {
    key: 'Enter',
    label: m.hk_start,
    action: { kind: 'command', command: { type: 'show.start' } },
  },
  { key: 'n', label: m.hk_next, action: { kind: 'command', command: { type: 'show.next' } } },
  {
    key: 'b',
    label: m.hk_back,
    action: { kind: 'command', command: { type: 'show.prev' } },
  },
  { key: 'p', label: m.hk_pause, action: { kind: 'toggle-pause' } },
  { key: 'd', label: m.hk_deal, action: { kind: 'deal-preset', seconds: 0 } },
  { key: '1', label: m.hk_deal_60, action: { kind: 'deal-preset', seconds: 60 } },
  { key: '5', label: m.hk_deal_5m, action: { kind: 'deal-preset', seconds: 300 } },
  { key: '0', label: m.hk_deal_10m, action: { kind: 'deal-preset', seconds: 600 } },
  {
    key: 'e',
    label: m.hk_extend,
    action: { kind: 'command', command: { type: 'deal.extend', seconds: 30 } },
  },
  { key: 'x', label: m.hk_end_deal, action: { kind: 'command', command: { type: 'deal.end' } } },
  { key: '+', label: m.hk_sold_one, action: { kind: 'command', command: { type: 'sale' } } },
  { key: 's', label: m.hk_sold_n, action: { kind: 'focus', target: 'sell-n' } },
  {
    key: 'u',
    label: m.hk_undo,
    action: { kind: 'command', command: { type: 'sale.undo' } },
  },
  { key: 'l', label: m.hk_card, action: { kind: 'toggle-lower-third' } },
  { key: 'v', label: m.hk_viewers, action: { kind: 'focus', target: 'viewers' } },
  { key: 'c', label: m.hk_cue, action: { kind: 'focus', target: 'cue' } },
  {
    key: 'm',
    label: m.hk_marker,
    action: { kind: 'marker' },
  },
  { key: 'E', label: m.hk_end_show, action: { kind: 'end-show' } },
  // The live room's keyword orders (issue 17): the oldest pending one becomes a sale.
  { key: 'y', label: m.room_hk_confirm, action: { kind: 'confirm-chat-order' } },
  { key: '?', label: m.hk_help, action: { kind: 'help' } },
];

const byKey = new Map(HOTKEYS.map((h) => [h.key, h]));
byKey.set('=', byKey.get('+')!);

export function hotkeyFor(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target'>,
): Hotkey | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  const target = event.target as HTMLElement | null;
  const typing =
    !!target &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
  if (typing) return undefined;
  return byKey.get(event.key);
}
