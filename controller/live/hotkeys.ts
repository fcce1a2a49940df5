/**
 * The Live screen's keyboard map: one table, so the help overlay and the handler can never
 * disagree. Keys are ignored while typing in a field (except Escape).
 */
import type { ShowCommandInput } from '../../shared/show';

export type HotkeyAction =
  | { kind: 'command'; command: ShowCommandInput }
  | { kind: 'focus'; target: 'sell-n' | 'buyer' | 'viewers' | 'cue' | 'stock' }
  | { kind: 'deal-preset'; seconds: number }
  | { kind: 'toggle-pause' }
  | { kind: 'toggle-lower-third' }
  | { kind: 'end-show' }
  | { kind: 'help' };

export interface Hotkey {
  key: string;
  label: string;
  action: HotkeyAction;
}

export const HOTKEYS: Hotkey[] = [
  {
    key: 'Enter',
    label: 'Start the show',
    action: { kind: 'command', command: { type: 'show.start' } },
  },
  { key: 'n', label: 'Next segment', action: { kind: 'command', command: { type: 'show.next' } } },
  {
    key: 'b',
    label: 'Back one segment',
    action: { kind: 'command', command: { type: 'show.prev' } },
  },
  { key: 'p', label: 'Pause / resume', action: { kind: 'toggle-pause' } },
  { key: 'd', label: 'Flash deal (planned or 60 s)', action: { kind: 'deal-preset', seconds: 0 } },
  { key: '1', label: 'Deal 60 s', action: { kind: 'deal-preset', seconds: 60 } },
  { key: '5', label: 'Deal 5 min', action: { kind: 'deal-preset', seconds: 300 } },
  { key: '0', label: 'Deal 10 min', action: { kind: 'deal-preset', seconds: 600 } },
  {
    key: 'e',
    label: 'Extend deal +30 s',
    action: { kind: 'command', command: { type: 'deal.extend', seconds: 30 } },
  },
  { key: 'x', label: 'End deal now', action: { kind: 'command', command: { type: 'deal.end' } } },
  { key: '+', label: '+1 sold', action: { kind: 'command', command: { type: 'sale' } } },
  { key: 's', label: '+N sold (type the number)', action: { kind: 'focus', target: 'sell-n' } },
  {
    key: 'u',
    label: 'Undo last sale',
    action: { kind: 'command', command: { type: 'sale.undo' } },
  },
  { key: 'l', label: 'Product card in / out', action: { kind: 'toggle-lower-third' } },
  { key: 'v', label: 'Enter viewers', action: { kind: 'focus', target: 'viewers' } },
  { key: 'c', label: 'Cue the host', action: { kind: 'focus', target: 'cue' } },
  { key: 'E', label: 'End the show (Shift+E)', action: { kind: 'end-show' } },
  { key: '?', label: 'Show these shortcuts', action: { kind: 'help' } },
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
