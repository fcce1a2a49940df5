// The stock page's one wiring module: URL options → receiver → presenter.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { createViewReceiver } from '../../shared/protocol/viewReceiver';
import ErrorBox from '../lib/ErrorBox.svelte';
import { LiveView } from '../lib/liveView.svelte';
import { openTransports } from '../lib/transport';
import { parseStockOptions } from './stock.options';
import Stock from './Stock.svelte';

const target = document.getElementById('overlay')!;
const parsed = parseStockOptions(location.search);

if (!parsed.ok) {
  mount(ErrorBox, { target, props: { overlay: 'stock', errors: parsed.errors } });
} else {
  const { options } = parsed;
  const { transports, note } = openTransports(options.transport);
  const live = new LiveView(createViewReceiver({ transports }));
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
}
