// The controller's single wiring module: the only place that starts anything.
import { mount } from 'svelte';
import App from './App.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('Flashcue: #app element missing from controller/index.html');

export default mount(App, { target });
