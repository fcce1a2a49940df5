// The next-up overlay's single wiring module.
import { mount } from 'svelte';
import NextUp from './NextUp.svelte';

const target = document.getElementById('overlay');
if (!target) throw new Error('Flashcue: #overlay element missing from overlay/next-up.html');

export default mount(NextUp, { target });
