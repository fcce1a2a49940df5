// The lower-third overlay's single wiring module.
import { mount } from 'svelte';
import LowerThird from './LowerThird.svelte';

const target = document.getElementById('overlay');
if (!target) throw new Error('Flashcue: #overlay element missing from overlay/lower-third.html');

export default mount(LowerThird, { target });
