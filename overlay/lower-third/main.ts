// The lower-third page's one wiring module: URL options → receiver → presenter.
import { mount } from 'svelte';
import '../lib/overlay.css';
import { bootOverlay } from '../lib/boot';
import { parseLowerThirdOptions } from './lower-third.options';
import LowerThird from './LowerThird.svelte';

bootOverlay(
  'lower-third',
  parseLowerThirdOptions(location.search),
  ({ target, options, live, note }) => {
    mount(LowerThird, {
      target,
      props: {
        options,
        note,
        get view() {
          return live.view;
        },
      },
    });
  },
);
