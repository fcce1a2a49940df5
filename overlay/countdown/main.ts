// The countdown page's one wiring module: URL options → receiver → second clock → presenter.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { bootOverlay } from '../lib/boot';
import { secondClock } from '../lib/timed.svelte';
import { parseCountdownOptions } from './countdown.options';
import { countdownSource, readCountdown } from './countdownSource';
import Countdown from './Countdown.svelte';

bootOverlay(
  'countdown',
  parseCountdownOptions(location.search),
  ({ target, options, live, note }) => {
    const clock = secondClock(() => countdownSource(live.received, options.mode));
    mount(Countdown, {
      target,
      props: {
        options,
        note,
        get countdown() {
          return readCountdown(live.received, options.mode, clock.current, options.teaser);
        },
      },
    });
  },
);
