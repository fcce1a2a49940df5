// The next-up page's one wiring module: URL options → receiver → second clock → presenter.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { bootOverlay } from '../lib/boot';
import { secondClock } from '../lib/timed.svelte';
import { parseNextUpOptions } from './next-up.options';
import { nextUpSource, readNextUp } from './nextUp';
import NextUp from './NextUp.svelte';

bootOverlay('next-up', parseNextUpOptions(location.search), ({ target, options, live, note }) => {
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
});
