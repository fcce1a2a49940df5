// The composite page's one wiring module: URL options → receiver → clocks → presenter.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { bootOverlay } from '../lib/boot';
import { countdownSource, readCountdown } from '../countdown/countdownSource';
import { Timed, secondClock } from '../lib/timed.svelte';
import { isOnAir } from '../lib/view';
import { nextUpSource, readNextUp } from '../next-up/nextUp';
import { burstText, tickerFeed } from '../ticker/tickerFeed';
import { parseAllOptions } from './all.options';
import { recapOf, soldOutCard } from '../cards/closingCards';
import All from './All.svelte';

bootOverlay('all', parseAllOptions(location.search), ({ target, options, live, note }) => {
  const dealClock = secondClock(() => countdownSource(live.received, options.mode));
  const nextClock = secondClock(() => nextUpSource(live.received));
  const feed = new Timed((now) =>
    tickerFeed(live.received, now, { holdMs: options.hold * 1000, max: options.max }),
  );
  const sold = new Timed((now) => soldOutCard(live.received, now, options.soldHold * 1000));
  mount(All, {
    target,
    props: {
      options,
      note,
      get view() {
        return live.view;
      },
      get countdown() {
        return readCountdown(live.received, options.mode, dealClock.current, options.teaser);
      },
      get entries() {
        return feed.current;
      },
      get burst() {
        const view = live.view;
        return isOnAir(view) ? burstText(view.ticker.unitsLastMinute, options.minBurst) : null;
      },
      get soldOut() {
        return sold.current;
      },
      get recap() {
        return recapOf(live.received);
      },
      get next() {
        return readNextUp(live.received, nextClock.current, options.soon);
      },
    },
  });
});
