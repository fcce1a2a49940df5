// The countdown page's one wiring module: URL options → receiver → second clock → presenter.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { createViewReceiver } from '../../shared/protocol/viewReceiver';
import ErrorBox from '../lib/ErrorBox.svelte';
import { LiveView } from '../lib/liveView.svelte';
import { secondClock } from '../lib/timed.svelte';
import { openTransports } from '../lib/transport';
import { parseCountdownOptions } from './countdown.options';
import { countdownSource, readCountdown } from './countdownSource';
import Countdown from './Countdown.svelte';

const target = document.getElementById('overlay')!;
const parsed = parseCountdownOptions(location.search);

if (!parsed.ok) {
  mount(ErrorBox, { target, props: { overlay: 'countdown', errors: parsed.errors } });
} else {
  const { options } = parsed;
  const { transports, note } = openTransports(options.transport);
  const live = new LiveView(createViewReceiver({ transports }));
  const clock = secondClock(() => countdownSource(live.received, options.mode));
  mount(Countdown, {
    target,
    props: {
      options,
      note,
      get countdown() {
        return readCountdown(live.received, options.mode, clock.current);
      },
    },
  });
}
