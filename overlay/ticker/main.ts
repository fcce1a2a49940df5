// The ticker overlay's single wiring module.
import { mount } from 'svelte';
import Ticker from './Ticker.svelte';

const target = document.getElementById('overlay');
if (!target) throw new Error('Flashcue: #overlay element missing from overlay/ticker.html');

export default mount(Ticker, { target });
