// The poll page's one wiring module: URL options → the poll message and the giveaway's clock
// → presenter. Polls and giveaways come from the live room through the controller.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { bootOverlay } from '../lib/boot';
import { secondClock } from '../lib/timed.svelte';
import { parsePollOptions } from './poll.options';
import { PollFeed } from './pollFeed.svelte';
import Poll from './Poll.svelte';

bootOverlay('poll', parsePollOptions(location.search), ({ target, options, note, transports }) => {
  const feed = new PollFeed(transports);
  const entryClock = secondClock(() => feed.window());
  mount(Poll, {
    target,
    props: {
      options,
      note,
      get poll() {
        return options.show === 'giveaway' ? null : (feed.message?.poll ?? null);
      },
      get giveaway() {
        return options.show === 'poll' ? null : (feed.message?.giveaway ?? null);
      },
      get leftMs() {
        return entryClock.current;
      },
    },
  });
});
