// The countdown overlay's single wiring module.
import { mount } from 'svelte';
import Countdown from './Countdown.svelte';

const target = document.getElementById('overlay');
if (!target) throw new Error('Flashcue: #overlay element missing from overlay/countdown.html');

export default mount(Countdown, { target });
