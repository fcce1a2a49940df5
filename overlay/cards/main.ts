// The closing-cards page's one wiring module: URL options → receiver → timed card → presenter.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { bootOverlay } from '../lib/boot';
import { Timed } from '../lib/timed.svelte';
import { parseCardsOptions } from './cards.options';
import Cards from './Cards.svelte';
import { recapOf, soldOutCard } from './closingCards';

bootOverlay('cards', parseCardsOptions(location.search), ({ target, options, live, note }) => {
  const sold = new Timed((now) => soldOutCard(live.received, now, options.soldHold * 1000));
  mount(Cards, {
    target,
    props: {
      options,
      note,
      get soldOut() {
        return sold.current;
      },
      get recap() {
        return recapOf(live.received);
      },
      get currency() {
        return live.view?.currency ?? 'USD';
      },
    },
  });
});
