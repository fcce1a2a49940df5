// The ticker page's one wiring module: URL options → receiver → timed feed → presenter.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { bootOverlay } from '../lib/boot';
import { Timed } from '../lib/timed.svelte';
import { isOnAir } from '../lib/view';
import { parseTickerOptions } from './ticker.options';
import { burstText, tickerFeed } from './tickerFeed';
import Ticker from './Ticker.svelte';
import { RoomThanks, thanksLine } from './roomThanks.svelte';

bootOverlay(
  'ticker',
  parseTickerOptions(location.search),
  ({ target, options, live, note, transports }) => {
    const feed = new Timed((now) =>
      tickerFeed(live.received, now, { holdMs: options.hold * 1000, max: options.max }),
    );
    // The room's thanks (only kinds the producer switched on ever arrive), held like a sale line.
    const thanks = new RoomThanks(transports, options.hold * 1000);
    mount(Ticker, {
      target,
      props: {
        options,
        note,
        get entries() {
          return feed.current;
        },
        get thanks() {
          return thanks.current ? thanksLine(thanks.current) : null;
        },
        get burst() {
          const view = live.view;
          return isOnAir(view) ? burstText(view.ticker.unitsLastMinute, options.minBurst) : null;
        },
      },
    });
  },
);
