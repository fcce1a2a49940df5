// The ticker page's one wiring module: URL options → receiver → timed feed → presenter.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { bootOverlay } from '../lib/boot';
import { Timed } from '../lib/timed.svelte';
import { isOnAir } from '../lib/view';
import { parseTickerOptions } from './ticker.options';
import { burstText, tickerFeed } from './tickerFeed';
import Ticker from './Ticker.svelte';

bootOverlay('ticker', parseTickerOptions(location.search), ({ target, options, live, note }) => {
  const feed = new Timed((now) =>
    tickerFeed(live.received, now, { holdMs: options.hold * 1000, max: options.max }),
  );
  mount(Ticker, {
    target,
    props: {
      options,
      note,
      get entries() {
        return feed.current;
      },
      get burst() {
        const view = live.view;
        return isOnAir(view) ? burstText(view.ticker.unitsLastMinute, options.minBurst) : null;
      },
    },
  });
});
