/**
 * The Live screen's own state — form fields, the help overlay, focus requests — and the
 * mapping from buttons and hotkeys to commands. All sending goes through LiveSession.send,
 * so a click, a hotkey and the command API take the same path.
 */
import { toMinor } from '../../shared/money';
import * as m from '../i18n/paraglide/messages.js';
import {
  currentSegment,
  product,
  segmentProductId,
  type ShowCommandInput,
} from '../../shared/show';
import type { LiveSession } from '../show/liveSession.svelte';
import type { HotkeyAction } from './hotkeys';
import type { Notices } from '../app/notices.svelte';
import { formatTimecode } from '../../shared/marker/marker';

export type FocusTarget = 'sell-n' | 'buyer' | 'viewers' | 'cue' | 'stock';

export class LiveControls {
  helpOpen = $state(false);
  confirmEnd = $state(false);
  sellQuantity = $state(3);
  buyer = $state('');
  dealCap = $state('');
  dealPrice = $state('');
  /** Bumped to ask a field to take focus (the field watches its own target). */
  focusRequest = $state<{ target: FocusTarget; n: number } | null>(null);

  constructor(
    private readonly live: LiveSession,
    private readonly notices: Notices,
    /** The live room's keyword orders, confirmed by key (issue 17). */
    private readonly room?: { confirmOldest(): Promise<void> },
  ) {}

  send(command: ShowCommandInput) {
    return this.live.send(command);
  }

  focus(target: FocusTarget) {
    this.focusRequest = { target, n: (this.focusRequest?.n ?? 0) + 1 };
  }

  /** Seconds 0 means "the planned deal": the flash segment's or the product's own length. */
  startDeal(seconds: number) {
    const ctx = this.live.snapshot?.context;
    if (!ctx) return this.send({ type: 'deal.start', seconds: seconds || 60 });
    const segment = currentSegment(ctx);
    const p = product(ctx, segmentProductId(segment));
    const planned = segment?.kind === 'flash' || p?.flashSeconds !== undefined;
    const command: Extract<ShowCommandInput, { type: 'deal.start' }> = { type: 'deal.start' };
    if (seconds > 0 || !planned) command.seconds = seconds || 60;
    const cap = Number.parseInt(this.dealCap, 10);
    if (this.dealCap.trim() && Number.isFinite(cap)) command.quantity = cap;
    if (this.dealPrice.trim()) {
      const minor = toMinor(Number(this.dealPrice.replace(',', '.')), ctx.sheet.show.currency);
      if (minor === null) {
        this.notices.error(
          m.live_deal_price_bad({ price: this.dealPrice, currency: ctx.sheet.show.currency }),
        );
        return;
      }
      command.price = minor;
    }
    return this.send(command);
  }

  sellMany() {
    const quantity = Math.trunc(Number(this.sellQuantity));
    const buyer = this.buyer.trim();
    return this.send({ type: 'sale', quantity, ...(buyer ? { buyer } : {}) }).then((r) => {
      if (r.ok) this.buyer = '';
      return r;
    });
  }

  sellOne() {
    const buyer = this.buyer.trim();
    return this.send({ type: 'sale', ...(buyer ? { buyer } : {}) }).then((r) => {
      if (r.ok) this.buyer = '';
      return r;
    });
  }

  /** A highlight marker, confirmed with the time it carries (the recording's when OBS records). */
  async addMarker(label = '') {
    const text = label.trim();
    const result = await this.send({ type: 'marker.add', ...(text ? { label: text } : {}) });
    if (result.ok && result.event.type === 'marker.add') {
      const { recordMs, showMs } = result.event;
      this.notices.info(m.marker_added({ time: formatTimecode(recordMs ?? showMs) }));
    }
    return result;
  }

  togglePause() {
    return this.send(this.live.state?.paused ? { type: 'show.resume' } : { type: 'show.pause' });
  }

  toggleLowerThird() {
    const shown = this.live.view?.lowerThird;
    return this.send({ type: shown ? 'lowerThird.hide' : 'lowerThird.show' });
  }

  run(action: HotkeyAction) {
    switch (action.kind) {
      case 'command':
        return void this.send(action.command);
      case 'focus':
        return this.focus(action.target);
      case 'deal-preset':
        return void this.startDeal(action.seconds);
      case 'marker':
        return void this.addMarker();
      case 'toggle-pause':
        return void this.togglePause();
      case 'toggle-lower-third':
        return void this.toggleLowerThird();
      case 'end-show':
        this.confirmEnd = true;
        return;
      case 'help':
        this.helpOpen = !this.helpOpen;
        return;
      case 'confirm-chat-order':
        return void this.room?.confirmOldest();
    }
  }
}
