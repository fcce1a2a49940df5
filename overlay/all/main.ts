// The all overlay's single wiring module.
import { mount } from 'svelte';
import All from './All.svelte';

const target = document.getElementById('overlay');
if (!target) throw new Error('Flashcue: #overlay element missing from overlay/all.html');

export default mount(All, { target });
