// The stock page's one wiring module: URL options → receiver → presenter.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { bootOverlay } from '../lib/boot';
import { parseStockOptions } from './stock.options';
import Stock from './Stock.svelte';

bootOverlay('stock', parseStockOptions(location.search), ({ target, options, live, note }) => {
  mount(Stock, {
    target,
    props: {
      options,
      note,
      get view() {
        return live.view;
      },
    },
  });
});
