/** Types of the virtual modules served by onAirBuild.ts. */
declare module 'virtual:flashcue-onair' {
  import type { Locale } from './locale';
  import type { OnAirTable } from './onAirTable';
  export function loadOnAir(locale: Locale): Promise<OnAirTable>;
}

/** The error box's messages (a lazy chunk of their own on a built overlay page). */
declare module 'virtual:flashcue-onair-errors' {
  import type { Locale } from './locale';
  import type { OnAirTable } from './onAirTable';
  export function loadOnAirErrors(locale: Locale): Promise<Partial<OnAirTable>>;
}

/** The words of a page's lazy cards (overlay/all/lazyCards.ts), loaded with them. */
declare module 'virtual:flashcue-onair-lazy' {
  import type { Locale } from './locale';
  import type { OnAirTable } from './onAirTable';
  export function loadOnAirLazy(locale: Locale): Promise<Partial<OnAirTable>>;
}
