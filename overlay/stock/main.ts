// The stock overlay's single wiring module.
import { mount } from 'svelte';
import Stock from './Stock.svelte';

const target = document.getElementById('overlay');
if (!target) throw new Error('Flashcue: #overlay element missing from overlay/stock.html');

export default mount(Stock, { target });
