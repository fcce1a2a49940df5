// Unit tests read overlay phrases as an English page does: its strings loaded first.
import { loadOnAirWords } from '../../overlay/lib/words.svelte';

await loadOnAirWords('en');
