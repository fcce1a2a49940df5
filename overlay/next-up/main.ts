// The next-up page's one wiring module: URL options → receiver → second clock → presenter.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { createViewReceiver } from '../../shared/protocol/viewReceiver';
import ErrorBox from '../lib/ErrorBox.svelte';
import { LiveView } from '../lib/liveView.svelte';
import { secondClock } from '../lib/timed.svelte';
import { openTransports } from '../lib/transport';
import { parseNextUpOptions } from './next-up.options';
import { nextUpSource, readNextUp } from './nextUp';
import NextUp from './NextUp.svelte';

const target = document.getElementById('overlay')!;
const parsed = parseNextUpOptions(location.search);

if (!parsed.ok) {
  mount(ErrorBox, { target, props: { overlay: 'next-up', errors: parsed.errors } });
} else {
  const { options } = parsed;
  const { transports, note } = openTransports(options.transport);
  const live = new LiveView(createViewReceiver({ transports }));
  const clock = secondClock(() => nextUpSource(live.received));
  mount(NextUp, {
    target,
    props: {
      options,
      note,
      get next() {
        return readNextUp(live.received, clock.current, options.soon);
      },
    },
  });
}
