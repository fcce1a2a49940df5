// The ticker page's one wiring module: URL options → receiver → timed feed → presenter.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { createViewReceiver } from '../../shared/protocol/viewReceiver';
import ErrorBox from '../lib/ErrorBox.svelte';
import { LiveView } from '../lib/liveView.svelte';
import { Timed } from '../lib/timed.svelte';
import { openTransports } from '../lib/transport';
import { isOnAir } from '../lib/view';
import { parseTickerOptions } from './ticker.options';
import { burstText, tickerFeed } from './tickerFeed';
import Ticker from './Ticker.svelte';

const target = document.getElementById('overlay')!;
const parsed = parseTickerOptions(location.search);

if (!parsed.ok) {
  mount(ErrorBox, { target, props: { overlay: 'ticker', errors: parsed.errors } });
} else {
  const { options } = parsed;
  const { transports, note } = openTransports(options.transport);
  const live = new LiveView(createViewReceiver({ transports }));
  const feed = new Timed((now) => tickerFeed(live.received, now, { holdMs: options.hold * 1000, max: options.max }));
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
}
